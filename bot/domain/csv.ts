import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV for organisers' exports (RFC 4180, UTF-8 with a byte-order mark so spreadsheets
 * read accents right, CRLF line ends, every cell quoted), and the reader for the files
 * they import.
 *
 * Text that starts like a formula (=, +, -, @, tab, carriage return, or their full-width
 * forms) gets a leading apostrophe, so a spreadsheet shows it instead of running it:
 * people type their own school names, needs and case studies, and organisers open the
 * export.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows], { bom: true, quoted: true, quoted_empty: true, record_delimiter: '\r\n', escape_formulas: true });
}

export interface CsvRow {
  /** The line the row starts on, so problems can name it. */
  line: number;
  cells: string[];
}

/**
 * Reads CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold commas,
 * line breaks and doubled quotes (""); lines end in CRLF or LF; a UTF-8 byte-order mark
 * at the start is dropped; a quote inside an unquoted field is kept as written. Rows
 * that are entirely blank are left out. A file that cannot be read (a quote that never
 * closes) is a problem to tell the person, not an error.
 */
export function parseCsv(text: string): { rows: CsvRow[] } | { problem: string } {
  const starts: number[] = [];
  // csv-parse counts a CRLF inside a quoted cell as two lines; these are the extra ones so far.
  let doubled = 0;
  try {
    const records = parse(text, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], { lines }) => {
        doubled += record.reduce((n, cell) => n + count(cell, /\r\n/g), 0);
        if (record.every((cell) => cell.trim() === '')) return null;
        // `lines` is where the record ends; the only line breaks inside a record are those
        // inside its quoted cells, so it starts that many lines earlier.
        starts.push(lines - doubled - record.reduce((n, cell) => n + count(cell, /\r\n|\r|\n/g), 0));
        return record;
      },
    });
    return { rows: records.map((cells, i) => ({ line: starts[i]!, cells })) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      problem:
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'A quoted field is never closed: each field that starts with " must end with ".'
          : `The file is not readable as CSV: ${error.message}`,
    };
  }
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
