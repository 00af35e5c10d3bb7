import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Build the Chrome extension in `mode` with extra build-time settings into a fresh folder; returns its path. */
export function buildVariant(mode: string, env: Record<string, string>): string {
  const out = mkdtempSync(join(tmpdir(), `cueboard-${mode}-`));
  const result = spawnSync('npx', ['wxt', 'build', '--mode', mode], {
    env: { ...process.env, ...env, CUEBOARD_OUT_DIR: out },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wxt build --mode ${mode} failed:\n${result.stdout}\n${result.stderr}`);
  return join(out, mode === 'production' ? 'chrome-mv3' : `chrome-mv3-${mode}`);
}

/** The build settings that aim a test build at a fake Google: its API and an authorization endpoint that redirects at once. */
export function googleFakeSettings(fake: { apiBase: string; authUrl: string }): Record<string, string> {
  return { WXT_GOOGLE_API_BASE: fake.apiBase, WXT_GOOGLE_AUTH_URL: fake.authUrl, WXT_GOOGLE_CLIENT_ID: 'cueboard-test.apps.googleusercontent.com' };
}
