import { parseCsv } from '../csv';
import type { FieldProblem } from '../errors';
import { eventIdSchema } from '../events/event';
import { flourishOutcome } from '../flourish';
import { slug } from '../slug';
import { checkForm } from '../forms';
import { EVENT_FIELDS, eventInputOf, WORKSHOP_FIELDS } from './event-fields';
import { type EventInput, eventKey } from './event-input';

/**
 * A programme file organisers upload or paste: CSV with a header row, or JSON (an array
 * of rows, or the demo programme's { "events": [...] }). Each row is one session, read
 * into the same fields as the event form and checked by the same rules, so a row's
 * problems read like the form's. Columns are matched by name, in any order and case
 * (README lists them).
 */
export const MAX_IMPORT_CHARS = 12_000;
export const MAX_IMPORT_ROWS = 60;

export interface ProgrammeRow {
  /** The file's line (CSV) or position (JSON, from 1). */
  line: number;
  /** The stable key: the "key" column, or made from the title and date. Empty when the row is unreadable. */
  key: string;
  /** As written, also when the row cannot be read (so the preview can name it). */
  title: string;
  input?: EventInput;
  problems: FieldProblem[];
}

export interface ProgrammeFile {
  rows: ProgrammeRow[];
  /** Problems with the file as a whole (no header, unknown format, too long). */
  problems: string[];
  /** Columns that were ignored. */
  unknownColumns: string[];
}

/** Column name (normalised: lower case, words) -> form field id. */
const COLUMNS: Record<string, string> = {
  key: 'key', id: 'key',
  title: 'title', session: 'title', name: 'title',
  summary: 'summary', description: 'summary',
  date: 'date',
  start: 'start', 'start time': 'start', from: 'start', starts: 'start',
  end: 'end', 'end time': 'end', to: 'end', until: 'end', ends: 'end',
  location: 'location', 'location or online link': 'location', where: 'location', venue: 'location', 'online link': 'location', 'join link': 'location', link: 'location',
  address: 'address',
  audience: 'audience', who: 'audience', for: 'audience', 'who it is for': 'audience',
  flourish: 'flourish', 'flourish tag': 'flourish', 'flourish outcome': 'flourish',
  series: 'series',
  'booking link': 'bookingUrl', 'book online': 'bookingUrl', eventbrite: 'bookingUrl',
  brochure: 'brochureUrl', 'brochure link': 'brochureUrl', programme: 'brochureUrl',
  capacity: 'capacity', places: 'capacity',
  'booking deadline': 'bookBy', 'book by': 'bookBy', deadline: 'bookBy',
  organiser: 'organiserName', organizer: 'organiserName', 'organiser name': 'organiserName', 'organizer name': 'organiserName',
  'organiser email': 'organiserEmail', 'organizer email': 'organiserEmail',
  reminders: 'reminders', 'reminder days': 'reminders', 'remind days before': 'reminders',
};

/** Where a problem with a field shows in the file: the column people wrote it in. */
export const COLUMN_OF: Record<string, string> = { joinUrl: 'location', venue: 'location', where: 'location', bookBy: 'booking deadline', organiserName: 'organiser', organiserEmail: 'organiser email' };

const BOOKING_FIELDS = new Set(['bookBy', 'organiserName', 'organiserEmail']);

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export function parseProgrammeFile(text: string): ProgrammeFile {
  if (text.length > MAX_IMPORT_CHARS) {
    return { rows: [], problems: [`The file is too long (${text.length.toLocaleString('en-GB')} characters): import at most ${MAX_IMPORT_CHARS.toLocaleString('en-GB')} at a time (about 60 sessions), in several parts.`], unknownColumns: [] };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const records = trimmed.startsWith('[') || trimmed.startsWith('{') ? jsonRecords(trimmed) : csvRecords(text);
  if ('problem' in records) return { rows: [], problems: [records.problem], unknownColumns: [] };
  if (records.rows.length > MAX_IMPORT_ROWS) {
    return { rows: [], problems: [`The file has ${records.rows.length} sessions: import at most ${MAX_IMPORT_ROWS} at a time.`], unknownColumns: [] };
  }
  const unknown = new Set<string>();
  const rows = records.rows.map(({ line, record }) => readRow(line, record, unknown));
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.key) continue;
    const first = seen.get(row.key);
    if (first !== undefined) row.problems.push({ field: 'key', message: `The same session as line ${first} (same title and date, or the same key): only the first is imported.` });
    else seen.set(row.key, row.line);
  }
  return { rows, problems: rows.length === 0 ? ['There are no sessions in the file.'] : [], unknownColumns: [...unknown] };
}

type Records = { rows: { line: number; record: Record<string, unknown> }[] } | { problem: string };

