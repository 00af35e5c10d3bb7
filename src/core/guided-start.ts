import { MAX_DASHBOARD_HABITS } from './habit';
import { type HabitInput } from './habit-input';
import { habitDraft, type LibraryEntry, type OutcomeKind, type Role } from './library';
import type { OutcomeInput } from './outcome';

/**
 * The guided start follows the guide's method, one screen a step: the outcome first, then the role, the few leading
 * behaviours, the keystone, and the habit loop (cue, routine, reward) with where the cues live.
 */
export const GUIDED_STEPS = ['outcome', 'role', 'behaviours', 'keystone', 'loop'] as const;
export type GuidedStep = (typeof GUIDED_STEPS)[number];

/** The guide's keystone question. */
export const KEYSTONE_QUESTION = 'What is the one activity that, if you did it consistently, would make everything else easier?';

/** Individual contributor, manager, or both. */
export type RoleChoice = 'ic' | 'manager' | 'both';

/** One behaviour picked in the guided start: the library entry it came from, and the habit form as edited. */
export interface PickedBehaviour {
  entryId: string;
  input: HabitInput;
}

/**
 * The guided start in progress, kept in IndexedDB after each step so leaving half-way loses nothing completed and
 * makes nothing half-made: records are only written, all together, at the end.
 */
export interface GuidedDraft {
  version: 1;
  step: GuidedStep;
  /** The outcome as typed; absent when the person skipped naming one. */
  outcome?: OutcomeInput;
  /** What kind of outcome it is, when it came from a starter: its behaviours are offered first. */
  outcomeKind?: OutcomeKind;
  role?: RoleChoice;
  behaviours: PickedBehaviour[];
  /** The keystone's entry id among the behaviours. */
  keystone?: string;
  updatedAt: number;
}

/** A draft to start from. */
export function newDraft(now: number): GuidedDraft {
  return { version: 1, step: 'outcome', behaviours: [], updatedAt: now };
}

/** "Step 2 of 5". */
export function stepLabel(step: GuidedStep): string {
  return `Step ${GUIDED_STEPS.indexOf(step) + 1} of ${GUIDED_STEPS.length}`;
}

/** The step after or before this one (undefined past either end). */
export function stepAfter(step: GuidedStep, delta: 1 | -1): GuidedStep | undefined {
  return GUIDED_STEPS[GUIDED_STEPS.indexOf(step) + delta];
}

/** The library roles a choice covers. */
export function rolesOf(choice: RoleChoice): Role[] {
  return choice === 'both' ? ['ic', 'manager'] : [choice];
}

/** At most five behaviours: the guide's dashboard holds 3–5 leading metrics, readable in under a minute. */
export const MAX_BEHAVIOURS = MAX_DASHBOARD_HABITS;

/** Why no more than five, said where the person picks. */
export const WHY_FIVE =
  'Pick one to five. A dashboard of three to five leading metrics is one you can read in a glance; if it takes more than a minute, it is too complicated.';

/** Add a library entry to the picked behaviours (as an editable draft), or take it away. Never more than five. */
export function toggleBehaviour(draft: GuidedDraft, entry: LibraryEntry, timeZone: string): GuidedDraft {
  if (draft.behaviours.some((b) => b.entryId === entry.id)) {
    const behaviours = draft.behaviours.filter((b) => b.entryId !== entry.id);
    return { ...draft, behaviours, ...(draft.keystone === entry.id ? { keystone: undefined } : {}) };
  }
  if (draft.behaviours.length >= MAX_BEHAVIOURS) return draft;
  return { ...draft, behaviours: [...draft.behaviours, { entryId: entry.id, input: habitDraft(entry, timeZone) }] };
}

/** Change one picked behaviour's form. */
export function editBehaviour(draft: GuidedDraft, entryId: string, change: Partial<HabitInput>): GuidedDraft {
  return { ...draft, behaviours: draft.behaviours.map((b) => (b.entryId === entryId ? { ...b, input: { ...b.input, ...change } } : b)) };
}

/** What a step still needs before Next; undefined when it can go on. */
export function stepProblem(draft: GuidedDraft, step: GuidedStep): string | undefined {
  switch (step) {
    case 'role':
      return draft.role ? undefined : 'Choose the role that fits you now.';
    case 'behaviours':
      return draft.behaviours.length === 0 ? 'Pick at least one behaviour, or skip for now.' : undefined;
    case 'keystone':
      return draft.keystone && draft.behaviours.some((b) => b.entryId === draft.keystone) ? undefined : 'Pick the one that would make the others easier.';
    default:
      return undefined;
  }
}

/**
 * The habits the guided start will create, keystone first: linked to the outcome (when there is one), the keystone
 * marked, and on the dashboard while it has room (`dashboardRoom` places left); the rest run off it.
 */
export function habitsToCreate(draft: GuidedDraft, outcomeId: string | undefined, dashboardRoom: number): PickedBehaviour[] {
  const ordered = [...draft.behaviours].sort((a, b) => Number(b.entryId === draft.keystone) - Number(a.entryId === draft.keystone));
  return ordered.map((b, i) => ({
    entryId: b.entryId,
    input: { ...b.input, outcomeId: outcomeId ?? '', keystone: b.entryId === draft.keystone, onDashboard: i < dashboardRoom },
  }));
}
