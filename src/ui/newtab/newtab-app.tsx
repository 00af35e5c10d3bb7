import { useEffect, useState } from 'preact/hooks';
import type { DashboardView, NextCue } from '@/src/app/load-dashboard';
import type { TrapPanel } from '../dashboard/trap-questions';
import { formatTime } from '../format';
import { HabitRow } from '../popup/habit-row';
import { Later } from '../later';
import { useFreshView } from '../glance/fresh-view';
import { useAction, useAsync } from '../use-action';

export interface NewTabProps {
  load: () => Promise<DashboardView>;
  checkOff: (habitId: string, person?: string) => Promise<unknown>;
  undo: (checkInId: string) => Promise<unknown>;
  start: (cue: NextCue) => Promise<unknown>;
  openOptions: () => Promise<unknown>;
  timeZone: string;
  onReady?: () => void;
  /** The last view shown (the glance snapshot): rendered first, over the markup painted from it, until the read answers. */
  initial?: DashboardView;
  /** Each view just read, once shown: the page keeps it as the next open's snapshot. */
  onView?: (view: DashboardView) => void;
  /** The trap questions, fetched after the first paint (a dynamic import). */
  traps?: () => Promise<TrapPanel>;
}

const DAY_LETTERS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];
// The outcome's card and sparkline come after the glance (next cue, today's list) has painted.
const outcomeList = () => import('../dashboard/outcome-card').then((m) => m.OutcomeList);

/** The new tab: a calm glance — the next cue and its two-minute start, today's check-offs, the keystone's week, the outcome. */
export function NewTabApp({ load, checkOff, undo, start, openOptions, timeZone, onReady, traps, initial, onView }: NewTabProps) {
  const { data, error, reload } = useAsync(load, initial);
  // Each check-off or undo: the list reloads after it, and a failure is said in words.
  const { busy, problem, run, fail } = useAction(reload);
  const ready = useFreshView(data, initial, onView, onReady);
  // The trap questions arrive after the first paint; their code stays out of the new tab's initial script.
  const [panel, setPanel] = useState<TrapPanel>();
  useEffect(() => void (ready && traps?.().then(setPanel, fail)), [ready, traps]);
  const options = () => void openOptions().catch(fail);

  if (error)
    return (
      <main class="newtab">
        <p role="alert">Cueboard could not read its data. {error}</p>
      </main>
    );
  if (!data) return <main class="newtab" aria-busy="true" />;
  const done = data.items.filter((i) => i.state === 'done').length;
  return (
    <main class="newtab">
      <header class="newtab-head">
        <h1>Today</h1>
        <button type="button" class="quiet" onClick={options}>
          Habits &amp; settings
        </button>
      </header>
      {problem && <p role="alert">{problem}</p>}
      {data.nextCue ? (
        <section class="card next-cue" aria-labelledby="next-cue-title">
          <h2 id="next-cue-title">
            Next cue · {formatTime(data.nextCue.at, timeZone)}: {data.nextCue.name}
          </h2>
          <p>
            <span class="label">Two-minute start:</span> {data.nextCue.firstStep}
          </p>
          <button type="button" class="primary" onClick={() => void start(data.nextCue!).catch(fail)}>
            {data.nextCue.link ? 'Start: open the work' : 'Start two minutes'}
          </button>
        </section>
      ) : (
        data.items.length === 0 && (
          <p class="empty">
            No habits yet.{' '}
            <button type="button" class="primary" onClick={options}>
              Add the behaviour that moves your outcome
            </button>
          </p>
        )
      )}
      {data.items.length > 0 && (
        <section aria-labelledby="today-title">
          <h2 id="today-title" data-testid="done-today">
            Checked off today: {done} of {data.items.length}
          </h2>
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
        </section>
      )}
      {panel && <panel.TrapQuestions {...panel.actions} refresh={data} onChange={() => void reload()} />}
      {data.keystoneWeek && (
        <section aria-labelledby="keystone-title">
          <h2 id="keystone-title">Keystone this week: {data.keystoneWeek.name}</h2>
          <ol class="week" aria-label="Keystone days, Monday to Sunday">
            {data.keystoneWeek.days.map((d, i) => (
              <li key={d.date} class={`day-dot ${d.state}`} aria-label={`${d.date}: ${d.state === 'open' ? 'nothing logged' : d.state}`}>
                {DAY_LETTERS[i]}
              </li>
            ))}
          </ol>
        </section>
      )}
      {data.outcomes.length > 0 && (
        <section aria-labelledby="outcome-title">
          <h2 id="outcome-title">Outcome</h2>
          <Later load={outcomeList} outcomes={data.outcomes} />
        </section>
      )}
    </main>
  );
}
