import { Badge, Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { ImportPreview, ImportResult, PreviewRow } from '../../../bot/domain/authoring/import';
import { postJson } from '../api';
import { type Column, DataTable } from '../components/data-table';
import { Notice, Problem } from '../components/load';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalM } });

const ACTION: Record<PreviewRow['action'], string> = { create: 'New', update: 'Changed', unchanged: 'Unchanged', skip: 'Skipped' };

const COLUMNS: Column<PreviewRow>[] = [
  { id: 'line', label: 'Line', value: (r) => r.line },
  { id: 'title', label: 'Session', value: (r) => r.title },
  { id: 'action', label: 'What happens', value: (r) => r.action, render: (r) => <Badge color={r.action === 'skip' ? 'danger' : 'informative'}>{ACTION[r.action]}</Badge> },
  { id: 'problems', label: 'Problems', value: (r) => r.problems.map((p) => `${p.field}: ${p.message}`).join('; ') },
];

/** A programme file (CSV or JSON): a preview of every row first, nothing saved; then the import, with the same rules. */
export function ImportPage(): ReactNode {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<Error>();
  const run = async <T,>(work: () => Promise<T>, then: (t: T) => void): Promise<void> => {
    setError(undefined);
    try {
      then(await work());
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const readFile = async (file: File | undefined): Promise<void> => {
    if (file) setText(await file.text());
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a programme</h2>
      {error ? <Problem error={error} /> : null}
      {result ? <Notice text={`Imported: ${result.created.length} new, ${result.updated.length} changed, ${result.unchanged} unchanged, ${result.skipped} skipped.`} /> : null}
      <Field label="Programme file (CSV or JSON)">
        <input type="file" aria-label="Programme file (CSV or JSON)" accept=".csv,.json,text/csv,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
      </Field>
      <Field label="Or paste it here">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => void run(() => postJson<ImportPreview>('import/preview', { text }), setPreview)}>Preview</Button>
        <Button appearance="primary" disabled={!preview} onClick={() => void run(() => postJson<ImportResult>('import', { text }), setResult)}>Import</Button>
      </div>
      {preview ? (
        <>
          <p role="status">{`${preview.counts.create} new, ${preview.counts.update} changed, ${preview.counts.unchanged} unchanged, ${preview.counts.skip} skipped.`}</p>
          {preview.fileProblems.map((p) => <Notice key={p} text={p} intent="warning" />)}
          <DataTable rows={preview.rows} columns={COLUMNS} rowKey={(r) => `${r.line}`} label="Preview of the import" />
        </>
      ) : null}
    </section>
  );
}
