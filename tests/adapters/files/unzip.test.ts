import { Deflate, Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NOT_A_ZIP, ZIP_LIMITS, unzipCsvFiles, type ZipLimits } from '@/src/adapters/files/unzip';
import { parseLoopExport } from '@/src/core/data/loop-import';
import { LOOP_SAMPLE, writeLoopExport, zipLoopExport } from '../../fakes/loop-export';

const DAMAGED = 'This zip file is damaged or incomplete (was the download cut short?). Export it from Loop again.';
const MB = 1024 * 1024;

function files(bytes: Uint8Array, limits?: ZipLimits): Record<string, string> {
  const result = unzipCsvFiles(bytes, limits);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function refusal(bytes: Uint8Array, limits?: ZipLimits): string {
  const result = unzipCsvFiles(bytes, limits);
  if (result.ok) throw new Error('expected the zip to be refused');
  return result.error;
}

/**
 * A zip written as a stream, the way Java's ZipOutputStream (Loop's writer) does: local headers carry no sizes, a
 * data descriptor follows each entry, and only the central directory knows the sizes.
 */
function streamedZip(entries: Record<string, Uint8Array | Uint8Array[]>, level: 0 | 6 = 6): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, data] of Object.entries(entries)) {
    const file = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
    zip.add(file);
    const chunks = Array.isArray(data) ? data : [data];
    chunks.forEach((chunk, i) => file.push(chunk, i === chunks.length - 1));
  }
  zip.end();
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Offsets of every 4-byte little-endian signature in the bytes. */
function offsetsOf(bytes: Uint8Array, signature: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === signature) found.push(i);
  return found;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

/**
 * Forge the declared uncompressed size (and optionally the method) of every entry, in the local headers and the
 * central directory alike: the zip keeps its real data but lies about it.
 */
function forge(bytes: Uint8Array, change: { size?: number; method?: number }): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (const at of offsetsOf(out, LOCAL)) {
    if (change.size !== undefined) view.setUint32(at + 22, change.size, true);
    if (change.method !== undefined) view.setUint16(at + 8, change.method, true);
  }
  for (const at of offsetsOf(out, CENTRAL)) {
    if (change.size !== undefined) view.setUint32(at + 24, change.size, true);
    if (change.method !== undefined) view.setUint16(at + 10, change.method, true);
  }
  return out;
}

/** `count` megabytes of zeros, pushed through a streaming deflate a megabyte at a time (never held whole). */
function deflatedZeros(count: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  const zeros = new Uint8Array(MB);
  for (let i = 0; i < count; i++) deflate.push(zeros, i === count - 1);
  return concat(parts);
}

