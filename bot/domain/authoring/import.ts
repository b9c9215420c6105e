import type { Actor } from '../actor';
import type { FieldProblem } from '../errors';
import { hasEnded, type NlcEvent } from '../events/event';
import { assertOrganiser } from '../organisers';
import { bookedCount } from '../workshops/ledger';
import { type EventInput, eventFromInput, eventInputProblems, inputOf, sameInput } from './event-input';
import { parseProgrammeFile } from './programme-file';
import { updateEvent } from './event-update';
import type { AuthoringDeps } from './ports';

/**
 * Importing a programme: a preview first (every row, what it would do, and its problems;
 * nothing is saved), then the import itself, which reads the same text again. A row's
 * stable key (its "key" column, or its title and date) is the event's id, so importing
 * the same file twice creates nothing the second time, and a corrected row updates its
 * event (posted copies too) instead of adding another.
 */
export type RowAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface PreviewRow {
  line: number;
  key: string;
  action: RowAction;
  title: string;
  input?: EventInput;
  problems: FieldProblem[];
}

export interface ImportPreview {
  rows: PreviewRow[];
  fileProblems: string[];
  unknownColumns: string[];
  counts: Record<RowAction, number>;
}

export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: number;
  skipped: number;
  /** Posted copies of updated events that will be updated. */
  copies: number;
}

const WHAT = 'import a programme';

export async function previewImport(deps: AuthoringDeps, actor: Actor, text: string): Promise<ImportPreview> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const file = parseProgrammeFile(text);
  const now = deps.clock.now();
  const rows = await Promise.all(
    file.rows.map(async (row): Promise<PreviewRow> => {
      const title = row.title;
      if (!row.input || row.problems.length > 0) return { line: row.line, key: row.key, action: 'skip', title, problems: row.problems };
      const existing = await deps.events.getEvent(row.key);
      const problems = await rowProblems(deps, row.input, existing, now);
      const action: RowAction = problems.length > 0 ? 'skip' : !existing ? 'create' : sameInput(inputOf(existing), row.input) ? 'unchanged' : 'update';
      return { line: row.line, key: row.key, action, title, input: row.input, problems };
    }),
  );
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const row of rows) counts[row.action]++;
  return { rows, fileProblems: file.problems, unknownColumns: file.unknownColumns, counts };
}

async function rowProblems(deps: AuthoringDeps, input: EventInput, existing: NlcEvent | undefined, now: Date): Promise<FieldProblem[]> {
  if (existing?.status === 'cancelled') return [{ field: 'key', message: 'This session was cancelled; an import does not bring it back.' }];
  if (existing && hasEnded(existing, now)) return [{ field: 'key', message: 'This session has already taken place.' }];
  if (existing && (existing.kind === 'workshop') !== Boolean(input.booking)) {
    return [{ field: 'capacity', message: existing.kind === 'workshop' ? 'This is a workshop: keep its places.' : 'This is an event without places; create a workshop separately.' }];
  }
  const ledger = existing?.kind === 'workshop' ? await deps.workshops.getLedger(existing.id) : undefined;
  return eventInputProblems(input, { now, current: existing, booked: ledger ? bookedCount(ledger) : undefined });
}

/** Imports the rows the preview showed as new or changed; rows with problems are skipped. */
export async function applyImport(deps: AuthoringDeps, actor: Actor, text: string): Promise<ImportResult> {
  const preview = await previewImport(deps, actor, text);
  const result: ImportResult = { created: [], updated: [], unchanged: preview.counts.unchanged, skipped: preview.counts.skip, copies: 0 };
  for (const row of preview.rows) {
    if (!row.input) continue;
    if (row.action === 'create') {
      // Another import (or a double click) may have created it since the preview: then it is not created twice.
      if (await deps.events.createEvent(eventFromInput(row.input, { id: row.key, status: 'scheduled', sequence: 0 }))) result.created.push(row.key);
      else result.unchanged++;
    } else if (row.action === 'update') {
      const current = await deps.events.getEvent(row.key);
      if (!current) continue;
      const saved = await updateEvent(deps, actor, current, row.input, current.kind === 'workshop' && (await deps.workshops.getLedger(current.id)) !== undefined);
      result.updated.push(row.key);
      result.copies += saved.copies;
    }
  }
  return result;
}
