import { GoogleCalendar } from '@/src/adapters/calendar/google/google-calendar';
import { GoogleClient, type TokenSource } from '@/src/adapters/calendar/google/google-client';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import type { Deps } from '@/src/app/deps';
import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import { FixedClock } from '../fixed-clock';
import { FakeGoogle } from './fake-google-server';

/** A token source backed by the fake: a fresh token on request, like a silent renewal. */
export function fakeTokens(fake: FakeGoogle): TokenSource & { renewals: number } {
  let current = fake.issueToken();
  return {
    renewals: 0,
    async token(fresh = false) {
      if (fresh) {
        this.renewals++;
        current = fake.issueToken();
      }
      return current;
    },
  };
}

/** Cueboard's real Google provider, store and repository against a running fake, with instant backoff sleeps. */
export async function googleHarness(fake: FakeGoogle, clock = FixedClock.at('2026-03-02T15:00:00Z'), random: () => number = Math.random, timeoutMs = 500) {
  const db = await openCueboardDb();
  const repo = new IdbRepository(db);
  const store = new IdbCalendarStore(db);
  const sleeps: number[] = [];
  const requests: string[] = [];
  const tokens = fakeTokens(fake);
  const client = new GoogleClient({
    apiBase: fake.apiBase,
    tokens,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random,
    now: () => clock.now(),
    timeoutMs,
    onRequest: (method, url) => requests.push(`${method} ${new URL(url).pathname}`),
  });
  const google = new GoogleCalendar({ client, store, habits: () => repo.habits(), clock, random });
  let next = 0;
  const deps: Deps = { repo, clock, provider: google, alarms: browserAlarms, notifier: browserNotifier, newId: () => `habit-${++next}` };
  return { db, repo, store, client, google, deps, clock, sleeps, requests, tokens };
}

/** A small deterministic PRNG (mulberry32), so a failing randomized run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
