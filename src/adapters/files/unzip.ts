import { Unzip, UnzipInflate, unzipSync, type UnzipFile, type UnzipFileInfo } from 'fflate';

// Opens a zip a person picked (Loop Habit Tracker's CSV export) and returns the text of its .csv files. A zip is
// untrusted input: a small file can declare, or secretly hold, gigabytes. So it is read in two passes:
// 1. the central directory only (unzipSync with a filter that inflates nothing): count, names, methods and declared
//    sizes are checked before a byte is expanded;
// 2. the chosen entries are inflated as a stream, fed a few kilobytes at a time, and dropped the moment one yields
//    more than it declared or than the caps allow, so a header that lies cannot make it expand in full.

/** How much a zip may hold. The defaults fit a Loop export of thousands of habits over decades, with room to spare. */
export interface ZipLimits {
  /** Entries in the archive, of any kind (folders included). */
  maxEntries: number;
  /** Uncompressed bytes of one .csv entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all .csv entries together. */
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio of an entry of at least `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
}

const MB = 1024 * 1024;

export const ZIP_LIMITS: Readonly<ZipLimits> = {
  // A Loop export holds Habits.csv, two root files and two files per habit: 5,000 habits make about 10,000.
  maxEntries: 20_000,
  maxEntryBytes: 20 * MB,
  maxTotalBytes: 50 * MB,
  // Ordinary CSV compresses 5–30:1, but Loop's root files of hundreds of habits, mostly UNKNOWN, reach about 370:1
  // (measured with deflate level 6 on 1,000 habits × 10 years); a run of zeros reaches deflate's ~1000:1. Over 500:1
  // is a bomb; anything below is still held by the size caps and the stream guard.
  maxRatio: 500,
  ratioFromBytes: 1 * MB,
};

export type ZipRead = { ok: true; value: Record<string, string> } | { ok: false; error: string };

export const NOT_A_ZIP = 'This file is not a zip archive Cueboard can read.';
const DAMAGED = 'This zip file is damaged or incomplete (was the download cut short?). Export it from Loop again.';

/**
 * Deflate expands at most about 1032:1, so a chunk this size inflates to at most ~4 MB before the size checks run:
 * the most that is ever allocated beyond the caps.
 */
const CHUNK_BYTES = 4 * 1024;

/** A refusal worded for the person; anything else thrown while reading means the zip is damaged. */
class ZipRefusal extends Error {}

/**
 * The .csv files of a zip, path → UTF-8 text (folders keep their paths, e.g. "001 Meditate/Checkmarks.csv"). Other
 * entries, and macOS's "__MACOSX/" and "._" shadow files, are skipped without being expanded. Never throws.
 */
export function unzipCsvFiles(bytes: Uint8Array, limits: Readonly<ZipLimits> = ZIP_LIMITS): ZipRead {
  if (bytes.length === 0) return { ok: false, error: 'This file is empty.' };
  if (!startsLikeZip(bytes)) return { ok: false, error: NOT_A_ZIP };
  try {
    const listing = listCsvEntries(bytes, limits);
    if (listing.size === 0) return { ok: false, error: 'This zip holds no .csv files. Choose the zip Loop exported ("Loop Habits CSV …zip").' };
    return { ok: true, value: inflateEntries(bytes, listing, limits) };
  } catch (error) {
    return { ok: false, error: error instanceof ZipRefusal ? error.message : DAMAGED };
  }
}

/** A local file header ("PK\3\4") or, for an archive with no files, the end record ("PK\5\6"). */
function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function isWantedCsv(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.toLowerCase().endsWith('.csv') && !name.startsWith('__MACOSX/') && !base.startsWith('._');
}

/** Pass 1: the .csv entries the central directory declares, each checked against the limits. Inflates nothing. */
function listCsvEntries(bytes: Uint8Array, limits: Readonly<ZipLimits>): Map<string, UnzipFileInfo> {
  const listing = new Map<string, UnzipFileInfo>();
  let entries = 0;
  let total = 0;
  unzipSync(bytes, {
    filter(info) {
      // Throwing stops the walk at once: a forged directory may claim millions of entries.
      if (++entries > limits.maxEntries)
        throw new ZipRefusal(`This zip holds more than ${limits.maxEntries.toLocaleString('en-US')} files; a Loop export holds far fewer.`);
      if (!isWantedCsv(info.name)) return false;
      if (listing.has(info.name)) throw new ZipRefusal(`This zip holds two files named "${info.name}".`);
      if (info.compression !== 0 && info.compression !== 8)
        throw new ZipRefusal(`"${info.name}" is compressed in a way Cueboard cannot read (method ${info.compression}).`);
      if (info.originalSize > limits.maxEntryBytes) {
        throw new ZipRefusal(
          `"${info.name}" would unpack to ${sizeText(info.originalSize)}; Cueboard reads files of up to ${sizeText(limits.maxEntryBytes)} from a zip.`,
        );
      }
      total += info.originalSize;
      if (total > limits.maxTotalBytes)
        throw new ZipRefusal(`This zip would unpack to more than ${sizeText(limits.maxTotalBytes)}; a Loop export is far smaller.`);
      if (info.originalSize >= limits.ratioFromBytes && info.originalSize > info.size * limits.maxRatio) {
        throw new ZipRefusal(`"${info.name}" is compressed more than ${limits.maxRatio} to 1, which no real export is: Cueboard will not unpack it.`);
      }
      listing.set(info.name, info);
      return false;
    },
  });
  return listing;
}

/** Pass 2: inflate the listed entries as a stream, dropping everything the moment one outgrows its declared size. */
function inflateEntries(bytes: Uint8Array, listing: ReadonlyMap<string, UnzipFileInfo>, limits: Readonly<ZipLimits>): Record<string, string> {
  const files: Record<string, string> = {};
  const started = new Set<string>();
  let refusal: Error | undefined;
  let total = 0;

  const unzip = new Unzip((file: UnzipFile) => {
    const info = listing.get(file.name);
    // Not started, an entry's bytes are passed over without being inflated.
    if (!info || refusal) return;
    if (started.has(file.name)) {
      refusal = new ZipRefusal(`This zip holds two files named "${file.name}".`);
      return;
    }
    started.add(file.name);
    const cap = Math.min(info.originalSize, limits.maxEntryBytes);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) {
        refusal = error;
        return;
      }
      size += data.length;
      total += data.length;
      // Declared sizes were checked in pass 1; output beyond them means the header lied.
      if (size > cap || total > limits.maxTotalBytes) {
        refusal = new ZipRefusal(`"${file.name}" holds more than its header declares, the mark of a zip bomb: Cueboard will not unpack it.`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (!final) return;
      if (size !== info.originalSize) refusal = new Error('size mismatch');
      else files[file.name] = utf8(file.name, chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  for (let at = 0; at < bytes.length && !refusal; at += CHUNK_BYTES) {
    unzip.push(bytes.subarray(at, at + CHUNK_BYTES), at + CHUNK_BYTES >= bytes.length);
  }
  if (refusal) throw refusal;
  // Every declared entry must have been found and finished in the stream.
  for (const name of listing.keys()) if (!Object.hasOwn(files, name)) throw new Error(`missing ${name}`);
  return files;
}

function utf8(name: string, chunks: readonly Uint8Array[], size: number): string {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(whole);
  } catch {
    throw new ZipRefusal(`"${name}" is not UTF-8 text, as Loop writes its CSV files.`);
  }
}

function sizeText(bytes: number): string {
  const [amount, unit] = bytes < MB ? [bytes / 1024, 'KB'] : [bytes / MB, 'MB'];
  return `${amount.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
}
