import type { ExistingAlarm } from '@/src/core/cue-plan';

/** The browser's alarm clock: the one timer that survives a sleeping service worker. */
export interface Alarms {
  getAll(): Promise<ExistingAlarm[]>;
  /** One-shot at `when`, or repeating every `periodInMinutes` from then. The same name replaces. */
  create(name: string, when: number, periodInMinutes?: number): Promise<void>;
  clear(name: string): Promise<void>;
}
