import type { Page } from 'playwright-core';

/** The options page, driven the way a person fills it in. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  async addHabit(fields: { name: string; time?: string; firstStep?: string; link?: string; allDays?: boolean; amount?: string; zone?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New habit' });
    await form.getByLabel('Behaviour').fill(fields.name);
    await form.getByLabel('Target').fill(fields.amount ?? '1');
    if (fields.allDays ?? true) {
      for (const day of ['Sat', 'Sun']) await form.getByLabel(day, { exact: true }).check();
    }
    await form.getByLabel('Cue time').fill(fields.time ?? '14:00');
    // The zone stays the browser's unless asked: search, then pick from the list.
    if (fields.zone) {
      await form.getByLabel('Find by city or region').fill(fields.zone);
      await form.getByLabel('Time zone').selectOption(fields.zone);
    }
    await form.getByLabel('Two-minute start').fill(fields.firstStep ?? 'Open the review queue');
    await form.getByLabel('Link that opens the work (optional)').fill(fields.link ?? '');
    await form.getByRole('button', { name: 'Add habit' }).click();
  }

  status() {
    return this.page.getByRole('status');
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
