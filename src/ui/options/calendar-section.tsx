import { useState } from 'preact/hooks';
import type { CalendarStatus } from '@/src/app/calendar-status';
import type { CalendarReply } from '@/src/messaging/protocol';

export interface CalendarSectionProps {
  status: CalendarStatus;
  connect: () => Promise<CalendarReply>;
  disconnect: () => Promise<CalendarReply>;
  reload: () => Promise<void>;
}

/** Where the cues live: the local calendar (no account) or Google Calendar, with a calm reconnect prompt. */
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
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card" aria-labelledby="calendar-title">
      <h3 id="calendar-title">Calendar</h3>
      {status.calendar === 'local' ? (
        <>
          <p data-testid="calendar-state">Cues live in Cueboard’s own calendar on this machine. No account needed.</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void act(connect)}>
            Connect Google Calendar
          </button>
        </>
      ) : (
        <>
          <p data-testid="calendar-state">
            {status.needsReconnect
              ? 'Google asks you to sign in again. Nothing is lost: changes wait here until you reconnect.'
              : `Cues are recurring events in your Google Calendar. ${status.pending === 0 ? 'Everything is written.' : `${status.pending} change(s) waiting to be written.`}`}
          </p>
          {status.lastError && status.pending > 0 && <p class="hint">Last attempt: {status.lastError}</p>}
          <div class="actions">
            {status.needsReconnect && (
              <button type="button" class="primary" disabled={busy} onClick={() => void act(connect)}>
                Reconnect Google Calendar
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void act(disconnect)}>
              Disconnect Google Calendar
            </button>
          </div>
        </>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}
