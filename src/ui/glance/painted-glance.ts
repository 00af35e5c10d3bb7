import type { DashboardView } from '@/src/app/load-dashboard';

/**
 * The key of a glance page's snapshot, as the first script (public/glance.js) reads it and the wiring writes it
 * (src/adapters/browser/glance-store.ts). A copy, not an import: the writer's module shares a chunk with code every
 * page loads, which a glance page must not wait for; a test holds the copies equal.
 */
export const glanceKey = (page: 'popup' | 'newtab') => `cueboard:glance:${page}`;

/**
 * The view the first script painted into `root`, if it painted one (it marks the root): the page renders it first,
 * over the painted nodes. Read again here rather than handed over, so the first script stays a plain script.
 */
export function paintedGlance(page: 'popup' | 'newtab', root: HTMLElement): DashboardView | undefined {
  if (root.dataset.glance !== 'painted') return undefined;
  try {
    const snapshot = JSON.parse(localStorage.getItem(glanceKey(page)) ?? 'null') as { v?: number; view?: DashboardView } | null;
    return snapshot?.v === 1 ? snapshot.view : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Run `job` at once, or, when a snapshot was painted, just after the browser's next frame (a frame's callback, then a
 * task), so the snapshot's frame never waits on the module's render. (Measured in headless Chromium with preloaded
 * modules: the first frame came after the module's render; the pages now preload nothing, see wxt.config.ts.)
 */
export function afterFirstFrame(painted: unknown, job: () => void): void {
  if (painted === undefined) job();
  else requestAnimationFrame(() => setTimeout(job));
}
