import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVariant } from './build';

function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html|json)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('a build other than a test build can only talk to Google’s and Microsoft’s own hosts', () => {
  it('ignores the fake-host settings in production and staging, while a test build follows them', () => {
    const fake = {
      WXT_GOOGLE_API_BASE: 'http://127.0.0.1:4999/calendar/v3',
      WXT_GOOGLE_AUTH_URL: 'http://127.0.0.1:4999/o/oauth2/v2/auth',
      WXT_GRAPH_API_BASE: 'http://127.0.0.1:4998',
      WXT_MS_AUTH_BASE: 'http://127.0.0.1:4998/common',
    };
    // The guard is an allow-list of hosts, not the mode's name: `--mode staging` is held to it as production is.
    for (const mode of ['production', 'staging']) {
      const built = allText(buildVariant(mode, fake));
      expect(built, mode).not.toContain('127.0.0.1');
      for (const host of [
        'https://www.googleapis.com/calendar/v3',
        'https://accounts.google.com/o/oauth2/v2/auth',
        'https://graph.microsoft.com',
        'https://login.microsoftonline.com/common',
      ]) {
        expect(built, mode).toContain(host);
      }
    }

    const test = allText(buildVariant('test', fake));
    expect(test).toContain('http://127.0.0.1:4999/calendar/v3');
    expect(test).toContain('http://127.0.0.1:4998/common');
  }, 90_000);
});
