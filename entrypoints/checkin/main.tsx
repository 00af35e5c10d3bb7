import { render } from 'preact';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { coachingDeps } from '@/src/wiring/coaching-deps';
import { finishSession, keepSession, openSession, scheduleCheckIns } from '@/src/app/coaching-sessions';
import { loadExperiments } from '@/src/app/experiments';
import { requestReconcile } from '@/src/messaging/protocol';
import { CheckInApp } from '@/src/ui/coach/checkin-app';
import '@/src/ui/styles.css';

const deps = coachingDeps();

render(
  <CheckInApp
    timeZone={systemClock.timeZone()}
    now={systemClock.now}
    open={async () => {
      const d = await deps;
      const [opened, { views }] = await Promise.all([openSession(d), loadExperiments(d)]);
      return { ...opened, experiments: views };
    }}
    keep={async (session) => keepSession(await deps, session)}
    finish={async (session, turn) => {
      const result = await finishSession(await deps, session, turn);
      if (result.ok) void requestReconcile().catch(() => undefined);
      return result;
    }}
    schedule={async (when) => {
      const saved = await scheduleCheckIns(await deps, { ...when, timeZone: systemClock.timeZone() });
      if (!saved.ok) return { ok: false, error: Object.values(saved.errors).join(' ') };
      // The cue alarms follow from the local schedule at once; a calendar catches up in the background. A background
      // that does not answer must not turn a saved schedule into a failure: the alarms follow at its next refresh.
      await requestReconcile().catch((error: unknown) => console.warn('[cueboard] cues follow at the next refresh', error));
      return { ok: true };
    }}
    copy={(text) => navigator.clipboard.writeText(text)}
    save={(fileName, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }}
  />,
  document.getElementById('app')!,
);
