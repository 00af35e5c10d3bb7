// `npm run screenshots`: the popup and the new tab with realistic data, in headless Chromium, into docs/.
import { it } from 'vitest';
import { launch, until } from '../tests/e2e/extension';

const DAY = 86_400_000;

it('takes the README screenshots', async () => {
  const browser = await launch();
  // The browser's clock is pinned at launch (a Wednesday afternoon), so the screenshots look the same any day.
  const now = await browser.now();
  const zone = 'America/New_York';
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
  const startsOn = today.subtract({ days: 56 }).toString();
  const habit = (id: string, name: string, target: object, days: number[], time: string, minutes: number, firstStep: string, keystone = false) => ({
    id,
    name,
    outcomeId: 'bugs',
    target,
    schedule: { days, startTime: time, durationMinutes: minutes, timeZone: zone },
    start: { firstStep },
    keystone,
    onDashboard: true,
    archived: false,
    startsOn,
    createdAt: now - 56 * DAY,
    scheduleSince: now - 56 * DAY,
  });
  const habits = [
    habit('review', 'Review team code', { kind: 'minutes', amount: 30, per: 'day' }, [1, 2, 3, 4, 5], '14:00', 30, 'Open the review queue', true),
    habit('deep', 'Deep work before email', { kind: 'minutes', amount: 90, per: 'day' }, [1, 2, 3, 4, 5], '08:30', 90, 'Close email, open the design doc'),
    habit('calls', 'Outreach calls', { kind: 'count', amount: 10, per: 'week' }, [1, 2, 3, 4, 5], '10:00', 30, 'Open the call list'),
  ];
  const checkIns: object[] = [];
  let n = 0;
  for (let d = 56; d >= 0; d--) {
    const date = today.subtract({ days: d });
    if (date.dayOfWeek > 5) continue;
    const at = now - d * DAY;
    const add = (habitId: string, value: number, status = 'done') =>
      checkIns.push({ id: `s${++n}`, habitId, localDate: date.toString(), at, timeZone: zone, value, status, source: 'popup' });
    if (d > 0 && n % 7 !== 3) add('review', 30);
    if (d > 0 && d % 4 !== 1) add('deep', 90);
    if (d % 3 === 2) add('deep', 0, 'skipped');
    if (d > 0) add('calls', 2 + (d % 2));
  }
  const outcome = {
    id: 'bugs',
    name: 'Bugs reported per sprint',
    unit: 'bugs',
    baseline: 40,
    target: 32,
    targetDate: today.add({ months: 4 }).toString(),
    direction: 'down',
    archived: false,
    createdAt: now - 60 * DAY,
  };
  const values = [40, 39, 39, 37, 36, 36, 35, 34].map((value, i) => ({
    id: `v${i}`,
    outcomeId: 'bugs',
    localDate: today.subtract({ weeks: 7 - i }).toString(),
    value,
  }));
  await until(
    () =>
      browser.inWorker(
        () =>
          new Promise<boolean>((ok) => {
            const r = indexedDB.open('cueboard');
            r.onsuccess = () => {
              ok(r.result.objectStoreNames.contains('outcomeValues'));
              r.result.close();
            };
          }),
        undefined,
      ),
    'the database',
  );
  await browser.inWorker(
    (data: { habits: object[]; checkIns: object[]; outcome: object; values: object[] }) =>
      new Promise<void>((done) => {
        const r = indexedDB.open('cueboard');
        r.onsuccess = () => {
          const tx = r.result.transaction(['habits', 'checkIns', 'outcomes', 'outcomeValues'], 'readwrite');
          for (const h of data.habits) tx.objectStore('habits').put(h);
          for (const c of data.checkIns) tx.objectStore('checkIns').put(c);
          tx.objectStore('outcomes').put(data.outcome);
          for (const v of data.values) tx.objectStore('outcomeValues').put(v);
          tx.oncomplete = () => {
            r.result.close();
            done();
          };
        };
      }),
    { habits, checkIns, outcome, values },
  );
  await browser.inWorker(() => chrome.runtime.sendMessage({ type: 'reconcile' }).catch(() => undefined), undefined);

  const popup = await browser.open('popup.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('heading', { name: 'Leading metrics' }).waitFor();
  await popup.screenshot({ path: 'docs/popup.png', fullPage: true });

  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: 1100, height: 820 });
  await tab.goto('chrome://newtab/');
  await tab.getByText(/Checked off today/).waitFor();
  await tab.screenshot({ path: 'docs/newtab.png', fullPage: true });
  await browser.close();
}, 120_000);

it('takes the guided start screenshots, one per step', async () => {
  const browser = await launch({ keepWelcome: true });
  const page = browser.welcome!;
  await page.setViewportSize({ width: 900, height: 760 });
  const shot = async (n: number, name: string) => {
    await page.getByText(`Step ${n} of 5`).waitFor();
    await page.screenshot({ path: `docs/guided-${n}-${name}.png`, fullPage: true });
  };
  const next = () => page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Reduce software bugs by 20%' }).click();
  await shot(1, 'outcome');
  await next();
  await page.getByRole('radio', { name: /^Individual contributor/ }).check();
  await shot(2, 'role');
  await next();
  for (const name of [/^Peer code review/, /^Deep work/, /^Plan/]) await page.getByRole('checkbox', { name }).first().check();
  await shot(3, 'behaviours');
  await next();
  await page.getByRole('radio').last().check();
  await shot(4, 'keystone');
  await next();
  await shot(5, 'loop');
  await browser.close();
}, 120_000);
