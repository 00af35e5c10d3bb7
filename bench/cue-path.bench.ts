// The cue path, in real headless Chromium with the built extension and seeded habits: a cue's alarm → its notification
// shown, and the notification's Done → the toolbar badge updated, each with the service worker warm (running) and cold
// (stopped just before the trigger, so the browser starts it for the event, as after its idle timeout).
//
// Both ends are watched from an extension page, never from the worker, so watching neither wakes nor keeps it: the page
// creates the alarm (chrome.alarms works in pages) and polls chrome.notifications.getAll / chrome.action.getBadgeText.
// A notification's button cannot be clicked in headless Chromium, and no e2e test clicks one (they press Done on the
// cue page), so a few lines run before the background's own script (the prelude below, in a copy of the build): a
// message from the page dispatches the Done click to the worker's onButtonClicked listeners, and the prelude notes
// when the worker started and when the alarm reached it, to check each sample was cold or warm as labelled.
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { parseAlarmName } from '@/src/core/cue-plan';
import { launch, until } from '../tests/e2e/extension';
import { benchExtension, BLANK_PAGE, max, median } from './bench-extension';
import { seedOpenToday } from './seed';

/** Each browser gives one warm-up round and four measured ones (two warm, two cold): each round's Done closes a habit. */
const BROWSERS = 3;
const HABITS = 5;
const HISTORY_YEARS = 3;
/** How far ahead the page sets the alarm: room to start polling (unpacked extensions have no 30 s minimum). */
const ALARM_AHEAD_MS = 300;
/** The page's pause between polls, so polling does not take a core from the worker on a two-core machine. */
const POLL_GAP_MS = 2;
const DEADLINE_MS = 10_000;

/** The prelude: plain JavaScript, run on every start of the worker, before the background registers its listeners. */
const PRELUDE = `// Cueboard bench (bench/cue-path.bench.ts): timestamps and a Done trigger for the cue path.
(() => {
  const started = Date.now();
  const alarmAt = new Map();
  // Registered before the background's own listener, so this is when the browser delivered the alarm.
  chrome.alarms.onAlarm.addListener((alarm) => alarmAt.set(alarm.name, Date.now()));
  chrome.runtime.onMessage.addListener((message, _sender, reply) => {
    const ask = message && message.cueboardBench;
    if (ask === 'state') reply({ started, alarmAt: alarmAt.get(message.name) ?? null });
    // Done is the notification's second button (index 1), delivered to the listeners as a click would be.
    if (ask === 'done') {
      chrome.notifications.onButtonClicked.dispatch(message.id, 1);
      reply({ started });
    }
  });
})();`;

interface WorkerState {
  /** When the worker's script started (this run of the worker). */
  started: number;
  /** When the named alarm reached the worker, if it did in this run. */
  alarmAt: number | null;
}

/** The extension's service worker as DevTools sees it (a CDP session on the page): its running status, and a stop. */
async function workerSwitch(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.endsWith('/background.js')) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return {
    /** Stop it now and wait until it is stopped; the next event starts it again from its script. */
    async stop(): Promise<void> {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until(async () => status === 'stopped', 'the service worker to stop');
    },
  };
}

/** The prelude's notes (a message: it starts the worker if it is stopped). */
const workerState = (page: Page, alarmName = ''): Promise<WorkerState> =>
  page.evaluate((name) => chrome.runtime.sendMessage<object, WorkerState>({ cueboardBench: 'state', name }), alarmName);

/**
 * Wait until the worker finished what it was doing and the badge shows `open` cues: the background answers a badge
 * message from its cue queue, after the jobs before it (the alarm's own badge update), so no job overlaps the next.
 */
async function settle(page: Page, open: number): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'badge' }));
  const badge = await page.evaluate(() => chrome.action.getBadgeText({}));
  if (badge !== String(open)) throw new Error(`The badge reads "${badge}" where ${open} open cues were expected.`);
}

interface AlarmSample {
  name: string;
  /** When the page set the alarm, its scheduledTime, and when the page saw the notification (browser clock, ms). */
  created: number;
  scheduled: number;
  shown: number;
  polls: number;
  /** From the first poll to the one that saw it. */
  span: number;
}

/** Set a cue alarm for `habitId` a moment ahead and poll until its notification is shown. */
function alarmToNotification(page: Page, habitId: string): Promise<AlarmSample> {
  return page.evaluate(
    async ({ habitId, ahead, gap, deadline }) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const created = Date.now();
      const when = created + ahead;
      // A cue alarm's name, as cueAlarmName writes it (checked with parseAlarmName afterwards): cue|habit|instant.
      const name = `cue|${habitId}|${when}`;
      await chrome.alarms.create(name, { when });
      const scheduled = (await chrome.alarms.get(name))?.scheduledTime ?? when;
      // Nothing to see before the alarm is due: polling starts just before.
      await sleep(Math.max(0, scheduled - Date.now() - 5));
      const from = Date.now();
      for (let polls = 1; ; polls++) {
        const shown = name in (await chrome.notifications.getAll());
        const at = Date.now();
        if (shown) return { name, created, scheduled, shown: at, polls, span: at - from };
        if (at - scheduled > deadline) throw new Error(`No notification for ${name} ${deadline} ms after its alarm was due.`);
        await sleep(gap);
      }
    },
    { habitId, ahead: ALARM_AHEAD_MS, gap: POLL_GAP_MS, deadline: DEADLINE_MS },
  );
}

interface DoneSample {
  /** When the page sent the click, and when it saw the badge read `expected`. */
  clicked: number;
  updated: number;
  polls: number;
}

