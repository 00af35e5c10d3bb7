/** iCalendar (RFC 5545) text rules: TEXT escaping, date-time forms, line folding and CRLF. No clock, no I/O. */

/**
 * A TEXT value (SUMMARY, DESCRIPTION, UID): backslash, semicolon and comma are escaped and newlines become "\n"
 * (§3.3.11). Other control characters are not allowed in TEXT at all, so they are dropped rather than sent.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

/** A parameter value (TZID=…): quoted when it holds a character that would end the parameter (§3.2). */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** "20260308T023000": a local DATE-TIME in basic form, whole seconds. */
export function basicDateTime(t: Temporal.PlainDateTime): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/** "20261202T123514Z": an instant as a UTC DATE-TIME (DTSTAMP), whole seconds. */
export function utcDateTime(epochMs: number): string {
  return `${basicDateTime(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO('UTC').toPlainDateTime())}Z`;
}

/** Octets a code point takes in UTF-8 (a lone surrogate is sent as U+FFFD, three octets). */
function utf8Octets(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * One content line folded so no physical line passes 75 octets (§3.1): each continuation starts with a space, which
 * counts. Breaks fall between code points, never inside a UTF-8 sequence, so unfolding gives back the same text.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > 75) {
      parts.push(part);
      part = ' ';
      octets = 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n');
}

/** The document from its unfolded content lines: each folded, each ended by CRLF (the last one too). */
export function contentLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
