// The store packages `npm run zip` makes: the Chrome/Edge zip, the Firefox zip, and the sources zip AMO asks for.
// Built into a fresh folder, then read back: the manifests ask for exactly the permissions README justifies, carry
// the versions the browser table states, and no file anywhere names a local or fake host.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let out: string;
let zips: Record<'chrome' | 'firefox' | 'sources', Record<string, Uint8Array>>;

function zip(args: string[]): void {
  const result = spawnSync('npx', ['wxt', 'zip', ...args], { env: { ...process.env, CUEBOARD_OUT_DIR: out }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wxt zip ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'cueboard-zip-'));
  zip([]);
  zip(['-b', 'firefox', '--mv3']);
  const find = (suffix: string) =>
    unzipSync(
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith(suffix))!,
        ),
      ),
    );
  zips = { chrome: find('-chrome.zip'), firefox: find('-firefox.zip'), sources: find('-sources.zip') };
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const manifest = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('npm run zip', () => {
  it('the Chrome/Edge package: the justified permissions, minimum Chrome 120, no Firefox settings', () => {
    const m = manifest(zips.chrome);
    expect(m).toMatchObject({ manifest_version: 3, name: 'Cueboard', version, minimum_chrome_version: '120' });
    expect(m.permissions).toEqual(['alarms', 'notifications', 'identity', 'declarativeNetRequestWithHostAccess', 'offscreen']);
    expect(m.optional_permissions).toEqual(['downloads']);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('the Firefox package: the same permissions, its add-on id and Firefox 140 at least', () => {
    const m = manifest(zips.firefox);
    expect(m).toMatchObject({
      manifest_version: 3,
      version,
      browser_specific_settings: { gecko: { id: 'cueboard@cueboard.app', strict_min_version: '140.0' } },
    });
    expect(m.permissions).toEqual(['alarms', 'notifications', 'identity', 'declarativeNetRequestWithHostAccess']);
    expect(m.optional_permissions).toEqual(['downloads']);
    expect(m.minimum_chrome_version).toBeUndefined();
  });

  it('no shipped file names a local or fake host', () => {
    for (const [name, files] of [
      ['chrome', zips.chrome],
      ['firefox', zips.firefox],
    ] as const) {
      for (const [path, bytes] of Object.entries(files)) {
        if (!/\.(js|html|json)$/.test(path)) continue;
        expect(strFromU8(bytes), `${name}: ${path}`).not.toMatch(/127\.0\.0\.1|localhost|fake-google|fake-graph/);
      }
    }
  });

  it('the sources package holds what builds the extension, and neither dependencies nor build output', () => {
    const paths = Object.keys(zips.sources);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'entrypoints/background/index.ts',
      'src/core/habit.ts',
    ]) {
      expect(paths, needed).toContain(needed);
    }
    expect(paths.filter((p) => p.startsWith('node_modules/') || p.startsWith('.output/'))).toEqual([]);
  });
});
