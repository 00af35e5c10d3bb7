import type { CheckIn } from '@/src/core/check-in';
import type { CueEvent } from '@/src/core/cue-event';
import type { MeasureEntry } from '@/src/core/experiment';
import type { FocusPrefs } from '@/src/core/focus-sites';
import type { FocusRecord } from '@/src/core/focus-session';

// The stored shape lives in the core, so an export document can name it without reaching into a port.
export type { FocusRecord } from '@/src/core/focus-session';

/**
 * Where focus blocks live: the current one (live, or ended and waiting for its rating), the history, and the
 * person's focus settings. Apart from the Repository so the glance pages load this only when a block is shown.
 */
export interface FocusStore {
  prefs(): Promise<FocusPrefs>;
  /** Read, change and write the focus settings in one transaction. */
  updatePrefs(change: (stored: FocusPrefs) => FocusPrefs): Promise<FocusPrefs>;

  /** The current block: live, or ended and not yet rated; undefined when there is none. */
  current(): Promise<FocusRecord | undefined>;
  /**
   * Read, change and write the current block in one transaction; `change` returning undefined clears it. When the
   * change ends the block, `ending` (given the ended block) may add its check-in and answer its cue: the session,
   * its history record, the check-in and the cue event then land together or not at all.
   */
  updateCurrent(
    change: (stored: FocusRecord | undefined) => FocusRecord | undefined,
    ending?: (ended: FocusRecord) => { checkIn?: CheckIn; answer?: (stored: CueEvent | undefined) => CueEvent },
  ): Promise<FocusRecord | undefined>;
  /**
   * The rating: stored on the block's history record and its check-in, the current block cleared, and (when an
   * experiment measures focus) the day's measure written, in one transaction.
   */
  rate(sessionId: string, rating: { value: number; note?: string } | undefined, measure?: MeasureEntry): Promise<void>;
  /** Ended blocks, newest first, at most `limit`. */
  history(limit: number): Promise<FocusRecord[]>;
}
