import { useState } from 'preact/hooks';
import { calendarWords, type CalendarStatus } from '@/src/app/calendar-status';
import { CALENDAR_NAMES, type RemoteKind } from '@/src/core/calendar-sync';
import type { CalendarReply } from '@/src/messaging/protocol';

export interface CalendarSectionProps {
  status: CalendarStatus;
  connect: (kind: RemoteKind) => Promise<CalendarReply>;
  disconnect: (kind: RemoteKind) => Promise<CalendarReply>;
  reload: () => Promise<void>;
}

/** Where the cues live: the local calendar (no account), Google Calendar or Outlook, with a calm reconnect prompt. */
export function CalendarSection({ status, connect, disconnect, reload }: CalendarSectionProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (job: () => Promise<CalendarReply>) => {
    setBusy(true);
    setError(undefined);
    try {
      const reply = await job();
      if (!reply.ok) setError(reply.error);
      await reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const kind = status.calendar;
  const words = calendarWords(status);

  return (
    <div class="card" aria-labelledby="calendar-title">
      <h3 id="calendar-title">Calendar</h3>
      {kind === 'local' ? (
        <>
          <p data-testid="calendar-state">{words.state}</p>
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
          <p data-testid="calendar-state">{words.state}</p>
          {words.problem && <p class="hint">{words.problem}</p>}
          {words.details && (
            <details class="hint">
              <summary>Details</summary>
              {words.details}
            </details>
          )}
          {words.missing && <p class="hint">{words.missing}</p>}
          <div class="actions">
            {status.needsReconnect && (
              <button type="button" class="primary" disabled={busy} onClick={() => void act(() => connect(kind))}>
                Reconnect {CALENDAR_NAMES[kind]}
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void act(() => disconnect(kind))}>
              Disconnect {CALENDAR_NAMES[kind]}
            </button>
          </div>
        </>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}
