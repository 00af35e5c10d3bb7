import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Habit } from '@/src/core/habit';
import type { HabitErrorKey, HabitField, HabitInput } from '@/src/core/habit-input';
import { habitToInput } from '@/src/core/habit-to-input';
import type { Outcome, OutcomeField, OutcomeInput } from '@/src/core/outcome';
import type { Validated } from '@/src/core/result';
import type { Settings } from '@/src/core/settings';
import type { SettingsField, SettingsInput } from '@/src/core/settings-input';
import { useAction, useAsync } from '../use-action';
import { blankHabit, HabitForm } from './habit-form';
import { HabitList } from './habit-list';
import { BLANK_OUTCOME, OutcomeForm } from './outcome-form';
import { OutcomeList } from './outcome-list';
import { Later } from '../later';
import type { ExperimentsApi } from '../coach/experiments-section';
import type { FocusApi } from './focus-section';
import type { DataApi } from './data-section';
import { useModule } from '../use-module';
import type { CalendarStatus } from '@/src/app/calendar-status';
import type { CalendarReply } from '@/src/messaging/protocol';
import { CALENDAR_NAMES, type RemoteKind } from '@/src/core/calendar-sync';

export interface OptionsApi {
  experiments: ExperimentsApi;
  /** Focus settings and the sites held back during focus (the section loads after the first paint). */
  focus: FocusApi;
  /** Export and import (the section loads after the first paint). */
  data: DataApi;
  timeZone: string;
  load: () => Promise<{ habits: Habit[]; outcomes: Outcome[]; settings: Settings; calendar: CalendarStatus; today: string }>;
  logOutcomeValue: (outcomeId: string, input: { value: string; localDate: string }) => Promise<{ ok: true } | { ok: false; error: string }>;
  connectCalendar: (kind: RemoteKind) => Promise<CalendarReply>;
  disconnectCalendar: (kind: RemoteKind, removeEvents: boolean) => Promise<CalendarReply>;
  repairCue: (habitId: string) => Promise<CalendarReply>;
  /** Stores the habit and answers once IndexedDB has committed; cues follow through `cuesFollow`. */
  saveHabit: (input: HabitInput, id?: string) => Promise<Validated<Habit, HabitErrorKey>>;
  /** Ask the background to bring alarms in line after a habit change (never waits on a calendar server). */
  cuesFollow: () => Promise<void>;
  /** Called when the background reports the calendar changed (a write or poll finished); returns an unsubscribe. */
  onCalendarChange?: (reload: () => void) => () => void;
  setHabitArchived: (id: string, archived: boolean) => Promise<Validated<Habit, HabitField>>;
  saveOutcome: (input: OutcomeInput, id?: string) => Promise<Validated<Outcome, OutcomeField>>;
  setOutcomeArchived: (id: string, archived: boolean) => Promise<unknown>;
  saveSettings: (input: SettingsInput & { newTabDashboard: boolean }) => Promise<Validated<Settings, SettingsField>>;
}

type Notice = { text: string; undo?: () => Promise<void> };

/** The page's sections, each reachable from the nav and by its address (options.html#habits). */
const SECTIONS = [
  { id: 'outcomes', name: 'Outcomes' },
  { id: 'habits', name: 'Habits' },
  { id: 'experiments', name: 'Experiments' },
  { id: 'focus', name: 'Focus' },
  { id: 'settings', name: 'Settings' },
  { id: 'data', name: 'Your data' },
] as const;

