import { useState } from 'preact/hooks';
import type { ExperimentView } from '@/src/app/experiments';
import type { Decision, MeasureSummary } from '@/src/core/experiment';
import { describedBy, Field } from '../options/field';

export interface ExperimentCardProps {
  view: ExperimentView;
  /** Log today's measure; returns the message to show beside the field, if refused. Never rejects (a useAction job). */
  log: (value: string) => Promise<string | undefined>;
  /** Decide what happens next; returns the message to show, if refused. Never rejects (a useAction job). */
  decide: (decision: Decision, words: { noticed: string; lesson: string }) => Promise<string | undefined>;
}

const SCALE: Record<string, string> = { count: '', minutes: ' min', rating: ' / 5' };

/** "4.5 / 5 on 2 of 4 days", or "not logged". */
function summaryText(summary: MeasureSummary, unit: string): string {
  if (summary.mean === undefined) return `not logged (${summary.days} ${summary.days === 1 ? 'day' : 'days'})`;
  return `${Number(summary.mean.toFixed(1))}${unit} on ${summary.logged} of ${summary.days} ${summary.days === 1 ? 'day' : 'days'}`;
}

const DECISIONS: { value: Decision; label: string }[] = [
  { value: 'adopt', label: 'Adopt: keep it as a habit, with its cue' },
  { value: 'adapt', label: 'Adapt: start a new experiment with a change' },
  { value: 'abandon', label: 'Abandon: undo the change, keep the lesson' },
];

/** A running experiment: its day, the measure before and during, today's log, and the retrospective when it is due. */
export function ExperimentCard({ view, log, decide }: ExperimentCardProps) {
  const { experiment } = view;
  const id = `exp-${experiment.id}`;
  const [value, setValue] = useState(view.todaysValue !== undefined ? String(view.todaysValue) : '');
  const [logError, setLogError] = useState<string>();
  const [words, setWords] = useState({ noticed: '', lesson: '' });
  const [decision, setDecision] = useState<Decision>();
  const [decideError, setDecideError] = useState<string>();
  const unit = SCALE[experiment.measure.kind] ?? '';

  return (
    <li class="card experiment">
      <div>
        <p>
          <strong>{experiment.hypothesis}</strong>
        </p>
        <p class="hint">
          {view.habitName} · {view.day ? `Day ${view.day.day} of ${view.day.of}` : view.due ? 'The trial is over' : 'A day off the trial'} · measure:{' '}
          {experiment.measure.label}
        </p>
        <p>
          Before: {summaryText(view.comparison.baseline, unit)}. During: {summaryText(view.comparison.trial, unit)}.
        </p>
        {view.day && (
          <form
            class="row"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void log(value).then(setLogError);
            }}
          >
            <Field id={`${id}-value`} label={`${experiment.measure.label} today${experiment.measure.kind === 'rating' ? ' (1–5)' : ''}`} error={logError}>
              <input type="text" inputMode="numeric" value={value} onInput={(e) => setValue(e.currentTarget.value)} {...describedBy(`${id}-value`, logError)} />
            </Field>
            <div class="actions">
              <button type="submit">{view.todaysValue !== undefined ? 'Change today’s value' : 'Log'}</button>
            </div>
          </form>
        )}
        {view.due && (
          <form
            noValidate
            aria-label={`Retrospective: ${view.habitName}`}
            onSubmit={(e) => {
              e.preventDefault();
              if (!decision) return setDecideError('Choose what happens next: adopt, adapt or abandon.');
              void decide(decision, words).then(setDecideError);
            }}
          >
            <h4>Retrospective</h4>
            <Field id={`${id}-noticed`} label="What did you notice?">
              <textarea id={`${id}-noticed`} value={words.noticed} onInput={(e) => setWords((w) => ({ ...w, noticed: e.currentTarget.value }))} />
            </Field>
            <Field id={`${id}-lesson`} label="What is the lesson, whatever you decide?">
              <textarea id={`${id}-lesson`} value={words.lesson} onInput={(e) => setWords((w) => ({ ...w, lesson: e.currentTarget.value }))} />
            </Field>
            <fieldset class="choices">
              <legend>What happens next?</legend>
              {DECISIONS.map((d) => (
                <label key={d.value} class="choice">
                  <input type="radio" name={`${id}-decision`} value={d.value} checked={decision === d.value} onChange={() => setDecision(d.value)} />
                  <span>{d.label}</span>
                </label>
              ))}
            </fieldset>
            {decideError && (
              <p role="alert" class="error">
                {decideError}
              </p>
            )}
            <div class="actions">
              <button type="submit" class="primary">
                Decide
              </button>
            </div>
          </form>
        )}
      </div>
    </li>
  );
}
