/**
 * CSV for organisers' exports (RFC 4180, UTF-8 with a byte-order mark so spreadsheets
 * read accents right, CRLF line ends).
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