/** The options page: outcomes, habits and settings, each with a form that explains what to fix. */
export function OptionsApp(api: OptionsApi) {
  const { data, error, reload } = useAsync(api.load);
  useJumpToSection(data !== undefined);
  // Experiments load after the first paint: most visits here are a quick edit.
  const experiments = useModule(() => import('../coach/experiments-section'));
  const [editingHabit, setEditingHabit] = useState<Habit>();
  useEditFromAddress(data?.habits, setEditingHabit);
  const [editingOutcome, setEditingOutcome] = useState<Outcome>();
  const [notice, setNotice] = useState<Notice>();
  // Every change the page makes runs through here: a failure is said beside the notice, in words.
  const { problem, run } = useAction();
  // Bumped after each successful save so the "new" form starts blank again.
  const [saves, setSaves] = useState(0);
  useEffect(() => api.onCalendarChange?.(() => void reload()), [api, reload]);
  /** After a habit change is stored: say so at once, then say when its cues are set (or why not yet). */
  const saved = (text: string, undo?: () => Promise<void>) => {
    setNotice({ text, ...(undo ? { undo } : {}) });
    api.cuesFollow().then(
      () => setNotice((current) => (current?.text === text ? { ...current, text: `${text} Its cues are scheduled.` } : current)),
      () =>
        setNotice((current) =>
          current?.text === text ? { ...current, text: `${text} Its cues could not be scheduled just now; Cueboard tries again within 15 minutes.` } : current,
        ),
    );
  };
  const habitInitial = useMemo(() => (editingHabit ? habitToInput(editingHabit) : blankHabit(api.timeZone)), [editingHabit, api.timeZone]);
  const outcomeInitial = useMemo(
    () => (editingOutcome ? { ...editingOutcome, baseline: String(editingOutcome.baseline), target: String(editingOutcome.target) } : BLANK_OUTCOME),
    [editingOutcome],
  );

  const archiveHabit = async (habit: Habit, archived: boolean) => {
    const result = await api.setHabitArchived(habit.id, archived);
    if (!result.ok) {
      setNotice({ text: Object.values(result.errors).join(' ') });
      return;
    }
    await reload();
    saved(`${archived ? 'Archived' : 'Restored'} “${habit.name}”.`, async () => {
      const undone = await api.setHabitArchived(habit.id, !archived);
      await reload();
      if (!undone.ok) setNotice({ text: Object.values(undone.errors).join(' ') });
      else saved('Undone.');
    });
  };

  const archiveOutcome = async (outcome: Outcome, archived: boolean) => {
    await api.setOutcomeArchived(outcome.id, archived);
    await reload();
    setNotice({ text: `${archived ? 'Archived' : 'Restored'} “${outcome.name}”.` });
  };

  if (error)
    return (
      <main class="options">
        <p role="alert">Cueboard could not read its data. {error}</p>
      </main>
    );
  if (!data)
    return (
      <main class="options" aria-busy="true">
        <p>Loading…</p>
      </main>
    );

  return (
    <main class="options">
      <h1>Cueboard</h1>
      <p class="lede">Name the outcome, then the few behaviours that drive it. Each behaviour gets a cue and a two-minute start.</p>
      {/* Stays in view while scrolling: the sections a click away, and what just happened. */}
      <div class="options-bar">
        <nav aria-label="Sections of this page">
          <ul class="section-links">
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.name}</a>
              </li>
            ))}
            <li>
              <a href="/checkin.html">Coaching check-in</a>
            </li>
            <li>
              <a href="/welcome.html">Set up a new outcome</a>
            </li>
          </ul>
        </nav>
        <p role="status" class="notice">
          {notice?.text}{' '}
          {notice?.undo && (
            <button type="button" class="quiet" onClick={() => void run(notice.undo!)}>
              Undo
            </button>
          )}
        </p>
        {problem && (
          <p role="alert" class="notice">
            {problem}
          </p>
        )}
      </div>

      <section id="outcomes" tabIndex={-1} aria-labelledby="outcomes-title">
        <h2 id="outcomes-title">Outcomes</h2>
        <OutcomeList
          outcomes={data.outcomes}
          today={data.today}
          onEdit={setEditingOutcome}
          onArchive={(o, a) => void run(() => archiveOutcome(o, a))}
          onLog={(o, input) =>
            run(async () => {
              const result = await api.logOutcomeValue(o.id, input);
              if (!result.ok) return result.error;
              setNotice({ text: `Logged ${input.value} for “${o.name}”.` });
              return undefined;
            })
          }
        />
        <OutcomeForm
          key={`outcome-${editingOutcome?.id ?? 'new'}-${saves}`}
          initial={outcomeInitial}
          editing={editingOutcome !== undefined}
          onCancel={() => setEditingOutcome(undefined)}
          onSave={(input) =>
            run(async () => {
              const result = await api.saveOutcome(input, editingOutcome?.id);
              if (!result.ok) return result.errors;
              setEditingOutcome(undefined);
              setSaves((n) => n + 1);
              setNotice({ text: `Saved outcome “${result.value.name}”.` });
              await reload();
              return undefined;
            })
          }
        />
      </section>

      <section id="habits" tabIndex={-1} aria-labelledby="habits-title">
        <h2 id="habits-title">Habits</h2>
        <HabitList
          habits={data.habits}
          outcomes={data.outcomes}
          missing={data.calendar.missing}
          onEdit={setEditingHabit}
          onArchive={(h, a) => void run(() => archiveHabit(h, a))}
          onRepair={(h) =>
            void run(async () => {
              const reply = await api.repairCue(h.id);
              const where = data.calendar.calendar === 'local' ? 'the calendar' : CALENDAR_NAMES[data.calendar.calendar];
              setNotice({ text: reply.ok ? `Repaired the cue of “${h.name}” in ${where}.` : reply.error });
              await reload();
            })
          }
        />
        <HabitForm
          key={`habit-${editingHabit?.id ?? 'new'}-${saves}`}
          initial={habitInitial}
          editing={editingHabit !== undefined}
          outcomes={data.outcomes}
          browserZone={api.timeZone}
          localCalendar={data.settings.calendar === 'local'}
          onCancel={() => setEditingHabit(undefined)}
          onSave={(input) =>
            run(async () => {
              const result = await api.saveHabit(input, editingHabit?.id);
              if (!result.ok) return result.errors;
              setEditingHabit(undefined);
              setSaves((n) => n + 1);
              saved(`Saved habit “${result.value.name}”.`);
              await reload();
              return undefined;
            })
          }
        />
      </section>

      <section id="experiments" tabIndex={-1} aria-labelledby="experiments-title">
        <h2 id="experiments-title">Experiments</h2>
        {experiments.error && <p role="alert">{experiments.error}</p>}
        {experiments.module ? (
          <experiments.module.ExperimentsSection
            api={api.experiments}
            habits={data.habits}
            browserZone={api.timeZone}
            onHabitsChanged={(text) => {
              void reload();
              saved(text);
            }}
          />
        ) : (
          !experiments.error && <p aria-busy="true">Loading…</p>
        )}
      </section>

      <section id="focus" tabIndex={-1} aria-labelledby="focus-title">
        <h2 id="focus-title">Focus</h2>
        <Later load={() => import('./focus-section').then((m) => m.FocusSection)} api={api.focus} onNotice={(text: string) => setNotice({ text })} />
      </section>

      <section id="settings" tabIndex={-1} aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        {/* Below the fold, and loaded once the page has painted. */}
        <Later
          load={() => import('./calendar-section').then((m) => m.CalendarSection)}
          status={data.calendar}
          connect={api.connectCalendar}
          disconnect={api.disconnectCalendar}
          reload={reload}
        />
        <Later
          load={() => import('./settings-form').then((m) => m.SettingsForm)}
          initial={data.settings}
          onSave={(input) =>
            run(async () => {
              const result = await api.saveSettings(input);
              if (!result.ok) return result.errors;
              setNotice({ text: 'Settings saved.' });
              await reload();
              return undefined;
            })
          }
        />
      </section>

      <section id="data" tabIndex={-1} aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p class="hint">Everything Cueboard knows stays on this machine. Keep a copy, bring it to another machine, or move in from Loop Habit Tracker.</p>
        <Later
          load={() => import('./data-section').then((m) => m.DataSection)}
          api={api.data}
          onNotice={(text: string) => setNotice({ text })}
          onChange={reload}
        />
      </section>
    </main>
  );
}

