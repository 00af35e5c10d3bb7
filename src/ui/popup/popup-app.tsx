import { useEffect, useState } from 'preact/hooks';
import type { DashboardView } from '@/src/app/load-dashboard';
import type { TrapPanel } from '../dashboard/trap-questions';
import { Later } from '../later';
import { useFreshView } from '../glance/fresh-view';
import { useAction, useAsync } from '../use-action';
import { HabitRow } from './habit-row';
import { MissedList } from './missed-list';

// The metrics' cards and sparklines come after today's list has painted: a glance needs the list first.
const metricsSection = () => import('../dashboard/metrics-section').then((m) => m.MetricsSection);

export interface PopupActions {
  load: () => Promise<DashboardView>;
  /** Called once the dashboard has rendered with data just read (the bench measures this). */
  onReady?: () => void;
  /** The last view shown (the glance snapshot): rendered first, over the markup painted from it, until the read answers. */
  initial?: DashboardView;
  /** Each view just read, once shown: the page keeps it as the next open's snapshot. */
  onView?: (view: DashboardView) => void;
  checkOff: (habitId: string, person?: string) => Promise<unknown>;
  undo: (checkInId: string) => Promise<unknown>;
  /** Answer one cue that passed while the person was away; it counts for the cue's own day. */
  answerMissed: (habitId: string, cueAt: number, status: 'done' | 'skipped') => Promise<unknown>;
  openOptions: () => Promise<unknown>;
  timeZone: string;
  /** The trap questions, fetched after the first paint (a dynamic import). */
  traps?: () => Promise<TrapPanel>;
}

/** The popup: today's habits with one-click check-off and undo, and each one's progress this period. */
export function PopupApp({ load, checkOff, undo, answerMissed, openOptions, timeZone, onReady, traps, initial, onView }: PopupActions) {
  const { data, error, reload } = useAsync(load, initial);
  const ready = useFreshView(data, initial, onView, onReady);
  // Each check-off, undo or answer: the list reloads after it, and a failure is said in words.
  const { busy, problem, run, fail } = useAction(reload);
  // The trap questions arrive after the first paint; their code stays out of the popup's initial script.
  const [panel, setPanel] = useState<TrapPanel>();
  useEffect(() => void (ready && traps?.().then(setPanel, fail)), [ready, traps]);
  const options = () => void openOptions().catch(fail);

  return (
    <main class="popup">
      <header>
        <h1>Today</h1>
        <button type="button" class="quiet" onClick={options}>
          Habits &amp; settings
        </button>
      </header>
      {error && <p role="alert">Cueboard could not read its data. {error}</p>}
      {problem && <p role="alert">{problem}</p>}
      {data && data.missed.length > 0 && (
        <MissedList missed={data.missed} timeZone={timeZone} busy={busy} onAnswer={(m, status) => void run(() => answerMissed(m.habitId, m.cueAt, status))} />
      )}
      {data && data.items.length === 0 && (
        <p class="empty">
          No habits on the dashboard yet. Name a behaviour that drives your outcome and give it a cue.{' '}
          <button type="button" class="primary" onClick={options}>
            Add a habit
          </button>
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul class="habits" aria-label="Today's habits">
          {data.items.map((item) => (
            <HabitRow
              key={item.habitId}
              item={item}
              timeZone={timeZone}
              busy={busy}
              onDone={(id, person) => void run(() => checkOff(id, person))}
              onUndo={(id) => void run(() => undo(id))}
            />
          ))}
        </ul>
      )}
      {data && panel && <panel.TrapQuestions {...panel.actions} refresh={data} onChange={() => void reload()} />}
      {data && data.metrics.length > 0 && <Later load={metricsSection} metrics={data.metrics} outcomes={data.outcomes} />}
      {data?.backupOverdueDays !== undefined && (
        <p class="footnote">
          No backup for {data.backupOverdueDays} days.{' '}
          <a href="options.html#data" target="_blank">
            Back up now?
          </a>
        </p>
      )}
      {data && data.offDashboard > 0 && (
        <p class="footnote">{data.offDashboard === 1 ? '1 more habit runs' : `${data.offDashboard} more habits run`} off the dashboard.</p>
      )}
    </main>
  );
}
