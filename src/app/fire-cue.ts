import { cueEventFor, cueEventId, clearSnooze, isAnswered, markFired, markFiredLate } from '@/src/core/cue-event';
import { LATE_CUE_MS } from '@/src/core/missed-cues';
import { cueAlarmName, parseAlarmName } from '@/src/core/cue-plan';
import { cuePromptText, shouldPrompt } from '@/src/core/cue-prompt';
import { localDateOf } from '@/src/core/day-boundary';
import { periodOf } from '@/src/core/period';
import { periodProgress } from '@/src/core/progress';
import { holdCue, isLive, settle } from '@/src/core/focus-session';
import type { FocusStore } from '@/src/ports/focus-store';
import { stepped } from './focus-actions';
import type { Deps } from './deps';
import { todayOf } from './today-date';

/** `late`: recorded as fired late, for the one summary of cues that passed while the person was away. */
export type FireResult = 'prompted' | 'quiet' | 'late' | 'ignored';

/**
 * An alarm went off. For a cue of an active habit: record that it fired and prompt the two-minute start, unless
 * the period's target is already met, today was skipped, or this instance was already answered. A cue alarm
 * delivered more than LATE_CUE_MS late (a wake from sleep, a browser start) is recorded as fired late and joins the
 * summary of missed cues instead of prompting on its own. Quiet firings are recorded too, so the funnel shows them.
 */
export async function fireCue(
  { repo, clock, notifier, focus }: Pick<Deps, 'repo' | 'clock' | 'notifier'> & { focus?: FocusStore },
  alarmName: string,
): Promise<FireResult> {
  const parsed = parseAlarmName(alarmName);
  if (!parsed) return 'ignored';
  const habit = await repo.habit(parsed.habitId);
  if (!habit || habit.archived) return 'ignored';

  const { now, dayBoundary } = await todayOf({ repo, clock });
  // Judged for the day the cue belongs to (under the boundary), which is today unless it fires off its time.
  const today = localDateOf(parsed.cueAt, clock.timeZone(), dayBoundary);
  if (parsed.kind === 'cue' && now - parsed.cueAt > LATE_CUE_MS) {
    const stored = await repo.updateCueEvent(cueEventId(habit.id, parsed.cueAt), (current) => markFiredLate(cueEventFor(current, habit.id, parsed.cueAt), now));
    return isAnswered(stored) ? 'quiet' : 'late';
  }
  const period = periodOf(today, habit.target.per);
  const checkIns = await repo.checkIns(habit.id, period.start, period.end);
  const stored = await repo.cueEvent(cueEventId(habit.id, parsed.cueAt));
  const event = cueEventFor(stored, habit.id, parsed.cueAt);
  const answered = isAnswered(event);
  // A cue alarm delivered twice (re-created by a reconcile that raced its firing) prompts once; snoozes come back.
  // One already noticed as passed unseen is in the summary of missed cues: it does not prompt on its own as well.
  const repeat = parsed.kind === 'cue' && (event.firedAt !== undefined || event.unseenAt !== undefined);
  // A snooze is late against its own return time, a cue against its scheduled instant.
  const due = parsed.kind === 'snooze' ? (event.snoozedUntil ?? parsed.cueAt) : parsed.cueAt;
  let prompt =
    !answered &&
    !repeat &&
    shouldPrompt(
      periodProgress(habit, checkIns, today),
      checkIns.filter((c) => c.localDate === today),
      now - due,
    );

  // One focus block at a time: a focus cue during a live block is kept with the block, not prompted.
  if (prompt && habit.focus && focus && (await holdByLiveBlock(focus, habit.id, parsed.cueAt, now))) prompt = false;

  // Written as a change to whatever is stored now: an answer that landed meanwhile is kept.
  await repo.updateCueEvent(event.id, (current) => {
    const latest = cueEventFor(current, habit.id, parsed.cueAt);
    return markFired(parsed.kind === 'snooze' ? clearSnooze(latest) : latest, now, !prompt);
  });
  if (!prompt) return 'quiet';
  await notifier.show({ id: cueAlarmName(habit.id, parsed.cueAt), ...cuePromptText(habit), ...(habit.focus ? { kind: 'focus' as const } : {}) });
  return 'prompted';
}

/** Record the cue with the live block, if one is live; whether it was. */
async function holdByLiveBlock(focus: FocusStore, habitId: string, cueAt: number, now: number): Promise<boolean> {
  let held = false;
  await focus.updateCurrent((stored) => {
    if (!stored || !isLive(settle(stored, now))) return stored;
    held = true;
    return stepped(stored, holdCue(stored, habitId, cueAt));
  });
  return held;
}