/**
 * Opening options.html#habits lands on the habits: the browser cannot jump there by itself because the sections
 * appear only after the data loads. Focus moves too, so the next Tab continues inside that section.
 */
function useJumpToSection(ready: boolean): void {
  const jumped = useRef(false);
  useEffect(() => {
    if (!ready || jumped.current) return;
    jumped.current = true;
    const id = globalThis.location?.hash.slice(1);
    if (!SECTIONS.some((section) => section.id === id)) return;
    const section = document.getElementById(id);
    section?.focus({ preventScroll: true });
    // Scrolled apart from the focus so the heading lands below the sticky nav (the section's scroll-margin).
    section?.scrollIntoView({ block: 'start' });
  }, [ready]);
}

/**
 * options.html#habit=<id> (the popup's "Adjust the behaviour") opens that habit's form once the data has loaded,
 * with the focus in its first field.
 */
function useEditFromAddress(habits: readonly Habit[] | undefined, edit: (habit: Habit) => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (!habits || done.current) return;
    done.current = true;
    const id = /^#habit=(.+)$/.exec(globalThis.location?.hash ?? '')?.[1];
    const habit = id === undefined ? undefined : habits.find((h) => h.id === decodeURIComponent(id));
    if (!habit) return;
    edit(habit);
    // The form remounts for the habit on the next render; focus its first field then.
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>('form[aria-labelledby="habit-form-title"] input');
      field?.focus({ preventScroll: true });
      field?.closest('form')?.scrollIntoView({ block: 'center' });
    });
  }, [habits, edit]);
}
