import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarInstance, SeriesRecord } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import { expandSchedule } from '@/src/core/schedule';
import { OutboxCalendar, type OutboxCalendarDeps } from '../outbox-calendar';
import { APP_PROPERTY, googleEventId } from './event-body';
import { GoogleApiError, type GoogleClient } from './google-client';
import { flexibleListFields, instantOf, readCues, readItems, withoutForeignTitle } from './list-items';
import { planGoogleSync, type GoogleOp } from './plan';

const EVENTS = '/calendars/primary/events';
const PROVIDER = 'google' as const;

/**
 * An instant as Google's `{dateTime, timeZone}`: wall time with its offset in the habit's zone, so the hour that
 * repeats when clocks go back is never ambiguous. Without a zone (habit gone), UTC with no timeZone: PATCH merges, so
 * the instance keeps its own.
 */
function googleDateTime(ms: number, zone: string | undefined): { dateTime: string; timeZone?: string } {
  if (!zone) return { dateTime: Temporal.Instant.fromEpochMilliseconds(ms).toString({ smallestUnit: 'second' }) };
  const local = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { dateTime: local.toString({ smallestUnit: 'second', timeZoneName: 'never' }), timeZone: zone };
}

export interface GoogleCalendarDeps extends OutboxCalendarDeps {
  client: GoogleClient;
  /**
   * The person's skip words (settings): all-day titles are read only while there is one. Read only while a flexible
   * habit exists; absent, titles are never read.
   */
  skipWords?: () => Promise<string[]>;
}

/**
 * Cues as recurring events in the person's primary Google Calendar. Writes go through the persistent outbox and
 * are idempotent (deterministic event ids), so retries, crashes and offline spells never duplicate a series.
 * Cues are read back from the calendar itself, so an instance moved or cancelled there is what fires.
 */
export class GoogleCalendar extends OutboxCalendar<GoogleCalendarDeps> {
  readonly kind = PROVIDER;

  protected needsSync(habit: Habit, records: readonly SeriesRecord[]): boolean {
    return planGoogleSync(habit, records).length > 0;
  }

  /** Apply the plan for one habit, recording each step as it lands. */
  protected async syncOne(habit: Habit): Promise<void> {
    const records = await this.deps.store.series(PROVIDER, habit.id);
    for (const op of planGoogleSync(habit, records)) {
      if (op.kind === 'end') await this.end(op);
      else
        await this.upsert(
          habit,
          op,
          records.find((r) => r.eventId === op.eventId),
        );
    }
  }

  /** DELETE the series; 404 (never existed) and 410 (already deleted) mean it is gone, which is what was asked. */
  protected async removeSeries(record: SeriesRecord): Promise<SeriesRecord> {
    try {
      await this.deps.client.request('DELETE', `${EVENTS}/${record.eventId}`);
    } catch (error) {
      if (!(error instanceof GoogleApiError && (error.status === 404 || error.status === 410))) throw error;
    }
    return { ...record, state: 'removed' };
  }

  private async end(op: Extract<GoogleOp, { kind: 'end' }>): Promise<void> {
    const schedule = op.record.schedule;
    const first = schedule ? expandSchedule(schedule, op.record.since, op.record.since + 8 * 86_400_000)[0]?.at : undefined;
    try {
      // RFC 5545 keeps DTSTART as an instance whatever UNTIL says: a series that never fired is deleted instead.
      if (first !== undefined && op.until < first) await this.deps.client.request('DELETE', `${EVENTS}/${op.record.eventId}`);
      else await this.deps.client.request('PATCH', `${EVENTS}/${op.record.eventId}`, { body: { recurrence: op.recurrence } });
    } catch (error) {
      // Already gone in Google: nothing left to end.
      if (!(error instanceof GoogleApiError && (error.status === 404 || error.status === 410))) throw error;
    }
    await this.deps.store.putSeries({ ...op.record, state: 'ended', until: op.until });
  }

