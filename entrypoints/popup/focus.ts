// The popup's door to the focus block (see focus-pages.tsx): it has no static imports, so the popup's initial script
// names only this file.
const root = document.getElementById('focus')!;
import('@/src/wiring/focus-pages')
  .then((m) => m.popupFocus(root))
  .catch((error: unknown) => {
    // The dashboard still works; say that the focus part is missing rather than leave a silent gap.
    console.error('[cueboard]', error);
    root.setAttribute('role', 'alert');
    root.textContent = 'The focus block could not load. Reload the popup to try again.';
  });
export {};
