import type { Habit } from './habit';
import type { HabitInput } from './habit-input';

/** The habit as form input, for editing. */
export function habitToInput(habit: Habit): HabitInput {
  return {
    name: habit.name,
    outcomeId: habit.outcomeId ?? '',
    targetKind: habit.target.kind,
    targetAmount: String(habit.target.amount),
    targetPer: habit.target.per,
    days: [...habit.schedule.days],
    startTime: habit.schedule.startTime,
    durationMinutes: String(habit.schedule.durationMinutes),
    timeZone: habit.schedule.timeZone,
    firstStep: habit.start.firstStep,
    link: habit.start.link ?? '',
    reward: habit.reward ?? '',
    keystone: habit.keystone,
    onDashboard: habit.onDashboard,
    ...(habit.people ? { people: [...habit.people] } : {}),
    ...(habit.schedule.everyWeeks ? { everyWeeks: habit.schedule.everyWeeks } : {}),
    ...(habit.schedule.window
      ? { window: { from: habit.schedule.window.from, to: habit.schedule.window.to, buffer: String(habit.schedule.window.bufferMinutes) } }
      : {}),
    ...(habit.kind === 'focus' && habit.focus ? { focus: { minutes: String(habit.focus.minutes), intention: habit.focus.intention } } : {}),
  };
}