  private async upsert(habit: Habit, op: Extract<GoogleOp, { kind: 'upsert' }>, known?: SeriesRecord): Promise<void> {
    const habitId = habit.id;
    const { id: _id, ...patch } = op.body;
    const record: SeriesRecord = {
      id: `${PROVIDER}|${op.eventId}`,
      provider: PROVIDER,
      habitId,
      eventId: op.eventId,
      since: op.since,
      state: 'active',
      bodyHash: op.hash,
      recurrence: op.body.recurrence ?? [],
      schedule: habit.schedule,
    };
    // Written ahead: a create whose answer is lost may still have landed, and a schedule change or an archive before
    // the retry must then end this series too, or it would stay open beside the new one (two blocks a day).
    if (!known) await this.deps.store.putSeries({ ...record, state: 'pending', bodyHash: '' });
    const write = async (): Promise<void> => {
      if (known && known.state !== 'pending') {
        try {
          await this.deps.client.request('PATCH', `${EVENTS}/${op.eventId}`, { body: patch });
          return;
        } catch (error) {
          if (!(error instanceof GoogleApiError && error.status === 404)) throw error;
        }
      }
      try {
        await this.deps.client.request('POST', EVENTS, { body: op.body });
      } catch (error) {
        // 409: the id exists (an earlier try landed, or the person deleted it and Google keeps the id): update it.
        if (!(error instanceof GoogleApiError && error.status === 409)) throw error;
        await this.deps.client.request('PATCH', `${EVENTS}/${op.eventId}`, { body: patch });
      }
    };
    await write();
    await this.deps.store.putSeries(record);
  }

  /**
   * Cue instances in [fromMs, toMs) as Google holds them: one events.list (plus pages). Without a flexible habit it
   * is filtered to Cueboard's events. With one (issue 12) the same read drops that filter and asks only for the
   * fields auto-scheduling needs (times, status, transparency, the person's answer, instance ids and etags; titles
   * only while skip words are on), so the snapshot also carries busy time, all-day events and Cueboard's instances.
   * A series that should have instances here but has none is checked once; if deleted, it is marked missing.
   */
  async listCues(fromMs: number, toMs: number): Promise<CueInstance[]> {
    const habits = (await this.deps.habits()).filter((h) => !h.archived);
    const flexible = habits.some((h) => h.schedule.window !== undefined);
    const titles = flexible && (await this.skipWordsOn());
    const items = await this.listItems(
      fromMs,
      toMs,
      flexible ? { fields: flexibleListFields(titles) } : { privateExtendedProperty: `${APP_PROPERTY.key}=${APP_PROPERTY.value}` },
      titles,
    );
    const current = new Map(habits.map((h) => [googleEventId(h.id, h.scheduleSince), h.id]));
    const context = { current, fromMs, toMs, titles };
    const read = flexible ? readItems(items, context) : { cues: readCues(items, context) };
    const { cues } = read;
    await this.checkMissing(habits, cues, fromMs, toMs);
    await this.deps.store.putSnapshot({
      provider: PROVIDER,
      from: fromMs,
      to: toMs,
      fetchedAt: this.deps.clock.now(),
      cues,
      // Only while a flexible habit exists: otherwise nothing beyond Cueboard's own cues was read.
      ...('busy' in read ? { busy: read.busy, allDay: read.allDay, instances: read.instances } : {}),
    });
    return cues;
  }

  /** Whether any skip word is set: only then are all-day titles read. No reader (a test harness) means none. */
  private async skipWordsOn(): Promise<boolean> {
    const words = (await this.deps.skipWords?.()) ?? [];
    return words.some((w) => typeof w === 'string' && w.trim() !== '');
  }

  /** Every item of one events.list over the window, following pages; titles of timed events dropped on arrival. */
  private async listItems(fromMs: number, toMs: number, extra: Record<string, string>, titles: boolean): Promise<calendar_v3.Schema$Event[]> {
    const items: calendar_v3.Schema$Event[] = [];
    let pageToken: string | undefined;
    do {
      const { body } = await this.deps.client.request<calendar_v3.Schema$Events>('GET', EVENTS, {
        query: {
          singleEvents: 'true',
          orderBy: 'startTime',
          timeMin: new Date(fromMs).toISOString(),
          timeMax: new Date(toMs).toISOString(),
          ...extra,
          maxResults: '250',
          pageToken,
        },
      });
      if (!body || typeof body !== 'object' || (body.items !== undefined && !Array.isArray(body.items))) {
        throw new GoogleApiError(200, 'badResponse', 'Google Calendar sent a list Cueboard cannot read.', true);
      }
      // Never kept: the titles of timed events (other people's meetings) that `fields` could not leave out.
      items.push(...(body.items ?? []).map((item) => withoutForeignTitle(item, titles)));
      pageToken = body.nextPageToken ?? undefined;
    } while (pageToken);
    return items;
  }

