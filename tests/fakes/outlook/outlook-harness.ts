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

let recorded: number[] = [];

/** A sleep that records what it was asked to wait (ms) and goes on at once: the client's retry decisions are untouched. */
export async function recordedSleep(ms: number): Promise<void> {
  recorded.push(ms);
}

/** Start a fresh record of the in-worker sleeps of every Graph client the harness makes; returns it. */
export function recordRetrySleeps(): number[] {
  recorded = [];
  return recorded;
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
  const client = graphClient({ origin: fake.url, tokens, timeoutMs, sleep: recordedSleep, random });
  const outlook = new OutlookCalendar({
    client,
    origin: fake.url,
    store,
    habits: () => repo.habits(),
    clock,
    random,
    skipWords: async () => (await repo.settings()).skipWords,
  });
  let next = 0;
  const deps: Deps = { repo, clock, provider: outlook, alarms: browserAlarms, notifier: browserNotifier, newId: () => `habit-${++next}` };
  return { db, repo, store, client, outlook, deps, clock, tokens };
}
