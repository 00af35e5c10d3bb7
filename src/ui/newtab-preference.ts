/**
 * Whether the new tab shows the dashboard. Mirrored in localStorage (shared by the extension's pages) so the new
 * tab decides synchronously, before any IndexedDB read: a quiet tab never flashes the dashboard.
 */
const KEY = 'cueboard:newtab';

export function newTabDashboardOn(): boolean {
  return localStorage.getItem(KEY) !== 'off';
}

export function setNewTabDashboard(on: boolean): void {
  localStorage.setItem(KEY, on ? 'on' : 'off');
}

/**
 * Whether a focus block was current when a page last read it, mirrored the same way: while one is, the new tab waits
 * for the block before painting (so the dashboard never flashes first), else it paints the dashboard at once. A hint,
 * not the truth: the block is read either way, and the worker (no localStorage there) may start one unseen.
 */
const FOCUS_KEY = 'cueboard:focus';

export function focusHinted(): boolean {
  return localStorage.getItem(FOCUS_KEY) === '1';
}

export function hintFocus(current: boolean): void {
  localStorage.setItem(FOCUS_KEY, current ? '1' : '0');
}
