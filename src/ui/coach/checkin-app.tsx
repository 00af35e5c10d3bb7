import { useEffect, useRef, useState } from 'preact/hooks';
import type { FinishResult, ReviewedHabit, Turn } from '@/src/app/coaching-sessions';
import type { ExperimentView } from '@/src/app/experiments';
import { SESSION_PARTS, sessionMarkdown, type Cadence, type CoachingSession, type SessionPart } from '@/src/core/coaching-session';
import type { Habit } from '@/src/core/habit';
import { describedBy, Field } from '../options/field';
import { useAction } from '../use-action';
import { PartTimerView } from './part-timer';

export interface CheckInApi {
  timeZone: string;
  now: () => number;
  open: () => Promise<{
    session: CoachingSession;
    review: ReviewedHabit[];
    history: CoachingSession[];
    habits: Habit[];
    checkInHabit?: Habit;
    experiments: ExperimentView[];
  }>;
  keep: (session: CoachingSession) => Promise<void>;
  finish: (session: CoachingSession, turn: Turn) => Promise<FinishResult>;
  schedule: (when: { cadence: Cadence; day: number; time: string }) => Promise<{ ok: true } | { ok: false; error: string }>;
  /** Put text on the clipboard, or hand a file to the browser to save: only when the person asks. */
  copy: (text: string) => Promise<void>;
  save: (fileName: string, text: string) => void;
}

type Loaded = Awaited<ReturnType<CheckInApi['open']>>;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TEXT: Record<Exclude<SessionPart, 'data'>, (keyof CoachingSession)[]> = {
  insight: ['wentWell', 'obstacles', 'learned'],
  forward: [],
  commitment: ['commitment', 'tracking', 'support'],
};