/** Press Done on notification `id` (through the prelude) and poll until the badge reads `expected`. */
function doneToBadge(page: Page, id: string, expected: string): Promise<DoneSample> {
  return page.evaluate(
    async ({ id, expected, gap, deadline }) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const clicked = Date.now();
      // Not awaited: the clock runs from the click, and the badge is what tells it landed.
      void chrome.runtime.sendMessage({ cueboardBench: 'done', id }).catch(() => undefined);
      for (let polls = 1; ; polls++) {
        const text = await chrome.action.getBadgeText({});
        const at = Date.now();
        if (text === expected) return { clicked, updated: at, polls };
        if (at - clicked > deadline) throw new Error(`The badge still read "${text}" ${deadline} ms after Done, not "${expected}".`);
        await sleep(gap);
      }
    },
    { id, expected, gap: POLL_GAP_MS, deadline: DEADLINE_MS },
  );
}

/** One mode's figures, ms. */
interface Figures {
  /** scheduledTime → notification seen. */
  shown: number[];
  /** scheduledTime → the alarm reached the worker. */
  delivered: number[];
  /** Done sent → badge seen updated. */
  badge: number[];
}

/** Polling, over all samples: time spent polling and polls made, for the mean interval. */
const polling = { ms: 0, polls: 0 };

/** One habit's round: its alarm fires and prompts, then Done on that prompt closes it, so the badge drops by one. */
async function round(page: Page, worker: Awaited<ReturnType<typeof workerSwitch>>, habitId: string, cold: boolean, open: number, into?: Figures) {
  const mode = cold ? 'cold' : 'warm';
  await settle(page, open);
  if (cold) await worker.stop();
  const alarm = await alarmToNotification(page, habitId);
  const cue = parseAlarmName(alarm.name);
  if (cue?.habitId !== habitId || cue.cueAt !== alarm.scheduled) throw new Error(`${alarm.name} is not the cue alarm's name for its instant.`);
  const afterAlarm = await workerState(page, alarm.name);
  if (afterAlarm.alarmAt === null) throw new Error(`The alarm ${alarm.name} never reached this run of the worker.`);
  // Cold: the worker's script started after the alarm was set (it was stopped then); warm: it was already running.
  if (cold !== afterAlarm.started >= alarm.created) throw new Error(`The alarm sample labelled ${mode} was not.`);

  await settle(page, open);
  if (cold) await worker.stop();
  const done = await doneToBadge(page, alarm.name, open > 1 ? String(open - 1) : '');
  const afterDone = await workerState(page);
  if (cold !== afterDone.started >= done.clicked) throw new Error(`The Done sample labelled ${mode} was not.`);

  if (!into) return;
  into.shown.push(alarm.shown - alarm.scheduled);
  into.delivered.push(afterAlarm.alarmAt - alarm.scheduled);
  into.badge.push(done.updated - done.clicked);
  polling.ms += alarm.span + (done.updated - done.clicked);
  polling.polls += alarm.polls + done.polls;
}

it('the cue path: alarm → notification, Done → badge, worker warm and cold', async () => {
  const dir = benchExtension(PRELUDE);
  const figures = { warm: { shown: [], delivered: [], badge: [] } as Figures, cold: { shown: [], delivered: [], badge: [] } as Figures };
  for (let b = 0; b < BROWSERS; b++) {
    const browser = await launch({ extensionDir: dir });
    try {
      const habits = await seedOpenToday(browser, HABITS, HISTORY_YEARS);
      const page = await browser.open(BLANK_PAGE);
      const worker = await workerSwitch(page);
      for (const [i, habitId] of habits.entries()) {
        // Round 0 warms up (unmeasured); then warm and cold alternate, starting with the other one in the next browser.
        const cold = i > 0 && (i + b) % 2 === 0;
        await round(page, worker, habitId, cold, habits.length - i, i > 0 ? figures[cold ? 'cold' : 'warm'] : undefined);
      }
    } finally {
      await browser.close();
    }
  }

  const cell = (xs: number[]) => `${median(xs).toFixed(0).padStart(5)} / ${max(xs).toFixed(0).padStart(5)}`;
  const line = (label: string, pick: (f: Figures) => number[]) => `  ${label.padEnd(36)} ${cell(pick(figures.warm))}   ${cell(pick(figures.cold))}`;
  const n = figures.cold.shown.length;
  console.log(
    [
      `\nCue path, ms: median / max of ${n} samples per cell (${BROWSERS} browsers × ${HABITS - 1} rounds, ${HABITS} habits with ${HISTORY_YEARS} y of history)`,
      `  ${''.padEnd(36)} ${'warm'.padStart(13)}   ${'cold'.padStart(13)}`,
      line('alarm → notification shown', (f) => f.shown),
      line('  of which: due → worker’s onAlarm', (f) => f.delivered),
      line('Done → badge updated', (f) => f.badge),
      `  target: under 1 s with the worker cold`,
      `  alarm: from its scheduledTime (chrome.alarms.get), set ${ALARM_AHEAD_MS} ms ahead from an extension page; Done: from the page's message that`,
      `    dispatches the click to the worker's onButtonClicked listeners (a prelude in a copy of the build)`,
      `  seen: an extension page polls chrome.notifications.getAll / chrome.action.getBadgeText, one call every ` +
        `${(polling.ms / polling.polls).toFixed(1)} ms on average; browser clock Date.now() (1 ms)`,
      `  cold: CDP ServiceWorker.stopAllWorkers, until DevTools reports the worker stopped; every sample checked its worker`,
      `    started after the trigger (cold) or before it (warm). Playwright's DevTools session stays attached to the worker`,
      `    across restarts, so a cold start may carry its overhead: the cold figures err on the slow side`,
      '',
    ].join('\n'),
  );
}, 600_000);
