import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserSiteAccess } from '@/src/adapters/browser/browser-site-access';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/wiring/page-deps';
import { saveOutcome, setOutcomeArchived } from '@/src/app/save-outcome';
import { saveSettings } from '@/src/app/save-settings';
import { calendarStatus } from '@/src/app/calendar-status';
import { logOutcomeValue } from '@/src/app/log-outcome';
import { todayOf } from '@/src/app/today-date';
import { setNewTabDashboard } from '@/src/ui/newtab-preference';
import { CALENDAR_CHANGED, requestReconcile, send } from '@/src/messaging/protocol';
import { OptionsApp } from '@/src/ui/options/options-app';
import '@/src/ui/styles.css';

const deps = pageDeps();
// Experiments load after the first paint (the section asks for them), with the coaching store.
const experiments = () => import('@/src/app/experiments');
const coaching = () => import('@/src/wiring/coaching-deps').then((m) => m.coachingDeps());
// A habit's rules and messages load with its first save or archive: the page paints without them.
const habitSaves = () => import('@/src/app/save-habit');
// Export and import load when the person uses them.
const dataActions = () => import('@/src/wiring/data-actions');
// The focus store loads when the Focus section or a habit save asks for it.
const focus = () => import('@/src/wiring/focus-deps').then((m) => m.focusStore());

render(
  <OptionsApp
    timeZone={systemClock.timeZone()}
    load={async () => {
      const { repo, store } = await deps;
      const [habits, outcomes, settings, calendar, { today }] = await Promise.all([
        repo.habits(),
        repo.outcomes(),
        repo.settings(),
        calendarStatus(repo, store),
        todayOf(await deps),
      ]);
      return { habits, outcomes, settings, calendar, today };
    }}
    logOutcomeValue={async (outcomeId, input) => logOutcomeValue(await deps, outcomeId, input)}
    connectCalendar={(provider) => send({ type: 'calendar-connect', provider })}
    disconnectCalendar={(provider, removeEvents) => send({ type: 'calendar-disconnect', provider, removeEvents })}
    repairCue={(habitId) => send({ type: 'calendar-repair', habitId })}
    experiments={{
      load: async () => (await experiments()).loadExperiments(await coaching()),
      start: async (input, behaviour) => (await experiments()).startExperiment(await coaching(), input, behaviour),
      log: async (id, value) => (await experiments()).logMeasure(await coaching(), id, value),
      decide: async (id, decision, words) => (await experiments()).decideExperiment(await coaching(), id, decision, words),
    }}
    data={{
      exportFile: async (kind) => (await dataActions()).exportToDownloads(kind),
      readFiles: async (files, mode) => (await dataActions()).readFiles(files, mode),
      backup: {
        status: async () => (await dataActions()).backupStatus(),
        // Asked before anything is awaited: the browser asks only in the same turn as the click.
        turnOn: () => {
          const asked = browser.permissions.request({ permissions: ['downloads'] });
          return dataActions().then((m) => m.turnBackupsOn(asked));
        },
        turnOff: async () => (await dataActions()).turnBackupsOff(),
        now: async () => (await dataActions()).backupNow(),
      },
    }}
    focus={{
      prefs: async () => (await focus()).prefs(),
      updatePrefs: async (change) => (await focus()).updatePrefs(change),
      access: browserSiteAccess,
      sitesChanged: () => send({ type: 'focus', action: { do: 'sites' } }),
    }}
    // The focus settings say whether a focus block must name its intention.
    saveHabit={async (input, id) => (await habitSaves()).saveHabit({ ...(await deps), focus: await focus() }, input, id)}
    setHabitArchived={async (id, archived) => (await habitSaves()).setHabitArchived(await deps, id, archived)}
    cuesFollow={async () => void (await requestReconcile())}
    onCalendarChange={(reload) => {
      const listener = (message: unknown) => {
        if ((message as { type?: string } | null)?.type === CALENDAR_CHANGED) reload();
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    }}
    saveOutcome={async (input, id) => saveOutcome(await deps, input, id)}
    setOutcomeArchived={async (id, archived) => setOutcomeArchived(await deps, id, archived)}
    saveSettings={async (input) => {
      const result = await saveSettings(await deps, input);
      if (result.ok) setNewTabDashboard(result.value.newTabDashboard);
      return result;
    }}
  />,
  document.getElementById('app')!,
);
