import { useEffect, useState } from 'preact/hooks';
import { describedBy, Field } from '../options/field';
import { useAction } from '../use-action';

/** Today's measure of a running experiment on this behaviour, asked where it costs least: on the cue's own page. */
export interface TodaysMeasure {
  label: string;
  kind: 'count' | 'minutes' | 'rating';
  value?: number;
  log: (text: string) => Promise<{ ok: true } | { ok: false; error: string }>;
}

export function MeasureLog({ find }: { find: () => Promise<TodaysMeasure | undefined> }) {
  const [measure, setMeasure] = useState<TodaysMeasure>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [said, setSaid] = useState<string>();
  const { busy, problem, run } = useAction();
  useEffect(() => {
    find().then(
      (found) => {
        setMeasure(found);
        if (found?.value !== undefined) setText(String(found.value));
      },
      () => undefined, // No experiment to ask about is the usual case; a failed read asks nothing.
    );
  }, [find]);
  if (!measure) return null;
  const label = `${measure.label} today${measure.kind === 'rating' ? ' (1–5)' : measure.kind === 'minutes' ? ' (minutes)' : ''}`;
  return (
    <form
      class="card measure"
      noValidate
      aria-label="Your experiment’s measure"
      onSubmit={(e) => {
        e.preventDefault();
        setSaid(undefined);
        void run(async () => {
          const result = await measure.log(text);
          setError(result.ok ? undefined : result.error);
          setSaid(result.ok ? 'Logged for today.' : undefined);
        });
      }}
    >
      <Field id="cue-measure" label={label} error={error}>
        <input type="text" inputMode="numeric" value={text} onInput={(e) => setText(e.currentTarget.value)} {...describedBy('cue-measure', error)} />
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy}>
          Log
        </button>
        <span role="status">{said}</span>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
