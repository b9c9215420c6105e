/**
 * CSV for organisers' exports (RFC 4180, UTF-8 with a byte-order mark so spreadsheets
 * read accents right, CRLF line ends), and the reader for the files they import.
 */

/**
 * One quoted cell. Text that starts like a formula (=, +, -, @, tab, carriage return)
 * gets a leading apostrophe, so a spreadsheet shows it instead of running it: people
 * type their own school names, needs and case studies, and organisers open the export.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Reads CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold commas,
 * line breaks and doubled quotes (""); lines end in CRLF or LF; a UTF-8 byte-order mark
 * at the start is dropped. Rows that are entirely empty are left out. Each row keeps the
 * line it starts on, so problems can name it.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      // CRLF: the LF ends the row.
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
