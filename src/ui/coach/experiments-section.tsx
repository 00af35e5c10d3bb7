import { useEffect, useState } from 'preact/hooks';
import type { DecideResult, ExperimentView, StartResult, TriedBehaviour } from '@/src/app/experiments';
import type { Decision, ExperimentInput } from '@/src/core/experiment';
import type { Habit } from '@/src/core/habit';
import { useAction, useAsync } from '../use-action';
import { ExperimentCard } from './experiment-card';
import { ExperimentForm } from './experiment-form';

export interface ExperimentsApi {
  load: () => Promise<{ today: string; views: ExperimentView[] }>;
  start: (input: ExperimentInput, behaviour: TriedBehaviour) => Promise<StartResult>;
  log: (experimentId: string, value: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  decide: (experimentId: string, decision: Decision, words: { noticed: string; lesson: string }) => Promise<DecideResult>;
}

export interface ExperimentsSectionProps {
  api: ExperimentsApi;
  habits: readonly Habit[];
  browserZone: string;
  /** A habit was made, changed or archived: the page reloads its lists and the cues follow. */
  onHabitsChanged: (text: string) => void;
}

const DECIDED: Record<Decision, string> = { adopt: 'Adopted', adapt: 'Adapted', abandon: 'Abandoned' };

/** Two-week micro-experiments: start one, log its measure, and decide at the retrospective. The history stays. */
export function ExperimentsSection({ api, habits, browserZone, onHabitsChanged }: ExperimentsSectionProps) {
  const { data, error, reload } = useAsync(api.load);
  // Logging, deciding and starting: a failure is said in words under the section's lists.
  const { problem, run } = useAction();
  // options.html#experiment=<habitId> (a trap question's "Start an experiment") opens the form on that behaviour.
  const [prefill, setPrefill] = useState<{ key: number; input?: ExperimentInput; habitId?: string }>(() => {
    const asked = /^#experiment=(.+)$/.exec(globalThis.location?.hash ?? '')?.[1];
    return { key: 0, ...(asked ? { habitId: decodeURIComponent(asked) } : {}) };
  });
  const loaded = data !== undefined;
  useEffect(() => {
    if (!loaded || !globalThis.location?.hash.startsWith('#experiment=')) return;
    const field = document.getElementById('exp-hypothesis');
    field?.focus({ preventScroll: true });
    field?.closest('form')?.scrollIntoView({ block: 'center' });
  }, [loaded]);
  if (error) return <p role="alert">Cueboard could not read the experiments. {error}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const running = data.views.filter((v) => v.experiment.status === 'running');
  const decided = data.views.filter((v) => v.experiment.status !== 'running');

  return (
    <>
      <p class="hint">Two weeks, one small change, a daily measure, and a retrospective at the end. Two at most at once: small and manageable.</p>
      {running.length > 0 && (
        <ul class="list experiments" aria-label="Running experiments">
          {running.map((view) => (
            <ExperimentCard
              key={view.experiment.id}
              view={view}
              log={(value) =>
                run(async () => {
                  const result = await api.log(view.experiment.id, value);
                  if (result.ok) await reload();
                  return result.ok ? undefined : result.error;
                })
              }
              decide={(decision, words) =>
                run(async () => {
                  const result = await api.decide(view.experiment.id, decision, words);
                  if (!result.ok) return result.error;
                  await reload();
                  onHabitsChanged(`${DECIDED[decision]}: “${view.habitName}”.`);
                  if (result.next) setPrefill((p) => ({ key: p.key + 1, input: result.next!, habitId: view.experiment.habitId }));
                  return undefined;
                })
              }
            />
          ))}
        </ul>
      )}
      <ExperimentForm
        key={prefill.key}
        habits={habits.filter((h) => !h.archived)}
        browserZone={browserZone}
        {...(prefill.input ? { initial: prefill.input } : {})}
        {...(prefill.habitId ? { habitId: prefill.habitId } : {})}
        onStart={(input, behaviour) =>
          run(async () => {
            const result = await api.start(input, behaviour);
            if (!result.ok) return result;
            setPrefill((p) => ({ key: p.key + 1 }));
            await reload();
            onHabitsChanged(`Started an experiment with “${result.habit.name}”.`);
            return undefined;
          })
        }
      />
      {problem && <p role="alert">{problem}</p>}
      {decided.length > 0 && (
        <>
          <h3>Past experiments</h3>
          <ul class="list" aria-label="Past experiments">
            {decided.map(({ experiment, habitName }) => (
              <li key={experiment.id}>
                <span>
                  <strong>{DECIDED[experiment.status as Decision]}</strong> — {habitName}: {experiment.hypothesis}
                  {experiment.retrospective?.lesson && <span class="hint"> Lesson: {experiment.retrospective.lesson}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
