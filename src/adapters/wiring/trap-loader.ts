import type { Deps } from '@/src/app/deps';
import type { TrapPanel } from '@/src/ui/dashboard/trap-questions';

/**
 * The glance pages' one door to the trap questions, itself loaded with a dynamic import after the first paint. A
 * second step on purpose: the list of files to preload for the questions' chunk then sits in this small chunk, not
 * in the page's initial script (it would cost the popup and the new tab about 90 bytes of their 20 KB budget).
 */
export function loadTrapPanel(deps: Promise<Deps>): Promise<TrapPanel> {
  return import('./trap-panel').then((m) => m.trapPanel(deps));
}
