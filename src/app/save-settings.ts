import type { Validated } from '@/src/core/result';
import type { Settings } from '@/src/core/settings';
import { validateSettings, type SettingsField, type SettingsInput } from '@/src/core/settings-input';
import type { Deps } from './deps';

/**
 * Validate the settings form and store its fields on the settings as stored, in one transaction: what the worker
 * changed meanwhile (the calendar in use, after a connect) is kept, never overwritten by the copy the page loaded.
 * Invalid input stores nothing.
 */
export async function saveSettings(
  { repo }: Pick<Deps, 'repo'>,
  input: SettingsInput & { newTabDashboard: boolean },
): Promise<Validated<Settings, SettingsField>> {
  const result = validateSettings(input);
  if (!result.ok) return result;
  const value = await repo.updateSettings((stored) => ({ ...stored, ...result.value, newTabDashboard: input.newTabDashboard }));
  return { ok: true, value };
}
