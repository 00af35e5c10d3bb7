import { RetryHandler } from '@microsoft/microsoft-graph-client';
import { vi } from 'vitest';
import { graphClient } from '@/src/adapters/calendar/outlook/graph-client';
import { OutlookCalendar } from '@/src/adapters/calendar/outlook/outlook-calendar';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import type { Deps } from '@/src/app/deps';
import type { TokenSource } from '@/src/adapters/calendar/google/google-client';
import { FixedClock } from '../fixed-clock';
import type { FakeGraph } from './fake-graph-server';

/**
 * The Graph library's RetryHandler waits real seconds; tests record what it would wait (the Retry-After it honours)
 * and go on at once. The spy wraps the real library: its retry decisions are untouched.
 */
export function recordRetrySleeps(): number[] {
  const sleeps: number[] = [];
  vi.spyOn(RetryHandler.prototype as unknown as { sleep: (s: number) => Promise<void> }, 'sleep').mockImplementation(async (seconds: number) => {
    sleeps.push(seconds);
  });
  return sleeps;
}

/** Tokens straight from the fake: a fresh one on request, like a refresh. */
export function fakeGraphTokens(fake: FakeGraph): TokenSource & { renewals: number } {
  let current = fake.issueAccessToken();
  return {
    renewals: 0,
    async token(fresh = false) {
      if (fresh) {
        this.renewals++;
        current = fake.issueAccessToken();
      }
      return current;
    },
  };
}

/** Cueboard's real Outlook provider with the real Graph client, against a running fake. */
export async function outlookHarness(fake: FakeGraph, clock = FixedClock.at('2026-03-02T15:00:00Z'), random: () => number = Math.random, timeoutMs = 2000) {
  const db = await openCueboardDb();
  const repo = new IdbRepository(db);
  const store = new IdbCalendarStore(db);
  const tokens = fakeGraphTokens(fake);
  const client = graphClient({ origin: fake.url, tokens, timeoutMs });
  const outlook = new OutlookCalendar({ client, origin: fake.url, store, habits: () => repo.habits(), clock, random });
  let next = 0;
  const deps: Deps = { repo, clock, provider: outlook, alarms: browserAlarms, notifier: browserNotifier, newId: () => `habit-${++next}` };
  return { db, repo, store, client, outlook, deps, clock, tokens };
}
