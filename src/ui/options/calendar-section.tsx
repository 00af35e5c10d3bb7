import { useEffect, useRef, useState } from 'preact/hooks';
import { calendarWords, removalWords, type CalendarStatus, type CalendarWords } from '@/src/app/calendar-status';
import { CALENDAR_NAMES, type RemoteKind } from '@/src/core/calendar-sync';
import type { CalendarReply } from '@/src/messaging/protocol';
import { useAction } from '../use-action';

export interface CalendarSectionProps {
  status: CalendarStatus;
  connect: (kind: RemoteKind) => Promise<CalendarReply>;
  /** `removeEvents`: also delete Cueboard's cue events from that calendar (the history stays in Cueboard). */
  disconnect: (kind: RemoteKind, removeEvents: boolean) => Promise<CalendarReply>;
  reload: () => Promise<void>;
}

/** A state line, what went wrong in a plain sentence, and the server's own words folded away under "Details". */
function Words({ words, testId }: { words: CalendarWords; testId?: string }) {
  return (
    <>
      <p data-testid={testId}>{words.state}</p>
      {words.problem && <p class="hint">{words.problem}</p>}
      {words.details && (
        <details class="hint">
          <summary>Details</summary>
          {words.details}
        </details>
      )}
      {words.missing && <p class="hint">{words.missing}</p>}
    </>
  );
}

/**
 * Where the cues live: the local calendar (no account), Google Calendar or Outlook, with a calm reconnect prompt.
 * Disconnect asks first whether Cueboard's cue events should be removed from the calendar; the question takes the
 * keyboard focus, Escape or Cancel puts it back on Disconnect.
 */
export function CalendarSection({ status, connect, disconnect, reload }: CalendarSectionProps) {
  // The card reloads after each action; a refusal comes in the reply's words, a failure through the action helper.
  const { busy, problem, run } = useAction(reload);
  const [refused, setRefused] = useState<string>();
  const [asking, setAsking] = useState(false);
  const firstAnswer = useRef<HTMLButtonElement>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) firstAnswer.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      disconnectButton.current?.focus();
    }
  }, [asking]);

  const act = (job: () => Promise<CalendarReply>) => {
    setRefused(undefined);
    return run(async () => {
      const reply = await job();
      if (!reply.ok) setRefused(reply.error);
    });
  };
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const answer = (kind: RemoteKind, removeEvents: boolean) => {
    setAsking(false);
    void act(() => disconnect(kind, removeEvents));
  };
  const kind = status.calendar;
  const removing = status.removing;

  return (
    <div class="card" aria-labelledby="calendar-title">
      <h3 id="calendar-title">Calendar</h3>
      {kind === 'local' ? (
        <>
          <Words words={calendarWords(status)} testId="calendar-state" />
          <div class="actions">
            {(['google', 'outlook'] as const).map((k) => (
              <button key={k} type="button" disabled={busy} onClick={() => void act(() => connect(k))}>
                Connect {CALENDAR_NAMES[k]}
              </button>
            ))}
          </div>
        </>
      ) : (
        <>
          <Words words={calendarWords(status)} testId="calendar-state" />
          {asking ? (
            <div
              role="group"
              aria-labelledby="disconnect-question"
              onKeyDown={(event) => {
                if (event.key === 'Escape') cancel();
              }}
            >
              <p id="disconnect-question">Also remove Cueboard’s cue events from your {CALENDAR_NAMES[kind]}? Your history stays in Cueboard.</p>
              <div class="actions">
                <button ref={firstAnswer} type="button" disabled={busy} onClick={() => answer(kind, true)}>
                  Remove cues and disconnect
                </button>
                <button type="button" disabled={busy} onClick={() => answer(kind, false)}>
                  Keep them and disconnect
                </button>
                <button type="button" class="quiet" onClick={cancel}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              {status.needsReconnect && (
                <button type="button" class="primary" disabled={busy} onClick={() => void act(() => connect(kind))}>
                  Reconnect {CALENDAR_NAMES[kind]}
                </button>
              )}
              <button ref={disconnectButton} type="button" disabled={busy} onClick={() => setAsking(true)}>
                Disconnect {CALENDAR_NAMES[kind]}
              </button>
            </div>
          )}
        </>
      )}
      {removing && (
        <div role="group" aria-label={`Removing cue events from ${CALENDAR_NAMES[removing.calendar]}`}>
          <Words words={removalWords(removing)} testId="calendar-removing" />
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void act(() => disconnect(removing.calendar, true))}>
              Try removing again
            </button>
            <button type="button" disabled={busy} onClick={() => void act(() => disconnect(removing.calendar, false))}>
              Leave them and disconnect
            </button>
          </div>
        </div>
      )}
      {(refused ?? problem) && (
        <p role="alert" class="error">
          {refused ?? problem}
        </p>
      )}
    </div>
  );
}
