import type { CoachingSession } from '@/src/core/coaching-session';
import type { Experiment, MeasureEntry } from '@/src/core/experiment';
import type { GuidedDraft } from '@/src/core/guided-start';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import type { CoachingStore } from '@/src/ports/coaching-store';
import { handleOf, type DbHandle, type DbSource } from './db-handle';
import type { MetaValues } from './schema';

/** The CoachingStore port over IndexedDB: the guided start's draft, experiments and measures. */
export class IdbCoachingStore implements CoachingStore {
  /** The open connection; given a handle, opened again once it was closed (see db-handle.ts). */
  private readonly db: DbHandle['db'];

  constructor(source: DbSource) {
    const handle = handleOf(source);
    this.db = () => handle.db();
  }

  async sessions(): Promise<CoachingSession[]> {
    return (await (await this.db()).getAll('coachingSessions')).sort((a, b) => a.startedAt - b.startedAt);
  }

  async putSession(session: CoachingSession): Promise<void> {
    await (await this.db()).put('coachingSessions', session);
  }

  async experiments(): Promise<Experiment[]> {
    return (await this.db()).getAll('experiments');
  }

  async putExperiment(experiment: Experiment): Promise<void> {
    await (await this.db()).put('experiments', experiment);
  }

  async putExperimentAndHabit(experiment: Experiment, habit: Habit): Promise<void> {
    const tx = (await this.db()).transaction(['experiments', 'habits'], 'readwrite');
    await Promise.all([tx.objectStore('experiments').put(experiment), tx.objectStore('habits').put(habit), tx.done]);
  }

  async measures(experimentId: string): Promise<MeasureEntry[]> {
    return (await this.db()).getAllFromIndex('measures', 'byExperimentDate', IDBKeyRange.bound([experimentId, ''], [experimentId, '\uffff']));
  }

  async putMeasure(entry: MeasureEntry): Promise<void> {
    await (await this.db()).put('measures', entry);
  }

  async guidedDraft(): Promise<GuidedDraft | undefined> {
    return (await (await this.db()).get('meta', 'guidedDraft')) as MetaValues['guidedDraft'] | undefined;
  }

  async putGuidedDraft(draft: GuidedDraft): Promise<void> {
    await (await this.db()).put('meta', draft, 'guidedDraft');
  }

  async clearGuidedDraft(): Promise<void> {
    await (await this.db()).delete('meta', 'guidedDraft');
  }

  async finishGuided(outcome: Outcome | undefined, habits: readonly Habit[]): Promise<void> {
    const tx = (await this.db()).transaction(['outcomes', 'habits', 'meta'], 'readwrite');
    await Promise.all([
      ...(outcome ? [tx.objectStore('outcomes').put(outcome)] : []),
      ...habits.map((h) => tx.objectStore('habits').put(h)),
      tx.objectStore('meta').delete('guidedDraft'),
      tx.done,
    ]);
  }
}