function csvRecords(text: string): Records {
  const read = parseCsv(text);
  if ('problem' in read) return read;
  const [header, ...body] = read.rows;
  if (!header) return { problem: 'The file is empty.' };
  const names = header.cells.map((c) => c.trim());
  if (!names.some((n) => COLUMNS[normalise(n)] === 'title')) return { problem: 'The first line must name the columns (title, date, start, end, location, audience...).' };
  return { rows: body.map(({ line, cells }) => ({ line, record: Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])) })) };
}

function jsonRecords(text: string): Records {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `The file is not valid JSON (${error instanceof Error ? error.message.slice(0, 100) : 'unreadable'}).` };
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { events?: unknown })?.events;
  if (!Array.isArray(list)) return { problem: 'JSON must be a list of sessions, or { "events": [...] } like the demo programme.' };
  return { rows: list.map((item, i) => ({ line: i + 1, record: item && typeof item === 'object' ? flatten(item as Record<string, unknown>) : {} })) };
}

/** The demo programme's nested shape (location, booking) as flat columns. */
function flatten(item: Record<string, unknown>): Record<string, unknown> {
  const { location, booking, kind: _kind, reminderDays, ...rest } = item;
  const flat: Record<string, unknown> = { ...rest };
  if (reminderDays !== undefined) flat.reminders = reminderDays;
  if (location && typeof location === 'object') {
    const l = location as { type?: string; name?: string; address?: string; joinUrl?: string };
    flat.location = l.type === 'online' ? (l.joinUrl ?? 'online') : l.name;
    if (l.address) flat.address = l.address;
  }
  if (booking && typeof booking === 'object') {
    const b = booking as { capacity?: unknown; deadline?: unknown; organiser?: { name?: unknown; email?: unknown } };
    Object.assign(flat, { capacity: b.capacity, 'booking deadline': b.deadline, organiser: b.organiser?.name, 'organiser email': b.organiser?.email });
  }
  return flat;
}

const asCell = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : Array.isArray(value) ? value.join(',') : '';

function readRow(line: number, record: Record<string, unknown>, unknown: Set<string>): ProgrammeRow {
  const cells: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    const field = COLUMNS[normalise(name)];
    if (!field) {
      if (asCell(value) !== '') unknown.add(name);
      continue;
    }
    if (!cells[field]) cells[field] = asCell(value);
  }
  const { key, location = '', ...rest } = cells;
  const values: Record<string, string> = { ...rest, ...locationFields(location) };
  if (values.date) values.date = isoDate(values.date);
  for (const t of ['start', 'end'] as const) if (values[t]) values[t] = hhmm(values[t]);
  if (values.flourish) values.flourish = flourishOutcome(values.flourish) ?? values.flourish;
  if (values.reminders) values.reminders = values.reminders.replace(/[;\s]+/g, ',').replace(/,+/g, ',').replace(/^,|,$/g, '');
  if (values.bookBy) values.bookBy = isoDate(values.bookBy);
  const workshop = Boolean(values.capacity);
  // Empty cells are unanswered fields; booking columns belong to workshops (rows with places) only.
  const bookingProblems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === '') delete values[field];
    else if (!workshop && BOOKING_FIELDS.has(field)) {
      delete values[field];
      if (!bookingProblems.length) bookingProblems.push({ field: 'capacity', message: 'A session with a booking deadline or organiser needs its number of places.' });
    }
  }
  const stableKey = key ? slug(key, 80) : values.title && values.date ? eventKey({ title: values.title, date: values.date }) : '';
  const rowProblems = [...(key && !eventIdSchema.safeParse(stableKey).success ? [{ field: 'key', message: 'A key needs at least 3 letters or digits.' }] : []), ...bookingProblems];
  const checked = checkForm(workshop ? WORKSHOP_FIELDS : EVENT_FIELDS, values);
  if (!checked.ok) {
    // An empty location leaves the form's "where" unanswered: say what the column wants.
    const problems = checked.problems.map((p) => (p.field === 'where' && !location ? { field: 'where', message: 'Say where it takes place: a venue, or "online" or its https:// Teams link.' } : p));
    return { line, key: stableKey, title: values.title ?? '', problems: [...rowProblems, ...problems] };
  }
  const input = eventInputOf(checked.values, workshop);
  if (!values.reminders) delete input.reminderDays;
  return { line, key: stableKey, title: input.title, ...(rowProblems.length ? {} : { input }), problems: rowProblems };
}

/** "https://..." is an online session's link; "online" alone has none; anything else is a venue. */
function locationFields(location: string): Record<string, string> {
  if (/^https?:\/\//i.test(location)) return { where: 'online', joinUrl: location };
  if (/^(online|teams|microsoft teams|online \(microsoft teams\))$/i.test(location)) return { where: 'online' };
  return location ? { where: 'venue', venue: location } : {};
}

/** "20/05/2024" (as UK spreadsheets write dates) -> "2024-05-20"; anything else is left for the date check. */
function isoDate(text: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text.trim();
}

/** "9:30" or "9.30" -> "09:30". */
function hhmm(text: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}
