import { Button, Field, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { EventRow, Programme } from '../../../bot/tab-api/contract';
import { type Column, DataTable } from '../components/data-table';
import { Loaded, useLoad } from '../components/load';
import { Pager } from '../components/pager';
import { answersText, Places } from '../components/places';
import { go } from '../routes';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
});

const COLUMNS: Column<EventRow>[] = [
  {
    id: 'title',
    label: 'Event',
    value: (r) => r.title,
    render: (r) => (
      <Link href={`#event/${r.id}`}>
        {r.title}
        {r.status === 'cancelled' ? ' (cancelled)' : r.status === 'draft' ? ' (draft)' : ''}
      </Link>
    ),
  },
  { id: 'when', label: 'When (London)', value: (r) => r.startsAt, render: (r) => r.when },
  { id: 'where', label: 'Where', value: (r) => r.where },
  { id: 'series', label: 'Series', value: (r) => r.series ?? '' },
  { id: 'flourish', label: 'FLOURISH', value: (r) => r.flourish ?? '' },
  {
    id: 'figures',
    label: 'Answers or places',
    value: (r) => (r.places ? r.places.booked / Math.max(1, r.places.capacity) : (r.counts?.going ?? 0)),
    render: (r) => (r.places ? <Places places={r.places} /> : r.counts ? answersText(r.counts) : ''),
  },
];

/** Every event and workshop, filtered by series and FLOURISH outcome, with their answers and places. */
export function ProgrammePage(): ReactNode {
  const styles = useStyles();
  const [filter, setFilter] = useState({ when: 'upcoming', series: '', flourish: '', page: 0 });
  // Defaults left out, so the first page asks for what main.tsx prefetched.
  const query = new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== '' && !(k === 'page' && v === 0)).map(([k, v]) => [k, String(v)]));
  const load = useLoad<Programme>(`programme?${query.toString()}`);
  const set = (key: keyof typeof filter) => (_: unknown, d: { value: string }) => setFilter({ ...filter, [key]: d.value, page: 0 });
  return (
    <section aria-labelledby="programme-heading">
      <h2 id="programme-heading">Programme</h2>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => go('new/event')}>New event</Button>
        <Button onClick={() => go('new/workshop')}>New workshop</Button>
        <Button onClick={() => go('import')}>Import a programme file</Button>
      </div>
      <div className={styles.filters}>
        <Field label="Show">
          <Select value={filter.when} onChange={set('when')}>
            <option value="upcoming">To come</option>
            <option value="past">Past</option>
            <option value="all">All</option>
          </Select>
        </Field>
        <Field label="Series">
          <Select value={filter.series} onChange={set('series')}>
            <option value="">Every series</option>
            {(load.data?.series ?? []).map((s) => <option key={s}>{s}</option>)}
          </Select>
        </Field>
        <Field label="FLOURISH outcome">
          <Select value={filter.flourish} onChange={set('flourish')}>
            <option value="">Every outcome</option>
            {(load.data?.flourish ?? []).map((f) => <option key={f}>{f}</option>)}
          </Select>
        </Field>
      </div>
      <Loaded load={load}>
        {(programme) => (
          <>
            <p role="status">{programme.total === 1 ? '1 event' : `${programme.total} events`}</p>
            <DataTable rows={programme.rows} columns={COLUMNS} rowKey={(r) => r.id} label="Programme" />
            <Pager page={programme.page} pages={Math.ceil(programme.total / programme.pageSize)} rows={programme.total} label="Programme" onPage={(page) => setFilter({ ...filter, page })} />
          </>
        )}
      </Loaded>
    </section>
  );
}
