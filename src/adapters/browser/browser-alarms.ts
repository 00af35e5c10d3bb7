import { browser } from 'wxt/browser';
import type { Alarms } from '@/src/ports/alarms';

/** The Alarms port over `browser.alarms`. */
export const browserAlarms: Alarms = {
  async getAll() {
    return (await browser.alarms.getAll()).map((a) => ({
      name: a.name,
      scheduledTime: a.scheduledTime,
      ...(a.periodInMinutes !== undefined ? { periodInMinutes: a.periodInMinutes } : {}),
    }));
  },
  async create(name, when, periodInMinutes) {
    await browser.alarms.create(name, periodInMinutes === undefined ? { when } : { when, periodInMinutes });
  },
  async clear(name) {
    await browser.alarms.clear(name);
  },
};
