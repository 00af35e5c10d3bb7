import { render } from 'preact';
import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/wiring/page-deps';
import { checkOff, undoCheckIn } from '@/src/app/check-off';
import { snoozeCue, startCue } from '@/src/app/cue-actions';
import { refreshBadge, requestReconcile } from '@/src/messaging/protocol';
import { CueApp } from '@/src/ui/cue/cue-app';
import '@/src/ui/styles.css';

const params = new URLSearchParams(location.search);
const habitId = params.get('habit') ?? '';
const at = Number(params.get('at'));
const cueAt = params.has('at') && Number.isSafeInteger(at) ? at : undefined;
const deps = pageDeps();

/** A running experiment on this habit asks for today's measure here; its code loads only after the first paint. */
async function findMeasure() {
  const [{ coachingDeps }, { loadExperiments, logMeasure }] = await Promise.all([import('@/src/wiring/coaching-deps'), import('@/src/app/experiments')]);
  const coaching = await coachingDeps();
  const view = (await loadExperiments(coaching)).views.find((v) => v.experiment.status === 'running' && v.experiment.habitId === habitId && v.day);
  if (!view) return undefined;
  const { experiment } = view;
  return {
    label: experiment.measure.label,
    kind: experiment.measure.kind,
    ...(view.todaysValue !== undefined ? { value: view.todaysValue } : {}),
    log: (text: string) => logMeasure(coaching, experiment.id, text),
  };
}

/** After a check-off or undo, the toolbar count follows. */
async function withBadge<T>(done: Promise<T>): Promise<T> {
  const result = await done;
  refreshBadge();
  return result;
}

render(
  <CueApp
    habitId={habitId}
    {...(cueAt !== undefined ? { cueAt } : {})}
    timeZone={systemClock.timeZone()}
    now={systemClock.now}
    load={async () => {
      const habit = await (await deps).repo.habit(habitId);
      // The coaching check-in's cue opens the check-in itself.
      if (habit?.kind === 'checkin') location.replace(browser.runtime.getURL('/checkin.html'));
      return habit;
    }}
    start={async () => (cueAt !== undefined ? (await startCue(await deps, habitId, cueAt)).start.link : (await (await deps).repo.habit(habitId))?.start.link)}
    done={async () => withBadge(checkOff(await deps, { habitId, source: 'cue-page', ...(cueAt !== undefined ? { cueAt } : {}) }))}
    skip={async (note) =>
      withBadge(checkOff(await deps, { habitId, source: 'cue-page', status: 'skipped', ...(cueAt !== undefined ? { cueAt } : {}), ...(note ? { note } : {}) }))
    }
    undo={async (id) => withBadge(undoCheckIn(await deps, id))}
    snooze={async (minutes) => snoozeCue(await deps, habitId, cueAt ?? systemClock.now(), minutes)}
    cuesFollow={async () => void (await requestReconcile())}
    openLink={(url) => browser.tabs.create({ url })}
    findMeasure={findMeasure}
    focusCue={() => import('@/src/wiring/focus-pages').then((m) => m.CueFocus)}
  />,
  document.getElementById('app')!,
);
