import { describe, expect, it } from 'vitest';
import { calendarStatus, calendarWords, removalWords, type CalendarStatus } from '@/src/app/calendar-status';
import type { CalendarErrorKind } from '@/src/core/calendar-sync';
import { testDeps } from '../fakes/test-deps';

const connected = (over: Partial<CalendarStatus> = {}): CalendarStatus => ({
  calendar: 'google',
  connected: true,
  needsReconnect: false,
  pending: 0,
  missing: [],
  ...over,
});

describe('calendar card words', () => {
  it('counts waiting changes with the right plural, and says "Everything is written." only when nothing waits', () => {
    expect(calendarWords(connected()).state).toBe('Cues are recurring events in your Google Calendar. Everything is written.');
    expect(calendarWords(connected({ pending: 1 })).state).toBe('Cues are recurring events in your Google Calendar. 1 change is waiting to be written.');
    expect(calendarWords(connected({ pending: 2 })).state).toBe('Cues are recurring events in your Google Calendar. 2 changes are waiting to be written.');
    for (const pending of [1, 2]) expect(calendarWords(connected({ pending })).state).not.toContain('Everything is written');
  });

  it('never says "Everything is written." while a habit’s cue is missing; names how many, with the plural right', () => {
    const one = calendarWords(connected({ missing: ['h1'] }));
    expect(one.state).not.toContain('Everything is written');
    expect(one.missing).toBe('1 habit’s cue is missing from Google Calendar — repair it below.');
    expect(calendarWords(connected({ calendar: 'outlook', missing: ['h1', 'h2'] })).missing).toBe(
      '2 habits’ cues are missing from Outlook — repair them below.',
    );
    expect(calendarWords(connected({ pending: 1, missing: ['h1'] })).state).toContain('1 change is waiting');
    expect(calendarWords(connected()).missing).toBeUndefined();
  });

  it('tells each kind of failure in a plain sentence and keeps the server’s text for Details only', () => {
    const cases: [CalendarErrorKind, string, RegExp][] = [
      ['offline', 'Network error: Failed to fetch', /could not reach Google Calendar.*offline/],
      ['busy', '429 rateLimitExceeded: Rate Limit Exceeded', /Google Calendar is busy/],
      ['server', '500 backendError: Backend Error', /Google Calendar had a problem on its side/],
      ['signin', 'Google Calendar needs you to connect again.', /sign in again/],
      ['forbidden', '403 forbidden: Forbidden', /refused the change.*permission/],
      ['unexpected', '400 invalid: Invalid resource id value.', /did not expect/],
    ];
    for (const [kind, raw, sentence] of cases) {
      const words = calendarWords(connected({ pending: 1, lastError: raw, lastErrorKind: kind }));
      expect(words.problem, kind).toMatch(sentence);
      expect(words.problem, kind).not.toContain(raw);
      expect(words.state, kind).not.toContain(raw);
      expect(words.details, kind).toBe(raw);
    }
    // Nothing waiting: an old failure is not news.
    expect(calendarWords(connected({ lastError: 'x', lastErrorKind: 'server' })).problem).toBeUndefined();
  });

  it('asks calmly to reconnect, and speaks of the local calendar without an account', () => {
    expect(calendarWords(connected({ calendar: 'outlook', needsReconnect: true, pending: 3 })).state).toBe(
      'Outlook asks you to sign in again. Nothing is lost: changes wait here until you reconnect.',
    );
    expect(calendarWords({ calendar: 'local', connected: false, needsReconnect: false, pending: 0, missing: [] }).state).toMatch(
      /own calendar on this machine/,
    );
  });
});

describe('words for an unfinished "disconnect and remove"', () => {
  it('says how many habits’ events are left, why by kind, and keeps the raw text for Details', () => {
    expect(removalWords({ calendar: 'google', left: 1 }).state).toMatch(/^The cue events of 1 habit are still in your Google Calendar\./);
    expect(removalWords({ calendar: 'outlook', left: 2 }).state).toMatch(/^The cue events of 2 habits are still in your Outlook\./);
    const busy = removalWords({ calendar: 'google', left: 2, lastError: '429 rateLimitExceeded: Rate Limit Exceeded', lastErrorKind: 'busy' });
    expect(busy).toMatchObject({ problem: expect.stringMatching(/busy/), details: '429 rateLimitExceeded: Rate Limit Exceeded' });
    expect(removalWords({ calendar: 'google', left: 1, lastError: 'x', lastErrorKind: 'signin' }).problem).toMatch(
      /sign in again to remove them: press “Try removing again”/,
    );
  });
});

describe('calendarStatus', () => {
  it('reads the failure kind stored with the outbox entry, beside its raw detail', async () => {
    const d = await testDeps();
    await d.repo.updateSettings((s) => ({ ...s, calendar: 'google' }));
    await d.store.putAuth({ provider: 'google', accessToken: 't', expiresAt: d.clock.now() + 3600_000 });
    await d.store.enqueue({
      id: 'google|h1',
      provider: 'google',
      habitId: 'h1',
      queuedAt: 0,
      attempts: 1,
      nextAttemptAt: 0,
      lastError: '503 backendError: Backend Error',
      lastErrorKind: 'server',
    });
    expect(await calendarStatus(d.repo, d.store)).toMatchObject({
      pending: 1,
      lastError: '503 backendError: Backend Error',
      lastErrorKind: 'server',
      needsReconnect: false,
    });
  });

  it('counts removals apart from waiting writes, whichever calendar is in use', async () => {
    const d = await testDeps();
    await d.store.enqueue({
      id: 'outlook|h1',
      provider: 'outlook',
      habitId: 'h1',
      queuedAt: 0,
      attempts: 1,
      nextAttemptAt: 0,
      action: 'remove',
      lastError: 'Network error: fetch failed',
      lastErrorKind: 'offline',
    });
    await d.store.enqueue({ id: 'outlook|h2', provider: 'outlook', habitId: 'h2', queuedAt: 0, attempts: 0, nextAttemptAt: 0, action: 'remove' });
    expect(await calendarStatus(d.repo, d.store)).toEqual({
      calendar: 'local',
      connected: false,
      needsReconnect: false,
      pending: 0,
      missing: [],
      removing: { calendar: 'outlook', left: 2, lastError: 'Network error: fetch failed', lastErrorKind: 'offline' },
    });
  });
});
