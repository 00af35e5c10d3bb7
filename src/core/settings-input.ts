import { durationWords } from './flex-window';
import { isHhMm } from './local-time';
import type { Validated } from './result';
import type { Settings } from './settings';

/** The shortest daily cap: one five-minute block. Less would switch cue blocks off without saying so. */
export const MIN_DAILY_CAP_MINUTES = 5;
/** The longest daily cap: the whole day. */
export const MAX_DAILY_CAP_MINUTES = 24 * 60;
/** The most skip words, and the longest one: a few phrases matched against all-day event titles. */
export const MAX_SKIP_WORDS = 20;
export const MAX_SKIP_WORD_LENGTH = 40;

/** The settings form as typed. The cue-block fields are optional: a form without them leaves the stored values alone. */
export interface SettingsInput {
  dayBoundary: string;
  /** Minutes, as typed. */
  dailyCapMinutes?: string;
  /** One word or phrase per entry, as typed; blank entries are dropped. */
  skipWords?: string[];
}

/** A settings form field. */
export type SettingsField = 'dayBoundary' | 'dailyCapMinutes' | 'skipWords';

/**
 * Check the settings form. The day boundary must be a time from 00:00 to 06:00 (later would split working days);
 * the daily cap a whole number of minutes that holds at least one block; skip words short and few. Only the fields
 * the form sent come back.
 */
export function validateSettings(
  input: SettingsInput,
): Validated<Pick<Settings, 'dayBoundary'> & Partial<Pick<Settings, 'dailyCapMinutes' | 'skipWords'>>, SettingsField> {
  const errors: Partial<Record<SettingsField, string>> = {};
  const dayBoundary = input.dayBoundary.trim();
  if (!isHhMm(dayBoundary) || dayBoundary > '06:00') errors.dayBoundary = 'The day boundary is a time between 00:00 and 06:00, e.g. 04:00.';

  let dailyCapMinutes: number | undefined;
  if (input.dailyCapMinutes !== undefined) {
    const text = input.dailyCapMinutes.trim();
    dailyCapMinutes = Number(text);
    if (!/^\d+$/u.test(text) || dailyCapMinutes < MIN_DAILY_CAP_MINUTES || dailyCapMinutes > MAX_DAILY_CAP_MINUTES) {
      errors.dailyCapMinutes = `The daily cap is a whole number of minutes from ${MIN_DAILY_CAP_MINUTES} (one short block) to ${MAX_DAILY_CAP_MINUTES} (${durationWords(MAX_DAILY_CAP_MINUTES)}), e.g. 120.`;
    }
  }

  let skipWords: string[] | undefined;
  if (input.skipWords !== undefined) {
    skipWords = distinct(input.skipWords.map((w) => w.trim().replace(/\s+/gu, ' ')).filter((w) => w !== ''));
    const long = skipWords.find((w) => [...w].length > MAX_SKIP_WORD_LENGTH);
    if (skipWords.length > MAX_SKIP_WORDS) errors.skipWords = `Keep to ${MAX_SKIP_WORDS} skip words or fewer.`;
    else if (long) errors.skipWords = `Keep each skip word to ${MAX_SKIP_WORD_LENGTH} characters or fewer; “${[...long].slice(0, 20).join('')}…” is longer.`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { dayBoundary, ...(dailyCapMinutes !== undefined ? { dailyCapMinutes } : {}), ...(skipWords ? { skipWords } : {}) },
  };
}

/** The words without repeats that differ only in case, first spelling kept: matching ignores case anyway. */
function distinct(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