describe('unzipCsvFiles: a Loop export', () => {
  const exported = writeLoopExport(LOOP_SAMPLE, { format: 'new' });

  it('reads every .csv file of the zip, folders kept in the paths', () => {
    expect(files(zipLoopExport(exported))).toEqual(exported);
    expect(Object.keys(exported)).toContain('003 Read slowly/Checkmarks.csv');
  });

  it('reads a zip written as a stream with data descriptors, as Java writes it, deflated or stored', () => {
    const entries = Object.fromEntries(Object.entries(exported).map(([path, text]) => [path, strToU8(text)]));
    const streamed = streamedZip(entries);
    // Bit 3 of the flags: sizes follow the data.
    expect(new DataView(streamed.buffer).getUint16(6, true) & 8).toBe(8);
    expect(files(streamed)).toEqual(exported);
    expect(files(streamedZip(entries, 0))).toEqual(exported);
  });

  it('reads entries that span many of the 4 KB chunks it is fed, across data descriptors', () => {
    // Twenty years of daily rows for 30 habits (~1.3 MB), varied enough to compress like a real export.
    const values = ['YES_MANUAL', 'YES_AUTO', 'NO', 'SKIP', 'UNKNOWN'];
    const rows: string[] = [];
    for (let day = 0; day < 7_300; day++)
      rows.push(`${day},${Array.from({ length: 30 }, (_, h) => values[(day * 7 + h * 13 + ((day * h) % 11)) % 5]).join(',')},\n`);
    const big = rows.join('');
    const entries = { 'Checkmarks.csv': strToU8(big), '001 Walk/Checkmarks.csv': strToU8('Date,Value,Notes\n2024-03-01,NO,\n') };
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(files(streamedZip(entries))).toEqual({ 'Checkmarks.csv': big, '001 Walk/Checkmarks.csv': 'Date,Value,Notes\n2024-03-01,NO,\n' });
    expect(files(zipSync(entries))).toEqual({ 'Checkmarks.csv': big, '001 Walk/Checkmarks.csv': 'Date,Value,Notes\n2024-03-01,NO,\n' });
  });

  it('feeds the Loop import end to end', () => {
    const parsed = parseLoopExport(files(zipLoopExport(exported)));
    expect(parsed.ok && parsed.value.habits.map((h) => [h.name, h.entries.length])).toEqual([
      ['Meditate', 3],
      ['Run 5k', 2],
      ['Read, slowly', 5],
      ['Practice piano', 1],
      ['Sugar', 1],
      ['Floss', 1],
      ['Meditate', 1],
    ]);
  });

  it('skips folders, other files and macOS shadow files without expanding them', () => {
    const zip = zipSync({
      'Habits.csv': strToU8('Position,Name\n'),
      'notes.txt': strToU8('not csv'),
      'empty/': new Uint8Array(0),
      '__MACOSX/._Habits.csv': new Uint8Array([0, 5, 22, 7, 0xff, 0xfe]),
      '._Checkmarks.csv': new Uint8Array([0xff, 0xfe]),
      'Empty.csv': new Uint8Array(0),
    });
    expect(files(zip)).toEqual({ 'Habits.csv': 'Position,Name\n', 'Empty.csv': '' });
  });

  it('accepts the very repetitive root file of a big export: 200 habits, ten years, mostly UNKNOWN (over 200:1)', () => {
    const rows = [`Date,${Array.from({ length: 200 }, (_, i) => `Habit ${i},`).join('')}\n`];
    for (let day = Temporal.PlainDate.from('2024-12-31'), i = 0; i < 3_650; i++, day = day.subtract({ days: 1 })) {
      rows.push(`${day.toString()},${'UNKNOWN,'.repeat(199)}${i % 3 === 0 ? 'YES_MANUAL' : 'NO'},\n`);
    }
    const text = rows.join('');
    const zip = zipSync({ 'Checkmarks.csv': strToU8(text) });
    expect(text.length / zip.length).toBeGreaterThan(200);
    expect(files(zip)).toEqual({ 'Checkmarks.csv': text });
  });

  it('drops a UTF-8 byte-order mark and keeps other characters', () => {
    expect(files(zipSync({ 'Habits.csv': strToU8('\uFEFFName\nLäufe 🏃\n') }))).toEqual({ 'Habits.csv': 'Name\nLäufe 🏃\n' });
  });
});

