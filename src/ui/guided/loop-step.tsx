import type { PickedBehaviour } from '@/src/core/guided-start';
import type { HabitField, HabitInput } from '@/src/core/habit-input';
import { CalendarSection, type CalendarSectionProps } from '../options/calendar-section';
import { HabitFields } from '../options/habit-fields';

export interface LoopStepProps {
  behaviours: readonly PickedBehaviour[];
  errors: Record<string, Partial<Record<HabitField, string>>>;
  browserZone: string;
  onEdit: (entryId: string, change: Partial<HabitInput>) => void;
  /** Where the cues live: the calendar card, with Connect inline (once its state is read). */
  calendar?: CalendarSectionProps;
}

/** Step 5: for each behaviour the loop — cue (days, time, zone), routine (two-minute start, link), reward — then the calendar. */
export function LoopStep({ behaviours, errors, browserZone, onEdit, calendar }: LoopStepProps) {
  return (
    <>
      <p class="hint">Cue, routine, reward: each behaviour gets all three. Everything the library suggested can be changed here.</p>
      {behaviours.map((b) => (
        <fieldset key={b.entryId} class="card loop" data-entry={b.entryId}>
          <legend>{b.input.name.trim() || 'This behaviour'}</legend>
          <HabitFields
            idPrefix={`loop-${b.entryId}`}
            input={b.input}
            errors={errors[b.entryId] ?? {}}
            browserZone={browserZone}
            onChange={(change) => onEdit(b.entryId, change)}
          />
        </fieldset>
      ))}
      <section class="where" aria-labelledby="where-title">
        <h2 id="where-title">Where should the cues live?</h2>
        {calendar && <CalendarSection {...calendar} />}
      </section>
    </>
  );
}
