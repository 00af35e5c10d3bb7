import { browser } from 'wxt/browser';

/** The extension page a cue opens: first step, two-minute timer, Done, Snooze, Skip. */
export function cuePageUrl(habitId: string, cueAt?: number): string {
  const query = new URLSearchParams({ habit: habitId, ...(cueAt !== undefined ? { at: String(cueAt) } : {}) });
  return `${browser.runtime.getURL('/cue.html')}?${query}`;
}
