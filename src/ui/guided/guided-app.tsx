import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalendarStatus } from '@/src/app/calendar-status';
import type { GuidedErrors, GuidedResult } from '@/src/app/guided-start';
import type { RemoteKind } from '@/src/core/calendar-sync';
import {
  editBehaviour,
  GUIDED_STEPS,
  newDraft,
  rolesOf,
  stepAfter,
  stepLabel,
  stepProblem,
  toggleBehaviour,
  type GuidedDraft,
  type GuidedStep,
} from '@/src/core/guided-start';
import { entriesFor, OUTCOME_STARTERS } from '@/src/core/library';
import { validateOutcome, type OutcomeInput } from '@/src/core/outcome';
import type { CalendarReply } from '@/src/messaging/protocol';
import { focusFirstInvalid } from '../options/field';
import { BLANK_OUTCOME, OutcomeForm } from '../options/outcome-form';
import { BehavioursStep } from './behaviours-step';
import { KeystoneStep } from './keystone-step';
import { Later } from '../later';
import { RoleStep } from './role-step';
import { StepActions } from './step-actions';

export interface GuidedApi {
  timeZone: string;
  now: () => number;
  /** The draft to resume (if any), the calendar's state, and today's local date (the outcome starters' dates count from it). */
  load: () => Promise<{ draft?: GuidedDraft; calendar: CalendarStatus; today: string }>;
  saveDraft: (draft: GuidedDraft) => Promise<void>;
  discardDraft: () => Promise<void>;
  finish: (draft: GuidedDraft) => Promise<GuidedResult>;
  calendarStatus: () => Promise<CalendarStatus>;
  connectCalendar: (kind: RemoteKind) => Promise<CalendarReply>;
  disconnectCalendar: (kind: RemoteKind, removeEvents: boolean) => Promise<CalendarReply>;
  /** Leave for the options page (Skip for now). */
  leave: () => void;
  openDashboard: () => void;
}

const TITLES: Record<GuidedStep, string> = {
  outcome: 'What will be different when you succeed?',
  role: 'Your role',
  behaviours: 'The few behaviours that drive it',
  keystone: 'Your keystone',
  loop: 'Cue, routine, reward',
};

type Phase = { kind: 'loading' } | { kind: 'resume'; saved: GuidedDraft } | { kind: 'steps' } | { kind: 'done'; habits: number };

const NO_ERRORS: GuidedErrors = { habits: {} };

