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
