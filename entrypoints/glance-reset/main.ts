import { dropGlance } from '@/src/adapters/browser/glance-store';

// Opened by Chrome's service worker (which has no localStorage) as an offscreen document, after it committed a change:
// the drop runs while the page loads, so it is done by the time `offscreen.createDocument` resolves.
dropGlance(localStorage);
