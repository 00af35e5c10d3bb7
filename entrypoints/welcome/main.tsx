import { render } from 'preact';
import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { coachingDeps } from '@/src/wiring/coaching-deps';
import { calendarStatus } from '@/src/app/calendar-status';
import { finishGuidedStart } from '@/src/app/guided-start';
import { todayOf } from '@/src/app/today-date';
import { requestReconcile, send } from '@/src/messaging/protocol';
import { GuidedApp } from '@/src/ui/guided/guided-app';
import '@/src/ui/styles.css';

const deps = coachingDeps();

render(
  <GuidedApp
    timeZone={systemClock.timeZone()}
    now={systemClock.now}
    load={async () => {
      const { repo, store, coach } = await deps;
      const [draft, calendar, { today }] = await Promise.all([coach.guidedDraft(), calendarStatus(repo, store), todayOf(await deps)]);
      return { ...(draft ? { draft } : {}), calendar, today };
    }}
    saveDraft={async (draft) => (await deps).coach.putGuidedDraft(draft)}
    discardDraft={async () => (await deps).coach.clearGuidedDraft()}
    finish={async (draft) => {
      const result = await finishGuidedStart(await deps, draft);
      // The habits are stored; alarms follow from the local schedules at once (the calendar catches up after).
      if (result.ok) await requestReconcile().catch((error: unknown) => console.warn('[cueboard] cues follow at the next refresh', error));
      return result;
    }}
    calendarStatus={async () => {
      const { repo, store } = await deps;
      return calendarStatus(repo, store);
    }}
    connectCalendar={(provider) => send({ type: 'calendar-connect', provider })}
    disconnectCalendar={(provider, removeEvents) => send({ type: 'calendar-disconnect', provider, removeEvents })}
    leave={() => location.assign(browser.runtime.getURL('/options.html'))}
    openDashboard={() => location.assign(browser.runtime.getURL('/newtab.html'))}
  />,
  document.getElementById('app')!,
);