  /**
   * Move one instance of a habit's series alone (a flexible habit's block): PATCH its instance id with the new start
   * and end in the habit's zone, guarded by the etag the poll saw. "gone" on 404/410, "changed" on 409/412 (the
   * person moved it meanwhile) — unless the instance already stands exactly where asked, which is what a retried
   * PATCH meets after its first answer was lost: that was this move, so "moved". Other failures throw as the
   * client's errors do. An instance already in place costs no request.
   */
  async moveInstance(instance: CalendarInstance, start: number, end: number): Promise<'moved' | 'gone' | 'changed'> {
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) throw new RangeError('A cue block must end after it starts.');
    if (instance.at === start && instance.end === end) return 'moved';
    const zone = (await this.deps.habits()).find((h) => h.id === instance.habitId)?.schedule.timeZone;
    const path = `${EVENTS}/${encodeURIComponent(instance.instanceId)}`;
    try {
      await this.deps.client.request('PATCH', path, {
        query: { fields: 'id' },
        body: { start: googleDateTime(start, zone), end: googleDateTime(end, zone) },
        ...(instance.version ? { headers: { 'If-Match': instance.version } } : {}),
      });
      return 'moved';
    } catch (error) {
      if (!(error instanceof GoogleApiError)) throw error;
      if (error.status === 404 || error.status === 410) return 'gone';
      if (error.status === 409 || error.status === 412) return this.standsAt(path, start, end);
      throw error;
    }
  }

  /** After a refused move: "moved" if the instance already stands exactly there, "gone" if it is no more, else "changed". */
  private async standsAt(path: string, start: number, end: number): Promise<'moved' | 'gone' | 'changed'> {
    try {
      const { body } = await this.deps.client.request<calendar_v3.Schema$Event>('GET', path, { query: { fields: 'status,start,end' } });
      if (body?.status === 'cancelled') return 'gone';
      return instantOf(body?.start?.dateTime) === start && instantOf(body?.end?.dateTime) === end ? 'moved' : 'changed';
    } catch (error) {
      if (!(error instanceof GoogleApiError)) throw error;
      return error.status === 404 || error.status === 410 ? 'gone' : 'changed';
    }
  }

  /** Habits whose series should show instances in the window but show none: is the series still there? */
  private async checkMissing(habits: readonly Habit[], cues: readonly CueInstance[], fromMs: number, toMs: number): Promise<void> {
    const seen = new Set(cues.map((c) => c.habitId));
    const records = await this.deps.store.allSeries(PROVIDER);
    for (const record of records) {
      // A pending create may not have landed yet: its absence says nothing about the person deleting it.
      if (record.state === 'ended' || record.state === 'removed' || record.state === 'pending') continue;
      const habit = habits.find((h) => h.id === record.habitId && h.scheduleSince === record.since);
      if (!habit) continue;
      if (seen.has(habit.id)) {
        if (record.state === 'missing') await this.deps.store.putSeries({ ...record, state: 'active' });
        continue;
      }
      if (record.state === 'missing') continue;
      if (expandSchedule(habit.schedule, Math.max(fromMs, habit.scheduleSince), toMs, habit.startsOn, habit.scheduleSince).length === 0) continue;
      let gone = false;
      try {
        const { body } = await this.deps.client.request<calendar_v3.Schema$Event>('GET', `${EVENTS}/${record.eventId}`);
        gone = body?.status === 'cancelled';
      } catch (error) {
        if (!(error instanceof GoogleApiError && (error.status === 404 || error.status === 410))) throw error;
        gone = true;
      }
      if (gone) await this.deps.store.putSeries({ ...record, state: 'missing' });
    }
  }

  /** One-click repair of a series the person deleted: write it again (Google restores the same id). */
  async repair(habitId: string): Promise<void> {
    for (const record of await this.deps.store.series(PROVIDER, habitId)) {
      if (record.state === 'missing') await this.deps.store.putSeries({ ...record, state: 'active', bodyHash: '' });
    }
    const habit = (await this.deps.habits()).find((h) => h.id === habitId);
    if (habit) await this.syncHabit(habit);
  }
}