/** The 4-part coaching check-in on one screen: data review, insight, forward action, commitment and support. */
export function CheckInApp(api: CheckInApi) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [session, setSession] = useState<CoachingSession>();
  const [problem, setProblem] = useState<{ text: string; field?: string }>();
  const [turn, setTurn] = useState<Turn['kind']>('none');
  const [measure, setMeasure] = useState<{ label: string; kind: 'rating' | 'count' | 'minutes' }>({ label: '', kind: 'rating' });
  const [finished, setFinished] = useState<CoachingSession>();
  const [next, setNext] = useState({ cadence: 'weekly' as Cadence, day: 5, time: '16:00' });
  const [said, setSaid] = useState<string>();
  // Finishing writes the session, maybe an experiment, and the next check-in's cue: a failure is said in words.
  const finishing = useAction();
  const first = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api.open().then(
      (data) => {
        setLoaded(data);
        setSession(data.session);
        if (data.checkInHabit)
          setNext({
            cadence: data.checkInHabit.schedule.everyWeeks === 2 ? 'biweekly' : 'weekly',
            day: data.checkInHabit.schedule.days[0] ?? 5,
            time: data.checkInHabit.schedule.startTime,
          });
      },
      () => setProblem({ text: 'Cueboard could not read its data. Reload the page to try again.' }),
    );
  }, [api]);

  if (!loaded || !session)
    return (
      <main class="checkin" aria-busy="true">
        {problem && <p role="alert">{problem.text}</p>}
      </main>
    );

  const edit = (change: Partial<CoachingSession>) => {
    const nextSession = { ...session, ...change };
    setSession(nextSession);
    void api.keep(nextSession).catch(() => setProblem({ text: 'What you typed could not be kept on this machine just now; it stays on this page.' }));
  };
  const focusName = loaded.habits.find((h) => h.id === session.focusHabitId)?.name;
  const markdown = (s: CoachingSession) =>
    sessionMarkdown(
      s,
      { ...(loaded.habits.find((h) => h.id === s.focusHabitId) ? { focus: loaded.habits.find((h) => h.id === s.focusHabitId)!.name } : {}) },
      s.until,
    );
  const running = loaded.experiments.filter((v) => v.experiment.status === 'running');

  if (finished) {
    return (
      <main class="checkin">
        <h1 ref={first} tabIndex={-1}>
          Check-in saved
        </h1>
        <p>
          Your commitment: <strong>{finished.commitment}</strong>
          {finished.outcome?.kind === 'experiment' && ' — it runs as a two-week experiment from today.'}
        </p>
        {finished.outcome?.kind === 'habit' && (
          <p>
            <a href={`/options.html#habit=${encodeURIComponent(finished.outcome.habitId)}`}>Change “{focusName}” now</a> — its form is ready.
          </p>
        )}
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              void api.copy(markdown(finished)).then(
                () => setSaid('The summary is on the clipboard.'),
                () => setSaid('The clipboard refused; try “Save as a file”.'),
              )
            }
          >
            Copy the summary (Markdown)
          </button>
          <button type="button" onClick={() => api.save(`cueboard-check-in-${finished.until}.md`, markdown(finished))}>
            Save as a file
          </button>
          <a href="/options.html#experiments">Experiments</a>
        </div>
        <p role="status">{said}</p>
      </main>
    );
  }

  return (
    <main class="checkin">
      <h1 ref={first} tabIndex={-1}>
        Coaching check-in
      </h1>
      <p class="lede">Solo, or with your coach beside you: about thirty minutes. The timers are a guide, never a rule. Since {session.since}.</p>
      {SESSION_PARTS.map((part, i) => (
        <section key={part.id} class="card part" aria-labelledby={`part-${part.id}`}>
          <div class="part-head">
            <h2 id={`part-${part.id}`}>
              {i + 1}. {part.title}
            </h2>
            <PartTimerView label={`${part.title} timer`} minutes={part.minutes} now={api.now} />
          </div>
          {part.id === 'data' && (
            <>
              <p class="question">{part.questions[0]}</p>
              <ul class="list" aria-label="Behaviours since the last conversation">
                {loaded.review.map((h) => (
                  <li key={h.habitId}>
                    <span>
                      {h.keystone ? '★ ' : ''}
                      {h.name}
                    </span>
                    <span class="meta">
                      {h.doneSince} done{h.skippedSince > 0 ? `, ${h.skippedSince} skipped` : ''}
                    </span>
                  </li>
                ))}
              </ul>
              {running.length > 0 && (
                <p class="hint">
                  Running: {running.map((v) => `${v.habitName} (${v.day ? `day ${v.day.day} of ${v.day.of}` : 'retrospective due'})`).join('; ')}.
                </p>
              )}
              {/* The dashboard itself, live: completion, strength, streaks, the cue funnel, the outcome's values. */}
              <iframe class="embedded-dashboard" src="/popup.html" title="Your dashboard: today’s habits, leading metrics and outcomes" />
              <p class="hint">
                Or{' '}
                <a href="/newtab.html" target="_blank">
                  open it beside this page
                </a>
                . What does it tell you?
              </p>
            </>
          )}
          {part.id !== 'data' &&
            TEXT[part.id].map((key, q) => (
              <Field key={key} id={`checkin-${key}`} label={part.questions[q]!} error={problem?.field === key ? problem.text : undefined}>
                <textarea
                  {...describedBy(`checkin-${key}`, problem?.field === key ? problem.text : undefined)}
                  value={session[key] as string}
                  onInput={(e) => edit({ [key]: e.currentTarget.value })}
                />
              </Field>
            ))}
          {part.id === 'forward' && (
            <>
              <Field id="checkin-focus" label={part.questions[0]!} error={problem?.field === 'focus' ? problem.text : undefined}>
                <select
                  {...describedBy('checkin-focus', problem?.field === 'focus' ? problem.text : undefined)}
                  value={session.focusHabitId ?? ''}
                  onChange={(e) => edit({ focusHabitId: e.currentTarget.value || undefined })}
                >
                  <option value="">Not chosen yet</option>
                  {loaded.habits.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="checkin-experimentIdea" label={part.questions[1]!}>
                <textarea id="checkin-experimentIdea" value={session.experimentIdea} onInput={(e) => edit({ experimentIdea: e.currentTarget.value })} />
              </Field>
            </>
          )}
          {part.id === 'commitment' && (
            <fieldset class="choices">
              <legend>Turn the commitment into</legend>
              <label class="choice">
                <input type="radio" name="turn" checked={turn === 'experiment'} onChange={() => setTurn('experiment')} />
                <span>A two-week experiment on {focusName ? `“${focusName}”` : 'the focus behaviour'}, starting today</span>
              </label>
              <label class="choice">
                <input type="radio" name="turn" checked={turn === 'habit'} onChange={() => setTurn('habit')} />
                <span>A change to {focusName ? `“${focusName}”` : 'the focus behaviour'}: its form opens when you finish</span>
              </label>
              <label class="choice">
                <input type="radio" name="turn" checked={turn === 'none'} onChange={() => setTurn('none')} />
                <span>Nothing yet: just keep it in the history</span>
              </label>
              {turn === 'experiment' && (
                <div class="row">
                  <Field id="checkin-measure" label="Daily measure" error={problem?.field === 'measureLabel' ? problem.text : undefined}>
                    <input
                      type="text"
                      {...describedBy('checkin-measure', problem?.field === 'measureLabel' ? problem.text : undefined)}
                      value={measure.label}
                      onInput={(e) => setMeasure((m) => ({ ...m, label: e.currentTarget.value }))}
                    />
                  </Field>
                  <Field id="checkin-measure-kind" label="Measured as">
                    <select
                      id="checkin-measure-kind"
                      value={measure.kind}
                      onChange={(e) => setMeasure((m) => ({ ...m, kind: e.currentTarget.value as typeof m.kind }))}
                    >
                      <option value="rating">a rating from 1 to 5</option>
                      <option value="count">a count</option>
                      <option value="minutes">minutes</option>
                    </select>
                  </Field>
                </div>
              )}
            </fieldset>
          )}
        </section>
      ))}

      <section class="card" aria-labelledby="next-title">
        <h2 id="next-title">The next check-in</h2>
        <p class="hint">
          {loaded.checkInHabit
            ? 'A recurring cue already brings you back here; change it if you like.'
            : 'A recurring cue in your calendar brings you back here.'}
        </p>
        <div class="row">
          <Field id="next-cadence" label="How often">
            <select id="next-cadence" value={next.cadence} onChange={(e) => setNext((n) => ({ ...n, cadence: e.currentTarget.value as Cadence }))}>
              <option value="weekly">Every week</option>
              <option value="biweekly">Every two weeks</option>
            </select>
          </Field>
          <Field id="next-day" label="Day">
            <select id="next-day" value={next.day} onChange={(e) => setNext((n) => ({ ...n, day: Number(e.currentTarget.value) }))}>
              {DAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          </Field>
          <Field id="next-time" label="Time">
            <input type="time" id="next-time" value={next.time} onInput={(e) => setNext((n) => ({ ...n, time: e.currentTarget.value }))} />
          </Field>
        </div>
      </section>

      {problem && <p role="alert">{problem.text}</p>}
      {finishing.problem && <p role="alert">{finishing.problem}</p>}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={finishing.busy}
          onClick={() => {
            setProblem(undefined);
            void finishing.run(async () => {
              const result = await api.finish(
                session,
                turn === 'experiment' ? { kind: 'experiment', measureLabel: measure.label, measureKind: measure.kind } : { kind: turn },
              );
              if (!result.ok) return setProblem({ text: result.error, ...(result.field ? { field: result.field } : {}) });
              const scheduled = await api.schedule(next);
              if (!scheduled.ok) setSaid(`Saved; the next check-in could not be scheduled: ${scheduled.error}`);
              setFinished(result.session);
            });
          }}
        >
          Finish the check-in
        </button>
      </div>

      {loaded.history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">Earlier check-ins</h2>
          <ul class="list" aria-label="Earlier check-ins">
            {loaded.history.map((s) => (
              <li key={s.id} class="history-item">
                <details>
                  <summary>
                    <strong>{s.until}</strong> — {s.commitment}
                  </summary>
                  <pre class="summary-text">{markdown(s)}</pre>
                </details>
                <span class="actions">
                  <button
                    type="button"
                    class="quiet"
                    onClick={() =>
                      void api.copy(markdown(s)).then(
                        () => setSaid('The summary is on the clipboard.'),
                        () => setSaid('The clipboard refused; try “Save as a file”.'),
                      )
                    }
                  >
                    Copy as Markdown
                  </button>
                  <button type="button" class="quiet" onClick={() => api.save(`cueboard-check-in-${s.until}.md`, markdown(s))}>
                    Save as a file
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <p role="status">{said}</p>
        </section>
      )}
    </main>
  );
}