describe('unzipCsvFiles: what it refuses', () => {
  it('refuses empty bytes and bytes that are not a zip', () => {
    expect(refusal(new Uint8Array(0))).toBe('This file is empty.');
    expect(refusal(strToU8('Date,Value,Notes\n'))).toBe(NOT_A_ZIP);
    expect(refusal(new Uint8Array([0x50, 0x4b]))).toBe(NOT_A_ZIP);
    expect(NOT_A_ZIP).toBe('This file is not a zip archive Cueboard can read.');
  });

  it('refuses a zip cut short, or with its data damaged, with a message rather than an error', () => {
    const zip = zipLoopExport(writeLoopExport(LOOP_SAMPLE, { format: 'new' }));
    expect(refusal(zip.subarray(0, Math.floor(zip.length / 2)))).toBe(DAMAGED);
    expect(refusal(zip.subarray(0, zip.length - 10))).toBe(DAMAGED);
    // Garble the deflated data of the first entry (after its 30-byte header and name).
    const garbled = zip.slice();
    for (let i = 30 + 'Habits.csv'.length; i < 30 + 'Habits.csv'.length + 40; i++) garbled[i] = 0xff;
    expect(refusal(garbled)).toBe(DAMAGED);
  });

  it('refuses an archive with no .csv in it, and an empty one', () => {
    expect(refusal(zipSync({ 'readme.txt': strToU8('hi') }))).toBe('This zip holds no .csv files. Choose the zip Loop exported ("Loop Habits CSV …zip").');
    expect(refusal(zipSync({}))).toBe('This zip holds no .csv files. Choose the zip Loop exported ("Loop Habits CSV …zip").');
  });

  it('refuses a file that is not UTF-8 text', () => {
    expect(refusal(zipSync({ 'Habits.csv': new Uint8Array([0x4e, 0x61, 0xe9, 0x0a]) }))).toBe('"Habits.csv" is not UTF-8 text, as Loop writes its CSV files.');
  });

  it('refuses a compression method it cannot read', () => {
    expect(refusal(forge(zipSync({ 'Habits.csv': strToU8('Name\n') }), { method: 14 }))).toBe(
      '"Habits.csv" is compressed in a way Cueboard cannot read (method 14).',
    );
  });

  it('refuses an entry declaring 200 MB before expanding anything', () => {
    // A small real entry whose headers claim 200 MB: cheap to build, and refused from the directory alone.
    const bomb = forge(zipSync({ 'Checkmarks.csv': strToU8('Date,Meditate,\n') }), { size: 200 * MB });
    expect(refusal(bomb)).toBe('"Checkmarks.csv" would unpack to 200 MB; Cueboard reads files of up to 20 MB from a zip.');
  });

  it('refuses an honest, highly compressed entry by its ratio', () => {
    // 16 MB of zeros (under the 20 MB cap) deflate to about 16 KB: a ratio of about 1000:1.
    const zeros = Array.from({ length: 16 }, () => new Uint8Array(MB));
    expect(refusal(streamedZip({ 'Scores.csv': zeros }))).toBe(
      '"Scores.csv" is compressed more than 500 to 1, which no real export is: Cueboard will not unpack it.',
    );
  });

  it('stops inflating an entry the moment it outgrows a size its headers lie about', () => {
    // 32 MB of zeros declared as 2,000 bytes, so that the directory passes every check. Inflating it whole would take
    // 32 MB; the stream is fed 4 KB at a time and dropped at the first chunk beyond the declared size.
    const data = deflatedZeros(32);
    const honest = zipSync({ 'Checkmarks.csv': strToU8('x'.repeat(2_000)) }, { level: 0 });
    const lying = spliceEntryData(honest, 'Checkmarks.csv', data);
    expect(refusal(lying)).toBe('"Checkmarks.csv" holds more than its header declares, the mark of a zip bomb: Cueboard will not unpack it.');
  });

  it('refuses more entries, or more bytes in all, than the limits allow', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.csv`, strToU8('a\n')])));
    expect(refusal(many, { ...ZIP_LIMITS, maxEntries: 5 })).toBe('This zip holds more than 5 files; a Loop export holds far fewer.');
    expect(Object.keys(files(many, { ...ZIP_LIMITS, maxEntries: 6 }))).toHaveLength(6);
    const big = zipSync({ 'a.csv': strToU8('a'.repeat(600)), 'b.csv': strToU8('b'.repeat(600)) });
    expect(refusal(big, { ...ZIP_LIMITS, maxTotalBytes: 1_000 })).toBe('This zip would unpack to more than 1 KB; a Loop export is far smaller.');
    expect(refusal(forge(big, { size: 30 * MB }))).toBe('"a.csv" would unpack to 30 MB; Cueboard reads files of up to 20 MB from a zip.');
    // Three entries of a declared 19 MB: each under the cap, together over 50 MB (the ratio check set aside).
    const three = forge(zipSync({ 'a.csv': strToU8('a'), 'b.csv': strToU8('b'), 'c.csv': strToU8('c') }), { size: 19 * MB });
    expect(refusal(three, { ...ZIP_LIMITS, maxRatio: 1e9 })).toBe('This zip would unpack to more than 50 MB; a Loop export is far smaller.');
  });
});

/**
 * Replace the stored data of one entry with deflated `data`, keeping the declared uncompressed size: the headers
 * are patched to method 8 and the new compressed size, and the central directory moved to follow the new data.
 */
function spliceEntryData(zip: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local = offsetsOf(zip, LOCAL)[0]!;
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const oldSize = view.getUint32(local + 18, true);
  const head = zip.slice(0, dataStart);
  const tail = zip.slice(dataStart + oldSize);
  const out = concat([head, data, tail]);
  const outView = new DataView(out.buffer);
  outView.setUint16(local + 8, 8, true);
  outView.setUint32(local + 18, data.length, true);
  const central = offsetsOf(out, CENTRAL).find((at) => new TextDecoder().decode(out.subarray(at + 46, at + 46 + outView.getUint16(at + 28, true))) === name)!;
  outView.setUint16(central + 10, 8, true);
  outView.setUint32(central + 20, data.length, true);
  // The end record points at the central directory, which moved by the change in size.
  const end = offsetsOf(out, 0x06054b50).at(-1)!;
  outView.setUint32(end + 16, outView.getUint32(end + 16, true) + data.length - oldSize, true);
  return out;
}
