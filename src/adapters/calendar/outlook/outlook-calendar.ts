import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { SeriesRecord } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import { expandSchedule, type Schedule } from '@/src/core/schedule';
import { OutboxCalendar, type OutboxCalendarDeps } from '../outbox-calendar';
import { outlookBodyHash, outlookCreateBody, outlookEventBody, SERIES_PROPERTY_ID, seriesKey } from './event-body';
import { graphFailure, toCalendarError } from './graph-client';
import { scheduleToRecurrence } from './recurrence';

const PROVIDER = 'outlook' as const;
const SELECT = ['id', 'subject', 'start', 'end', 'seriesMasterId', 'type', 'isCancelled', 'originalStart'];

export interface OutlookCalendarDeps extends OutboxCalendarDeps {
  client: Client;
  /** Graph's origin, to refuse a nextLink that points anywhere else. */
  origin: string;
}

const recordId = (habitId: string, since: number) => `${PROVIDER}|${seriesKey(habitId, since)}`;

/** A series still in the calendar that a schedule change or an archive would have to end. */
const isOpen = (record: SeriesRecord) => record.state !== 'ended' && record.state !== 'removed';

/** The first local date of a series written with `schedule` from `since`. */
function firstDate(schedule: Schedule, since: number): string | undefined {
  return expandSchedule(schedule, since, since + 8 * 86_400_000)[0]?.localDate;
}

/** The local date of the last occurrence before `until`, or undefined when the series never fired. */
function lastDateBefore(schedule: Schedule, since: number, until: number): string | undefined {
  return expandSchedule(schedule, Math.max(since, until - 8 * 86_400_000), until, undefined, since).at(-1)?.localDate;
}

/**
 * Cues as recurring events in the person's Outlook / Microsoft 365 calendar through Microsoft Graph. Same contract
 * as Google: writes through the outbox, idempotent (a transactionId per series, a written-ahead "pending" record
 * and a look-up by extended property before any second create), cues read back from calendarView.
 */
export class OutlookCalendar extends OutboxCalendar<OutlookCalendarDeps> {
  readonly kind = PROVIDER;

  protected needsSync(habit: Habit, records: readonly SeriesRecord[]): boolean {
    if (records.some((r) => isOpen(r) && (habit.archived || r.since !== habit.scheduleSince))) return true;
    if (habit.archived) return false;
    const current = records.find((r) => r.since === habit.scheduleSince);
    return (
      !current ||
      current.state === 'pending' ||
      current.state === 'removed' ||
      (current.state === 'active' && current.bodyHash !== outlookBodyHash(outlookEventBody(habit)))
    );
  }

  protected syncOne(habit: Habit): Promise<void> {
    return this.writeSeries(habit).catch((error: unknown) => Promise.reject(toCalendarError(error, this.deps.clock.now())));
  }

  private async writeSeries(habit: Habit): Promise<void> {
    const records = await this.deps.store.series(PROVIDER, habit.id);
    const until = habit.archived ? (habit.archivedAt ?? habit.scheduleSince) : habit.scheduleSince - 1000;
    for (const record of records) {
      if (isOpen(record) && (habit.archived || record.since !== habit.scheduleSince)) await this.end(record, until);
    }
    if (habit.archived) return;
    const current = records.find((r) => r.since === habit.scheduleSince);
    if (current?.state === 'missing') return;
    await this.upsert(habit, current);
  }

  /** The event id of a record, looking it up by extended property when a create may or may not have landed. */
  private async resolveId(record: Pick<SeriesRecord, 'eventId' | 'state' | 'habitId' | 'since'>): Promise<string | undefined> {
    if (record.eventId) return record.eventId;
    const value = seriesKey(record.habitId, record.since);
    const found = await this.deps.client
      .api('/me/events')
      .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${SERIES_PROPERTY_ID}' and ep/value eq '${value}')`)
      .select(['id'])
      .get();
    if (!Array.isArray(found?.value)) throw new Error('Outlook sent an answer Cueboard cannot read.');
    return (found.value as Event[])[0]?.id ?? undefined;
  }

  private async upsert(habit: Habit, current?: SeriesRecord): Promise<void> {
    const body = outlookEventBody(habit);
    const hash = outlookBodyHash(body);
    const base = {
      id: recordId(habit.id, habit.scheduleSince),
      provider: PROVIDER,
      habitId: habit.id,
      since: habit.scheduleSince,
      recurrence: [],
      schedule: habit.schedule,
      repairs: current?.repairs ?? 0,
    };
    let eventId = current?.state === 'active' ? current.eventId : current?.state === 'pending' ? await this.resolveId(current) : undefined;
    if (eventId) {
      try {
        await this.deps.client.api(`/me/events/${eventId}`).patch(body);
      } catch (error) {
        if (graphFailure(error)?.status !== 404) throw error;
        // Deleted in Outlook meanwhile: say so, and wait for the person's repair.
        await this.deps.store.putSeries({ ...base, eventId, state: 'missing', bodyHash: '' });
        return;
      }
    } else {
      // Written ahead: if the answer is lost, the next try looks the series up instead of creating another.
      await this.deps.store.putSeries({ ...base, eventId: '', state: 'pending', bodyHash: '' });
      const created = (await this.deps.client.api('/me/events').post(outlookCreateBody(habit, base.repairs))) as Event | undefined;
      if (!created?.id) throw new Error('Outlook did not return the new event.');
      eventId = created.id;
    }
    await this.deps.store.putSeries({ ...base, eventId, state: 'active', bodyHash: hash });
  }