/** The guided start: the guide's method, one step a screen, from the outcome to cues scheduled. */
export function GuidedApp(api: GuidedApi) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [draft, setDraft] = useState<GuidedDraft>(() => newDraft(api.now()));
  const [calendar, setCalendar] = useState<CalendarStatus>();
  const [today, setToday] = useState('');
  const [errors, setErrors] = useState<GuidedErrors>(NO_ERRORS);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [seed, setSeed] = useState<{ key: string; input: OutcomeInput }>({ key: 'blank', input: BLANK_OUTCOME });
  const heading = useRef<HTMLHeadingElement>(null);
  const loopForm = useRef<HTMLFormElement>(null);

  useEffect(() => {
    api.load().then(
      ({ draft: saved, calendar: status, today: date }) => {
        setCalendar(status);
        setToday(date);
        setPhase(saved ? { kind: 'resume', saved } : { kind: 'steps' });
      },
      (error: unknown) => setProblem(`Cueboard could not read its data: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [api]);
  // Each new screen puts the keyboard (and a screen reader) on its heading; a refused Finish, on what to fix.
  useEffect(() => heading.current?.focus(), [phase.kind, draft.step]);
  useEffect(() => focusFirstInvalid(loopForm.current), [errors]);

  /** Move to a step, keeping everything completed so far on this machine. */
  const go = async (next: GuidedDraft) => {
    const stamped = { ...next, updatedAt: api.now() };
    setDraft(stamped);
    setProblem(undefined);
    try {
      await api.saveDraft(stamped);
    } catch {
      setProblem('Your progress could not be kept on this machine just now; it stays on this page until you close it.');
    }
  };
  const forward = (next: GuidedDraft) => {
    const issue = stepProblem(next, next.step);
    if (issue) return setProblem(issue);
    const step = stepAfter(next.step, 1);
    if (step) void go({ ...next, step });
  };
  const back = () => {
    const step = stepAfter(draft.step, -1);
    if (step) void go({ ...draft, step });
  };
  const skip = async () => {
    // Only progress is kept: a draft still on its first, empty screen is not worth a "resume" later.
    if (draft.step !== 'outcome' || draft.outcome) await api.saveDraft({ ...draft, updatedAt: api.now() }).catch(() => undefined);
    api.leave();
  };
  const finish = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await api.finish(draft);
      if (result.ok) return setPhase({ kind: 'done', habits: result.habits.length });
      setErrors(result.errors);
      setProblem(result.errors.outcome ? 'The outcome needs a look: go back to step 1.' : 'Nothing was created yet: the behaviours below need a look.');
    } catch {
      setProblem('Cueboard could not create your habits just now. Nothing was half-made; try Finish again.');
    } finally {
      setBusy(false);
    }
  };

  if (phase.kind === 'loading')
    return (
      <main class="guided" aria-busy="true">
        {problem && <p role="alert">{problem}</p>}
      </main>
    );

  if (phase.kind === 'resume') {
    const saved = phase.saved;
    return (
      <main class="guided">
        <h1 ref={heading} tabIndex={-1}>
          Set up a new outcome
        </h1>
        <p>You started this before and reached {stepLabel(saved.step).toLowerCase()}. Carry on from there, or start over?</p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() => {
              setDraft(saved);
              setPhase({ kind: 'steps' });
            }}
          >
            Resume
          </button>
          <button
            type="button"
            onClick={() =>
              void api.discardDraft().then(
                () => {
                  setDraft(newDraft(api.now()));
                  setPhase({ kind: 'steps' });
                },
                () => setProblem('The saved progress could not be cleared; try again.'),
              )
            }
          >
            Start over
          </button>
        </div>
        {problem && <p role="alert">{problem}</p>}
      </main>
    );
  }

  if (phase.kind === 'done') {
    return (
      <main class="guided">
        <h1 ref={heading} tabIndex={-1}>
          Your cues are set
        </h1>
        <p>
          {phase.habits === 1 ? 'One habit is' : `${phase.habits} habits are`} on your dashboard, keystone first: open Cueboard from the toolbar, or a new tab.
          Each cue brings its two-minute start.
        </p>
        <div class="actions">
          <button type="button" class="primary" onClick={api.openDashboard}>
            Open the dashboard
          </button>
          <button type="button" onClick={api.leave}>
            Habits &amp; settings
          </button>
        </div>
      </main>
    );
  }

  const step = draft.step;
  const onBack = step === 'outcome' ? undefined : back;
  const submit = (e: Event, run: () => void) => {
    e.preventDefault();
    run();
  };

  return (
    <main class="guided">
      <nav aria-label="Progress">
        <ol class="steps">
          {GUIDED_STEPS.map((s) => (
            <li key={s} aria-current={s === step ? 'step' : undefined} class={s === step ? 'current' : undefined}>
              {TITLES[s]}
            </li>
          ))}
        </ol>
      </nav>
      <p class="eyebrow">{stepLabel(step)}</p>
      <h1 ref={heading} tabIndex={-1}>
        {TITLES[step]}
      </h1>
      {problem && (
        <p role="alert" class="error-summary">
          {problem}
        </p>
      )}

      {step === 'outcome' && (
        <>
          <p class="lede">
            The outcome is the lagging indicator: the result you want, which you can only move through the leading behaviours you control day to day.
          </p>
          <div class="actions starters" role="group" aria-label="Start from an example">
            {OUTCOME_STARTERS.map((s) => (
              <button
                key={s.id}
                type="button"
                onClick={() => {
                  setSeed({ key: s.id, input: s.draft(today) });
                  setDraft((d) => ({ ...d, outcomeKind: s.kind }));
                }}
              >
                {s.label}
              </button>
            ))}
          </div>
          <OutcomeForm
            key={seed.key}
            initial={draft.outcome && seed.key === 'blank' ? draft.outcome : seed.input}
            editing={false}
            title="Your outcome"
            actions={<StepActions next="Next" onSkip={() => void skip()} />}
            onCancel={() => undefined}
            onSave={async (input) => {
              const checked = validateOutcome(input, { id: 'draft', createdAt: 0, archived: false });
              if (!checked.ok) return checked.errors;
              forward({ ...draft, outcome: input });
              return undefined;
            }}
          />
        </>
      )}

      {step === 'role' && (
        <form noValidate onSubmit={(e) => submit(e, () => forward(draft))}>
          <RoleStep role={draft.role} onChange={(role) => setDraft((d) => ({ ...d, role }))} />
          <StepActions next="Next" onBack={onBack} onSkip={() => void skip()} />
        </form>
      )}

      {step === 'behaviours' && (
        <form noValidate onSubmit={(e) => submit(e, () => forward(draft))}>
          <BehavioursStep
            entries={entriesFor(rolesOf(draft.role ?? 'both'), draft.outcomeKind)}
            picked={draft.behaviours}
            onToggle={(entry) => setDraft((d) => toggleBehaviour(d, entry, api.timeZone))}
          />
          <StepActions next="Next" onBack={onBack} onSkip={() => void skip()} />
        </form>
      )}

      {step === 'keystone' && (
        <form noValidate onSubmit={(e) => submit(e, () => forward(draft))}>
          <KeystoneStep behaviours={draft.behaviours} keystone={draft.keystone} onChange={(keystone) => setDraft((d) => ({ ...d, keystone }))} />
          <StepActions next="Next" onBack={onBack} onSkip={() => void skip()} />
        </form>
      )}

      {step === 'loop' && (
        <form ref={loopForm} noValidate onSubmit={(e) => submit(e, () => void finish())}>
          {/* The last step (the zone list, the calendar card) loads when it is reached. */}
          <Later
            load={() => import('./loop-step').then((m) => m.LoopStep)}
            behaviours={draft.behaviours}
            errors={errors.habits}
            browserZone={api.timeZone}
            onEdit={(entryId, change) => setDraft((d) => editBehaviour(d, entryId, change))}
            {...(calendar
              ? {
                  calendar: {
                    status: calendar,
                    connect: api.connectCalendar,
                    disconnect: api.disconnectCalendar,
                    reload: async () => setCalendar(await api.calendarStatus()),
                  },
                }
              : {})}
          />
          <StepActions next="Finish" onBack={onBack} onSkip={() => void skip()} busy={busy} />
        </form>
      )}
    </main>
  );
}
