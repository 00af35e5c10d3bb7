import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { CalendarInstance, CueSnapshot, SeriesRecord } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import { sameSchedule } from '@/src/core/habit-changes';
import { zonedAt } from '@/src/core/local-time';
import { expandSchedule, type Schedule } from '@/src/core/schedule';
import { OutboxCalendar, type OutboxCalendarDeps } from '../outbox-calendar';
import { CUE_SELECT, graphUtcMs, readCues, readScheduling, schedulingSelect, withoutTimedTitle, type ViewOwners } from './calendar-view';
import { outlookBodyHash, outlookCreateBody, outlookEventBody, SERIES_PROPERTY_ID, seriesKey } from './event-body';
import { graphFailure, toCalendarError } from './graph-client';
import { scheduleToRecurrence } from './recurrence';

const PROVIDER = 'outlook' as const;

export interface OutlookCalendarDeps extends OutboxCalendarDeps {
  client: Client;
  /** Graph's origin, to refuse a nextLink that points anywhere else. */
  origin: string;
  /**
   * The person's skip words (settings): while a flexible habit exists and these are not empty, the poll reads titles
   * so all-day events can be matched against them. Absent: no titles are read.
   */
  skipWords?: () => Promise<readonly string[]>;
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
    return this.writeSeries(habit).catch((error: unknown) => {
      throw toCalendarError(error, this.deps.clock.now());
    });
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
    const found = (await this.deps.client
      .api('/me/events')
      .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${SERIES_PROPERTY_ID}' and ep/value eq '${value}')`)
      .select(['id'])
      .get()) as { value?: unknown } | undefined;
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
      // One series never changes its times or pattern (a new schedule is a new series). Sent again, Graph takes them
      // as a new pattern and drops every exception: occurrences the person moved by hand would jump back.
      const { start: _start, end: _end, recurrence: _recurrence, ...details } = body;
      const samePattern = current?.schedule !== undefined && sameSchedule(current.schedule, habit.schedule);
      try {
        await this.deps.client.api(`/me/events/${eventId}`).patch(samePattern ? details : body);
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
        if (start && last && last >= start)
          await this.deps.client.api(`/me/events/${eventId}`).patch({ recurrence: scheduleToRecurrence(schedule, start, last) });
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
    const habits = (await this.deps.habits()).filter((h) => !h.archived);
    // Busy time, all-day events and instances are read only while a flexible habit needs them (issue 12); titles
    // only while skip words are on too. Without a flexible habit the request is the plain cue read it always was.
    const flexible = habits.filter((h) => h.schedule.window);
    const scheduling = flexible.length > 0;
    const titles = scheduling && ((await this.deps.skipWords?.()) ?? []).length > 0;
    const items: unknown[] = [];
    let page = (await this.deps.client
      .api('/me/calendarView')
      .query({ startDateTime: new Date(fromMs).toISOString(), endDateTime: new Date(toMs).toISOString() })
      .select(scheduling ? schedulingSelect(titles) : CUE_SELECT)
      .top(100)
      .get()) as { value?: unknown; '@odata.nextLink'?: string };
    for (let pages = 0; ; pages++) {
      if (!Array.isArray(page?.value)) throw new Error('Outlook sent a calendar view Cueboard cannot read.');
      const values: readonly unknown[] = page.value;
      // Timed events' titles (selected only for the all-day ones' sake) go here, before anything else sees them.
      items.push(...(scheduling ? values.map(withoutTimedTitle) : values));
      const next = page['@odata.nextLink'];
      if (!next) break;
      const url = new URL(next);
      // Follow only Graph's own links, and not forever.
      if (url.origin !== new URL(this.deps.origin).origin || pages > 50) throw new Error('Outlook sent a next page Cueboard will not follow.');
      page = (await this.deps.client.api(`${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`).get()) as typeof page;
    }

    const records = await this.deps.store.allSeries(PROVIDER);
    const owners: ViewOwners = {
      active: new Map(records.filter((r) => r.state === 'active' && r.eventId).map((r) => [r.eventId, r.habitId])),
      current: new Map(
        records
          .filter((r) => r.state === 'active' && r.eventId && habits.some((h) => h.id === r.habitId && h.scheduleSince === r.since))
          .map((r) => [r.eventId, r.habitId]),
      ),
      own: new Set(records.filter((r) => r.eventId).map((r) => r.eventId)),
    };
    const cues = readCues(items, owners, new Set(habits.map((h) => h.id)), fromMs, toMs);
    await this.checkMissing(habits, records, cues, fromMs, toMs);
    const snapshot: CueSnapshot = { provider: PROVIDER, from: fromMs, to: toMs, fetchedAt: this.deps.clock.now(), cues };
    if (scheduling) Object.assign(snapshot, readScheduling(items, owners, { titles, zone: flexible[0]!.schedule.timeZone }));
    await this.deps.store.putSnapshot(snapshot);
    return cues;
  }