  /**
   * DELETE the series (looked up first when its create may or may not have landed); 404 means it is gone already.
   * The next create after a removal uses a fresh transactionId: Graph's behaviour on a deleted event's id is unknown.
   */
  protected async removeSeries(record: SeriesRecord): Promise<SeriesRecord> {
    try {
      const eventId = await this.resolveId(record);
      if (eventId) {
        try {
          await this.deps.client.api(`/me/events/${eventId}`).delete();
        } catch (error) {
          if (graphFailure(error)?.status !== 404) throw error;
        }
      }
      return { ...record, eventId: eventId ?? '', state: 'removed', repairs: (record.repairs ?? 0) + 1 };
    } catch (error) {
      throw toCalendarError(error, this.deps.clock.now());
    }
  }

  /** End a series on the local date of its last cue before `until`; one that never fired is deleted. */
  private async end(record: SeriesRecord, until: number): Promise<void> {
    const eventId = await this.resolveId(record);
    const schedule = record.schedule;
    if (eventId && schedule) {
      const start = firstDate(schedule, record.since);
      const last = lastDateBefore(schedule, record.since, until);
      try {
        if (start && last && last >= start) await this.deps.client.api(`/me/events/${eventId}`).patch({ recurrence: scheduleToRecurrence(schedule, start, last) });
        else await this.deps.client.api(`/me/events/${eventId}`).delete();
      } catch (error) {
        if (graphFailure(error)?.status !== 404) throw error;
      }
    }
    await this.deps.store.putSeries({ ...record, eventId: eventId ?? '', state: 'ended', until });
  }

  async listCues(fromMs: number, toMs: number): Promise<CueInstance[]> {
    try {
      return await this.readCues(fromMs, toMs);
    } catch (error) {
      throw toCalendarError(error, this.deps.clock.now());
    }
  }

  private async readCues(fromMs: number, toMs: number): Promise<CueInstance[]> {
    const items: Event[] = [];
    let page = (await this.deps.client
      .api('/me/calendarView')
      .query({ startDateTime: new Date(fromMs).toISOString(), endDateTime: new Date(toMs).toISOString() })
      .select(SELECT)
      .top(100)
      .get()) as { value?: unknown; '@odata.nextLink'?: string };
    for (let pages = 0; ; pages++) {
      if (!Array.isArray(page?.value)) throw new Error('Outlook sent a calendar view Cueboard cannot read.');
      items.push(...(page.value as Event[]));
      const next = page['@odata.nextLink'];
      if (!next) break;
      const url = new URL(next);
      // Follow only Graph's own links, and not forever.
      if (url.origin !== new URL(this.deps.origin).origin || pages > 50) throw new Error('Outlook sent a next page Cueboard will not follow.');
      page = await this.deps.client.api(`${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`).get();
    }

    const habits = (await this.deps.habits()).filter((h) => !h.archived);
    const records = await this.deps.store.allSeries(PROVIDER);
    const owners = new Map(records.filter((r) => r.state === 'active' && r.eventId).map((r) => [r.eventId, r.habitId]));
    const active = new Set(habits.map((h) => h.id));
    const cues = items.flatMap((item): CueInstance[] => {
      const habitId = item.seriesMasterId ? owners.get(item.seriesMasterId) : undefined;
      // calendarView answers in UTC with no offset in the string: read it as UTC.
      const text = item.start?.dateTime;
      const at = text && item.start?.timeZone === 'UTC' ? Date.parse(`${text.slice(0, 23)}Z`) : Number.NaN;
      if (!habitId || !active.has(habitId) || item.isCancelled || Number.isNaN(at) || at < fromMs || at >= toMs) return [];
      return [{ habitId, at }];
    });
    await this.checkMissing(habits, records, cues, fromMs, toMs);
    await this.deps.store.putSnapshot({ provider: PROVIDER, from: fromMs, to: toMs, fetchedAt: this.deps.clock.now(), cues });
    return cues;
  }

  private async checkMissing(habits: readonly Habit[], records: readonly SeriesRecord[], cues: readonly CueInstance[], fromMs: number, toMs: number): Promise<void> {
    const seen = new Set(cues.map((c) => c.habitId));
    for (const record of records) {
      const habit = habits.find((h) => h.id === record.habitId && h.scheduleSince === record.since);
      if (!habit || record.state !== 'active' || seen.has(habit.id)) continue;
      if (expandSchedule(habit.schedule, Math.max(fromMs, habit.scheduleSince), toMs, habit.startsOn, habit.scheduleSince).length === 0) continue;
      try {
        await this.deps.client.api(`/me/events/${record.eventId}`).select(['id']).get();
      } catch (error) {
        if (graphFailure(error)?.status !== 404) throw error;
        await this.deps.store.putSeries({ ...record, state: 'missing' });
      }
    }
  }

  /** One-click repair: create the series afresh under a new transactionId. */
  async repair(habitId: string): Promise<void> {
    for (const record of await this.deps.store.series(PROVIDER, habitId)) {
      if (record.state === 'missing') await this.deps.store.putSeries({ ...record, state: 'pending', eventId: '', bodyHash: '', repairs: (record.repairs ?? 0) + 1 });
    }
    const habit = (await this.deps.habits()).find((h) => h.id === habitId);
    if (habit) await this.syncHabit(habit);
  }
}
