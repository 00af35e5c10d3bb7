import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvRows, toCsv } from '@/src/core/data/csv';

describe('parseCsv', () => {
  it('reads plain fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('2015-01-23,YES_AUTO,"Forgot to do it, really"\n"say ""hi""","two\nlines",""\n')).toEqual([
      ['2015-01-23', 'YES_AUTO', 'Forgot to do it, really'],
      ['say "hi"', 'two\nlines', ''],
    ]);
  });

  it('takes CRLF, LF and a lone CR between records, and no line break at the end', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps a CRLF inside quotes as it is', () => {
    expect(parseCsv('"x\r\ny",z\r\n')).toEqual([['x\r\ny', 'z']]);
  });

  it('drops a byte-order mark', () => {
    expect(parseCsv('\uFEFFDate,Value\n')).toEqual([['Date', 'Value']]);
  });

  it('reads a trailing comma as an empty last field', () => {
    expect(parseCsv('Date,Meditate,Run,\n2024-03-03,YES_MANUAL,NO,\n')).toEqual([
      ['Date', 'Meditate', 'Run', ''],
      ['2024-03-03', 'YES_MANUAL', 'NO', ''],
    ]);
  });

  it('reads nothing from empty text, and a blank line as one empty field', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv(',\n')).toEqual([['', '']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('Read "books",x\n')).toEqual([['Read "books"', 'x']]);
  });

  it('says on which line a quoted field is left open', () => {
    const text = 'Date,Value,Notes\n2024-03-03,YES_MANUAL,"two\nlines"\n2024-03-02,NO,"never closed\n2024-03-01,NO,\n';
    expect(() => parseCsv(text)).toThrow(new CsvError(4, 'a quoted field is never closed (a " is missing)'));
    try {
      parseCsv(text);
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).line).toBe(4);
      expect((error as CsvError).message).toBe('line 4: a quoted field is never closed (a " is missing)');
    }
  });

  it('refuses text after a closing quote, with its line', () => {
    expect(() => parseCsv('a\n"b"c,d\n')).toThrow('line 2: unexpected text after a closing quote: "c,d\\n"');
  });
});

describe('parseCsvRows', () => {
  it('gives the line each record starts on, counting line breaks inside quotes', () => {
    expect(parseCsvRows('h1,h2\r\n"a\r\nb\nc",d\r\ne,f\r\n')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\r\nb\nc', 'd'] },
      { line: 5, fields: ['e', 'f'] },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes only the fields that need it and ends every record with CRLF', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ' lead', 'trail ', 'in side', '']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r"," lead","trail ",in side,\r\n',
    );
    expect(toCsv([['a'], ['b', 'c']])).toBe('a\r\nb,c\r\n');
    expect(toCsv([])).toBe('');
  });

  it('writes a row with no fields as an empty line, which reads back as one empty field', () => {
    expect(toCsv([[]])).toBe('\r\n');
    expect(parseCsv(toCsv([[]]))).toEqual([['']]);
  });

  it('reads back what it writes, whatever the text (a leading U+FEFF is quoted, so it is not taken for a byte-order mark)', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\r\n', '\n', '\r', ' x ', '""', '\uFEFF'));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});