  private async checkMissing(
    habits: readonly Habit[],
    records: readonly SeriesRecord[],
    cues: readonly CueInstance[],
    fromMs: number,
    toMs: number,
  ): Promise<void> {
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

  /**
   * Move one occurrence of a flexible habit's series: PATCH the occurrence (Graph makes it an exception) with the new
   * start and end as wall-clock times in the habit's zone, guarded by If-Match on the version the poll read, so a
   * change the person made meanwhile is never overwritten. "gone" on 404/410, "changed" on 409/412 — unless a read
   * shows the occurrence already stands exactly there (a 503/504 retried by the client after Graph had applied the
   * first PATCH answers 412: the changeKey moved with Cueboard's own change). Anything else throws after the
   * client's short retries. An instance already there costs no request.
   */
  async moveInstance(instance: CalendarInstance, start: number, end: number): Promise<'moved' | 'gone' | 'changed'> {
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) throw new Error('A cue block must end after it starts.');
    if (instance.at === start && instance.end === end) return 'moved';
    const habit = (await this.deps.habits()).find((h) => h.id === instance.habitId);
    const zone = habit?.schedule.timeZone ?? 'UTC';
    const wall = (at: number) => ({ dateTime: zonedAt(at, zone).toPlainDateTime().toString({ smallestUnit: 'second' }), timeZone: zone });
    const path = `/me/events/${encodeURIComponent(instance.instanceId)}`;
    try {
      let request = this.deps.client.api(path);
      if (instance.version) request = request.header('If-Match', instance.version);
      await request.patch({ start: wall(start), end: wall(end) });
      return 'moved';
    } catch (error) {
      const status = graphFailure(error)?.status;
      if (status === 404 || status === 410) return 'gone';
      if (status === 409 || status === 412) return this.standsAt(path, start, end);
      throw toCalendarError(error, this.deps.clock.now());
    }
  }

  /** After a refused move: "moved" if the occurrence already stands exactly there, "gone" if it is no more, else "changed". */
  private async standsAt(path: string, start: number, end: number): Promise<'moved' | 'gone' | 'changed'> {
    try {
      const item: unknown = await this.deps.client.api(path).select(['start', 'end', 'isCancelled']).get();
      const view = (item ?? {}) as { start?: unknown; end?: unknown; isCancelled?: unknown };
      if (view.isCancelled === true) return 'gone';
      return graphUtcMs(view.start) === start && graphUtcMs(view.end) === end ? 'moved' : 'changed';
    } catch (error) {
      const status = graphFailure(error)?.status;
      if (status === undefined) throw error;
      return status === 404 || status === 410 ? 'gone' : 'changed';
    }
  }

  /** One-click repair: create the series afresh under a new transactionId. */
  async repair(habitId: string): Promise<void> {
    for (const record of await this.deps.store.series(PROVIDER, habitId)) {
      if (record.state === 'missing')
        await this.deps.store.putSeries({ ...record, state: 'pending', eventId: '', bodyHash: '', repairs: (record.repairs ?? 0) + 1 });
    }
    const habit = (await this.deps.habits()).find((h) => h.id === habitId);
    if (habit) await this.syncHabit(habit);
  }
}
