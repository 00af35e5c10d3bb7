// RFC 4180 CSV, read and written. Reading is used for imports (Loop Habit Tracker's export), writing for Cueboard's
// own CSV export, so both sides follow the same rules: fields separated by commas, records by line breaks, a field
// quoted when it holds a comma, a quote or a line break, and a quote inside a quoted field written twice.

/** A CSV text that cannot be read; `line` is the 1-based line where the problem starts. */
export class CsvError extends Error {
  readonly line: number;
  /** What is wrong, without the line: for messages that name the file first. */
  readonly reason: string;

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvError';
    this.line = line;
    this.reason = reason;
  }
}

/** One record and the line it starts on (a quoted field may span lines, so records and lines differ). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** The records of a CSV text as fields. Throws CsvError for an unterminated quote or text after a closing quote. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((row) => row.fields);
}

/**
 * The records of a CSV text with the line each starts on, for messages that point at the right line.
 * Accepted: CRLF, LF or a lone CR between records; a byte-order mark at the start; a trailing comma (an empty last
 * field). A blank line is a record with one empty field; a line break at the very end does not start a new record.
 * A quote inside an unquoted field is kept as text (writers that never quote, like Loop's own, produce it).
 */
export function parseCsvRows(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const n = src.length;
  let line = 1;
  let i = 0;
  if (n === 0) return rows;
  for (;;) {
    // One record per pass of this loop.
    const start = line;
    const fields: string[] = [];
    for (;;) {
      // One field per pass.
      let field: string;
      if (src[i] === '"') {
        const opened = line;
        let value = '';
        let from = ++i;
        for (;;) {
          const quote = src.indexOf('"', i);
          if (quote < 0) throw new CsvError(opened, 'a quoted field is never closed (a " is missing)');
          line += countBreaks(src, i, quote);
          if (src[quote + 1] === '"') {
            value += src.slice(from, quote + 1);
            i = from = quote + 2;
            continue;
          }
          value += src.slice(from, quote);
          i = quote + 1;
          break;
        }
        if (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          throw new CsvError(line, `unexpected text after a closing quote: ${JSON.stringify(src.slice(i, i + 10))}`);
        }
        field = value;
      } else {
        let end = i;
        while (end < n && src[end] !== ',' && src[end] !== '\n' && src[end] !== '\r') end++;
        field = src.slice(i, end);
        i = end;
      }
      fields.push(field);
      if (src[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    rows.push({ line: start, fields });
    if (i >= n) return rows;
    // A line break ends the record: CRLF, LF or CR.
    if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
    else i += 1;
    line++;
    if (i >= n) return rows;
  }
}

/** Line breaks (CRLF, LF or lone CR, each counted once) in src[from, to). */
function countBreaks(src: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = src.charCodeAt(k);
    if (c === 10) count++;
    else if (c === 13 && src.charCodeAt(k + 1) !== 10) count++;
  }
  return count;
}

/**
 * A field needs quotes when it would otherwise split, or when a reader might trim its edges: \s covers spaces, tabs
 * and U+FEFF, which at the start of a file would be taken for a byte-order mark and dropped.
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Rows as CSV text: every record ends with CRLF (RFC 4180's line end, which spreadsheets expect), and a field is
 * quoted only when it must be. A row with no fields is written as an empty line, which reads back as one empty field.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(csvField).join(',') + '\r\n';
  return out;
}

/** One field as written: as it is, or quoted with inner quotes doubled. */
function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
