import type { ComponentType, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrapsView } from '@/src/app/traps';
import type { Habit } from '@/src/core/habit';
import type { HabitField } from '@/src/core/habit-input';
import type { Validated } from '@/src/core/result';
import type { HuddlePlan, TrapQuestion } from '@/src/core/traps';
import { useAction, useAsync } from '../use-action';

/** What the trap questions can do; the wiring binds each to storage and the browser. */
export interface TrapActions {
  load: () => Promise<TrapsView>;
  /** "Not now" (and every answer): put the question away for a week. */
  dismiss: (id: string) => Promise<void>;
  /** One click: save the weekly huddle habit and have its cues follow. */
  scheduleHuddle: () => Promise<Validated<Habit, HabitField>>;
  /** Undo the huddle just made, and ask the question again. */
  undoHuddle: (habitId: string) => Promise<void>;
  /** Log this week's value of an outcome; the error, if any, is shown beside the field. */
  logValue: (outcomeId: string, value: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  /** Open the habit's form in options (a tab that would not open is said like a failed answer). */
  adjustHabit: (habitId: string) => Promise<unknown>;
  /**
   * Experiments' seam: when given, the fixation question also offers "Start an experiment" on that behaviour. The
   * question is put away for the week before this is called.
   */
  startExperiment?: (seed: { habitId: string; outcomeId: string }) => Promise<unknown>;
}

export interface TrapQuestionsProps extends TrapActions {
  /** Any value that changes when the dashboard reloaded (a check-off may answer a question by itself). */
  refresh?: unknown;
  /** Called after an answer changed the habits (a huddle made or undone), so the dashboard can reload. */
  onChange?: () => void;
}

/** What the lazily loaded panel hands over: the component and its bound actions (see src/wiring/trap-loader). */
export interface TrapPanel {
  TrapQuestions: ComponentType<TrapQuestionsProps>;
  actions: TrapActions;
}

type Notice = { text: string; undo?: () => Promise<void> };

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "Mondays at 14:00, 10 minutes" for the huddle about to be made. */
export function huddleWhen(plan: HuddlePlan): string {
  return `${WEEKDAYS[(plan.input.days[0] ?? 1) - 1]} at ${plan.input.startTime}, ${plan.input.durationMinutes} minutes`;
}

/**
 * Questions about the coaching traps, asked when the data suggests one: curious, never a verdict, each with its
 * answers and "Not now" (a week). Loaded after the dashboard's first paint.
 */
export function TrapQuestions(props: TrapQuestionsProps) {
  const { data, reload } = useAsync(props.load);
  const [notice, setNotice] = useState<Notice>();
  const { busy, problem, run } = useAction();
  const section = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void reload();
  }, [props.refresh]);

  /** Run an answer, say what happened, and keep the keyboard focus in the section as the question leaves. */
  const act = (job: () => Promise<Notice | undefined>) =>
    run(async () => {
      const next = await job();
      // The notice comes with the updated list, so what it says and what is shown agree.
      await reload();
      if (next) setNotice(next);
      section.current?.focus();
    });
  const later = (id: string) => act(async () => (await props.dismiss(id), { text: 'We’ll ask again in a week, if it still holds.' }));

  const questions = data?.questions ?? [];
  // Stays while an answer is under way, so the focus has somewhere to land when its question leaves.
  if (questions.length === 0 && !notice && !problem && !busy) return null;
  return (
    <section class="traps" ref={section} tabIndex={-1} aria-labelledby="traps-title">
      <h2 id="traps-title">Worth a thought</h2>
      {questions.length > 0 && (
        <ul class="trap-list">
          {questions.map((q) => (
            <li key={q.id} class="trap" aria-labelledby={`trap-${q.id}`}>
              <Question q={q} busy={busy} props={props} act={act} later={later} />
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="notice">
        {notice?.text}{' '}
        {notice?.undo && (
          <button
            type="button"
            class="quiet"
            disabled={busy}
            onClick={() => void act(async () => (await notice.undo!(), { text: 'Undone: the huddle is off the calendar.' }))}
          >
            Undo
          </button>
        )}
      </p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}

interface QuestionProps {
  q: TrapQuestion;
  busy: boolean;
  props: TrapQuestionsProps;
  act: (job: () => Promise<Notice | undefined>) => Promise<unknown>;
  later: (id: string) => Promise<unknown>;
}

function Question({ q, busy, props, act, later }: QuestionProps) {
  const titleId = `trap-${q.id}`;
  const notNow = (
    <button type="button" class="quiet" disabled={busy} aria-describedby={titleId} onClick={() => void later(q.id)}>
      Not now
    </button>
  );
  if (q.kind === 'fixation') {
    const answer = (then: () => Promise<unknown>) => () =>
      void act(async () => {
        await props.dismiss(q.id);
        await then();
        return undefined;
      });
    return (
      <>
        <h3 id={titleId}>Is this behaviour still the most effective way to reach “{q.outcomeName}”?</h3>
        <p>
          “{q.habitName}” has met its target three weeks running, while “{q.outcomeName}”{' '}
          {q.movement === 'flat' ? 'has held about level' : 'has moved away from its target'} over its last three values. That’s interesting — what can we learn
          from this?
        </p>
        <div class="actions">
          <button type="button" disabled={busy} onClick={answer(() => props.adjustHabit(q.habitId))}>
            Adjust the behaviour
          </button>
          {props.startExperiment && (
            <button type="button" disabled={busy} onClick={answer(() => props.startExperiment!({ habitId: q.habitId, outcomeId: q.outcomeId }))}>
              Start an experiment
            </button>
          )}
          {notNow}
        </div>
      </>
    );
  }
  if (q.kind === 'set-and-forget') {
    const why = [
      q.quietCheckOffs ? 'Nothing has been checked off in the last seven days.' : '',
      q.daysSinceCheckIn !== undefined ? `It has been ${q.daysSinceCheckIn} days since the last coaching check-in.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const plan = q.huddle;
    return (
      <>
        <h3 id={titleId}>Would a shorter loop help?</h3>
        <p>
          {why}{' '}
          {plan
            ? `What if a 10-minute huddle each week looked at the one key behaviour, “${q.keystoneName}”?`
            : `The weekly huddle on “${q.keystoneName}” is already in the calendar: what would make it easier to keep?`}
        </p>
        <div class="actions">
          {plan && (
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const saved = await props.scheduleHuddle();
                  if (!saved.ok) return { text: Object.values(saved.errors).join(' ') };
                  props.onChange?.();
                  return {
                    text: `Scheduled “${saved.value.name}”: ${huddleWhen(plan)}.`,
                    undo: async () => {
                      await props.undoHuddle(saved.value.id);
                      props.onChange?.();
                    },
                  };
                })
              }
            >
              Schedule a weekly huddle ({huddleWhen(plan)})
            </button>
          )}
          {notNow}
        </div>
      </>
    );
  }
  return <OutcomeValueQuestion q={q} titleId={titleId} busy={busy} props={props} act={act} notNow={notNow} />;
}

function OutcomeValueQuestion({
  q,
  titleId,
  busy,
  props,
  act,
  notNow,
}: Omit<QuestionProps, 'q' | 'later'> & { q: Extract<TrapQuestion, { kind: 'no-outcome-data' }>; titleId: string; notNow: JSX.Element }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const fieldId = `${titleId}-value`;
  const unit = q.unit ? ` (${q.unit})` : '';
  const submit = (e: Event) => {
    e.preventDefault();
    void act(async () => {
      const result = await props.logValue(q.outcomeId, value);
      if (!result.ok) {
        setError(result.error);
        input.current?.focus();
        return undefined;
      }
      setError(undefined);
      return { text: `Logged ${value.trim()}${q.unit ? ` ${q.unit}` : ''} for “${q.outcomeName}”.` };
    });
  };
  return (
    <>
      <h3 id={titleId}>What is “{q.outcomeName}” this week?</h3>
      <p>
        {q.lastLoggedOn ? `The last value was logged on ${q.lastLoggedOn}.` : 'No value has been logged yet.'} A number now shows whether the behaviours are
        moving it.
      </p>
      <form class="log-value" noValidate onSubmit={submit} aria-labelledby={titleId}>
        <label for={fieldId}>This week’s value{unit}</label>
        <input
          ref={input}
          id={fieldId}
          type="text"
          inputMode="decimal"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          Log value
        </button>
        {notNow}
        {error && (
          <p id={`${fieldId}-error`} class="error">
            {error}
          </p>
        )}
      </form>
    </>
  );
}
