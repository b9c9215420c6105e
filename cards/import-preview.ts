import type { ImportPreview, PreviewRow, RowAction } from '../bot/domain/authoring/import';
import { COLUMN_OF, MAX_IMPORT_CHARS } from '../bot/domain/authoring/programme-file';
import { eventTimes, whenText } from '../bot/domain/events/when';
import json from './import-preview.json';
import { plural } from './plural';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { IMPORT_APPLY, IMPORT_PREVIEW } from './verbs';

type Color = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface ImportPreviewCardData {
  heading: string;
  summary: string;
  fileProblems: string;
  note: string;
  rows: { heading: string; when: string; action: string; color: Color; problems: string[] }[];
  inputLabel: string;
  maxLength: number;
  text: string;
  actions: { title: string; verb: string; style: 'positive' | 'default' }[];
}

const expand = cardTemplate<ImportPreviewCardData>(json);

const ACTION: Record<RowAction, { text: string; color: Color }> = {
  create: { text: 'New', color: 'Good' },
  update: { text: 'Will update', color: 'Accent' },
  unchanged: { text: 'Already there', color: 'Default' },
  skip: { text: 'Not imported', color: 'Attention' },
};

/** Rows listed one by one; beyond this, only rows with problems (the card must stay under Teams' size). */
const ROWS_SHOWN = 30;

function rowOf(row: PreviewRow): ImportPreviewCardData['rows'][number] {
  const { input } = row;
  let when = '';
  if (input) {
    const where = input.where === 'online' ? 'Online' : (input.venue ?? '');
    when = `${whenText(eventTimes(input.date, input.start, input.end))} · ${where}${input.booking ? ` · ${plural(input.booking.capacity, 'place')}` : ''}`;
  }
  return {
    heading: `Line ${row.line}: ${row.title || '(no title)'}`,
    when,
    action: ACTION[row.action].text,
    color: ACTION[row.action].color,
    problems: row.problems.map((p) => `${COLUMN_OF[p.field] ?? p.field}: ${p.message}`),
  };
}

/** What an import would do, row by row, with every problem; the text stays in the card to correct and preview again. */
export function renderImportPreviewCard(preview: ImportPreview | undefined, text: string): AdaptiveCardJson {
  const counts = preview?.counts;
  const toImport = counts ? counts.create + counts.update : 0;
  const shown = (preview?.rows ?? []).filter((row, i) => i < ROWS_SHOWN || row.problems.length > 0);
  return expand({
    heading: preview ? `Import preview: ${plural(preview.rows.length, 'session')}` : 'Import a programme',
    summary: counts
      ? `${counts.create} new · ${counts.update} to update · ${counts.unchanged} already there · ${counts.skip} with problems (not imported). Nothing has been saved yet.`
      : 'Paste the programme below (CSV with a header row, or JSON), or send the file in this chat, then press Preview. Nothing is saved until you import it.',
    fileProblems: (preview?.fileProblems ?? []).join(' '),
    note: preview?.unknownColumns.length ? `Columns not used: ${preview.unknownColumns.join(', ')}.` : '',
    rows: shown.map(rowOf),
    inputLabel: 'Programme (CSV or JSON)',
    maxLength: MAX_IMPORT_CHARS,
    text,
    actions: [
      { title: preview ? 'Preview again' : 'Preview', verb: IMPORT_PREVIEW, style: 'default' },
      ...(toImport > 0 ? [{ title: `Import ${plural(toImport, 'session')}`, verb: IMPORT_APPLY, style: 'positive' as const }] : []),
    ],
  });
}
