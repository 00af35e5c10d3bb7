import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { rewardText, type Habit } from '@/src/core/habit';
import type { FocusCueProps } from '../focus/focus-cue';
import { formatTime } from '../format';
import { ReadableError } from '@/src/ports/readable-error';
import { useAction, useAsync } from '../use-action';
import { MeasureLog, type TodaysMeasure } from './measure-log';
import { TwoMinuteTimer } from './two-minute-timer';

export interface CueActions {
  habitId: string;
  cueAt?: number;
  timeZone: string;
  now: () => number;
  load: () => Promise<Habit | undefined>;
  /** Records the start; returns the link to open, if the habit has one. */
  start: () => Promise<string | undefined>;
  done: () => Promise<{ id: string }>;
  /** A skipped check-in for the cue; `note` is the person's reason, if they gave one. */
  skip: (note?: string) => Promise<{ id: string }>;
  undo: (checkInId: string) => Promise<unknown>;
  /** Stores the snooze and returns when the cue comes back, epoch ms; its alarm follows through `cuesFollow`. */
  snooze: (minutes: number) => Promise<number>;
  /** Ask the background to set the alarms after a change (local work only: never waits on a calendar). */
  cuesFollow: () => Promise<void>;
  /** Open the work in a new tab; a failure is said like any action's. */
  openLink: (url: string) => Promise<unknown>;
  /** Today's measure of a running experiment on this habit, if there is one (read after the first paint). */
  findMeasure?: () => Promise<TodaysMeasure | undefined>;
  /** A focus habit's start and its running block (its code loads only for a focus habit). */
  focusCue?: () => Promise<ComponentType<Omit<FocusCueProps, 'source'>>>;
}

type Outcome = { text: string; undoId?: string };

/** A focus habit's part of the page, from a chunk loaded only for a focus habit. */
function FocusPart({ load, ...props }: { load: () => Promise<ComponentType<Omit<FocusCueProps, 'source'>>> } & Omit<FocusCueProps, 'source'>) {
  const { data: Part, error } = useAsync(load);
  if (error) return <p role="alert">This part of the page could not load. Reload the page to try again.</p>;
  return Part ? <Part {...props} /> : <p aria-busy="true">Loading…</p>;
}

/** The page a cue opens: the first step, a two-minute timer, and Done / Snooze / Skip today; a focus habit's own start. */
export function CueApp(props: CueActions) {
  const { data: habit, error } = useAsync(props.load);
  const [startedAt, setStartedAt] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { busy, problem, run, fail } = useAction();
  /** The snooze is stored: say so now; if its alarm cannot be set, say that too rather than let it pass silently. */
  const snoozed = (until: number): Outcome => {
    props
      .cuesFollow()
      .catch(() => fail(new ReadableError('The snooze is saved, but its reminder could not be set just now. Cueboard tries again within 15 minutes.')));
    return { text: `Snoozed: back at ${formatTime(until, props.timeZone)}.` };
  };
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => first.current?.focus(), [habit]);

  /** Run a button's action; what it did replaces the last outcome line. */
  const act = (job: () => Promise<Outcome | undefined>) =>
    run(async () => {
      const next = await job();
      if (next) setOutcome(next);
    });

  if (error)
    return (
      <main class="cue">
        <p role="alert">Cueboard could not read this cue. {error}</p>
      </main>
    );
  if (!habit) {
    return (
      <main class="cue" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }
  if (habit.archived)
    return (
      <main class="cue">
        <p role="alert">“{habit.name}” is archived, so this cue is closed.</p>
      </main>
    );

  const head = (
    <>
      <p class="eyebrow">{props.cueAt !== undefined ? `Cue at ${formatTime(props.cueAt, props.timeZone)}` : 'Cue'}</p>
      <h1>{habit.name}</h1>
    </>
  );
  if (habit.focus && props.focusCue) {
    return (
      <main class="cue">
        {head}
        <FocusPart
          load={props.focusCue}
          habit={habit}
          {...(props.cueAt !== undefined ? { cueAt: props.cueAt } : {})}
          openLink={props.openLink}
          skip={props.skip}
          undo={props.undo}
        />
      </main>
    );
  }

  return (
    <main class="cue">
      {head}
      <p class="first-step">
        <span class="label">Two-minute start:</span> {habit.start.firstStep}
      </p>
      <TwoMinuteTimer startedAt={startedAt} now={props.now} />
      {props.findMeasure && <MeasureLog find={props.findMeasure} />}
      <div class="actions">
        <button
          ref={first}
          type="button"
          class="primary"
          disabled={busy || startedAt !== undefined}
          onClick={() =>
            void act(async () => {
              const link = await props.start();
              setStartedAt(props.now());
              if (link) await props.openLink(link);
              return undefined;
            })
          }
        >
          {habit.start.link ? 'Start: open the work' : 'Start two minutes'}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => ({ text: `Checked off. ${habit.reward ? rewardText(habit.reward) : 'That counts.'}`, undoId: (await props.done()).id }))
          }
        >
          Done
        </button>
        <button type="button" disabled={busy} onClick={() => void act(async () => snoozed(await props.snooze(10)))}>
          Snooze 10 min
        </button>
        <button type="button" disabled={busy} onClick={() => void act(async () => snoozed(await props.snooze(60)))}>
          Snooze 1 hour
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void act(async () => ({ text: 'Skipped for today. A skip keeps the record honest.', undoId: (await props.skip()).id }))}
        >
          Skip today
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      {outcome && (
        <p role="status" class="outcome">
          {outcome.text}{' '}
          {outcome.undoId && (
            <button
              type="button"
              class="quiet"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await props.undo(outcome.undoId!);
                  return { text: 'Undone.' };
                })
              }
            >
              Undo
            </button>
          )}
        </p>
      )}
    </main>
  );
}
