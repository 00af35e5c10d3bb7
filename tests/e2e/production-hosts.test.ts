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

describe('a production build can only talk to Google’s own hosts', () => {
  it('ignores WXT_GOOGLE_API_BASE and WXT_GOOGLE_AUTH_URL, while a test build follows them', () => {
    const fake = { WXT_GOOGLE_API_BASE: 'http://127.0.0.1:4999/calendar/v3', WXT_GOOGLE_AUTH_URL: 'http://127.0.0.1:4999/o/oauth2/v2/auth' };
    const production = allText(buildVariant('production', fake));
    expect(production).not.toContain('127.0.0.1');
    expect(production).toContain('https://www.googleapis.com/calendar/v3');
    expect(production).toContain('https://accounts.google.com/o/oauth2/v2/auth');

    const test = allText(buildVariant('test', fake));
    expect(test).toContain('http://127.0.0.1:4999/calendar/v3');
  }, 60_000);
});
