import { Badge, Button, Card, CardHeader, Field, makeStyles, Select, Switch, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { ContributionDto, GroupWorkspace, Me } from '../../../bot/tab-api/contract';
import { download, postJson } from '../api';
import { type Column, DataTable } from '../components/data-table';
import { Loaded, Notice, Problem, useLoad } from '../components/load';
import { WeekChart } from '../components/week-chart';
import { go } from '../routes';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end', marginBlock: tokens.spacingVerticalM },
  answers: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  answer: { whiteSpace: 'pre-wrap', margin: 0 },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingHorizontalXXL, marginBlock: tokens.spacingVerticalL },
});

const MEMBERS: Column<{ name: string; joined: string }>[] = [
  { id: 'name', label: 'Member', value: (m) => m.name },
  { id: 'joined', label: 'Joined', value: (m) => m.joined },
];

/** The groups a person leads; each with every contribution in full, filters, "used", export and its members. */
export function GroupsPage({ me, groupId }: { me: Me; groupId?: string }): ReactNode {
  const styles = useStyles();
  const chosen = groupId ?? me.leads[0]?.id;
  if (!chosen) return <p>You do not lead a task group.</p>;
  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">Task groups</h2>
      <Field label="Group" className={styles.row}>
        <Select value={chosen} onChange={(_, d) => go(`groups/${d.value}`)}>
          {me.leads.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </Select>
      </Field>
      <Workspace key={chosen} groupId={chosen} />
    </section>
  );
}

function Workspace({ groupId }: { groupId: string }): ReactNode {
  const styles = useStyles();
  const [filter, setFilter] = useState({ callId: '', kind: '' });
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<Error>();
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
  const load = useLoad<GroupWorkspace>(`groups/${encodeURIComponent(groupId)}?${query.toString()}`);
  const exportCsv = (): void => void download(`groups/${encodeURIComponent(groupId)}/contributions.csv`).then((name) => setNotice(`Downloaded ${name}.`), setError);
  return (
    <Loaded load={load}>
      {(space) => (
        <>
          <h3>{space.group.name}</h3>
          {space.group.purpose ? <p>{space.group.purpose}</p> : null}
          {notice ? <Notice text={notice} /> : null}
          {error ? <Problem error={error} /> : null}
          <div className={styles.row}>
            <Field label="Call">
              <Select value={filter.callId} onChange={(_, d) => setFilter({ ...filter, callId: d.value })}>
                <option value="">Every call</option>
                {space.calls.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
              </Select>
            </Field>
            <Field label="Kind">
              <Select value={filter.kind} onChange={(_, d) => setFilter({ ...filter, kind: d.value })}>
                <option value="">Every kind</option>
                {space.kinds.map((k) => <option key={k.value} value={k.value}>{k.title}</option>)}
              </Select>
            </Field>
            <Button onClick={exportCsv}>Export CSV</Button>
          </div>
          <p role="status">{`${space.contributions.length} of ${space.total} contributions`}</p>
          {space.contributions.map((c) => <Contribution key={c.id} groupId={groupId} initial={c} />)}
          <div className={styles.charts}>
            <WeekChart title="Contributions per week" figures={space.contributionsPerWeek} unit="Contributions" />
            <WeekChart title="Members over time" figures={space.membersOverTime} unit="Members" />
          </div>
          <DataTable rows={space.members} columns={MEMBERS} rowKey={(m) => `${m.name}:${m.joined}`} label={`Members (${space.members.length})`} />
        </>
      )}
    </Loaded>
  );
}

function Contribution({ groupId, initial }: { groupId: string; initial: ContributionDto }): ReactNode {
  const styles = useStyles();
  const [c, setC] = useState(initial);
  const [error, setError] = useState<Error>();
  const mark = (used: boolean): void =>
    void postJson<{ used: boolean }>(`groups/${encodeURIComponent(groupId)}/contributions/${encodeURIComponent(c.id)}/used`, { used }).then((r) => setC({ ...c, used: r.used }), setError);
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{c.kindLabel}: {c.callTitle}</Text>} description={`${c.author}, ${c.when}`} action={c.used ? <Badge color="success">Used</Badge> : undefined} />
      {error ? <Problem error={error} /> : null}
      <dl className={styles.answers}>
        {c.answers.map((a) => (
          <div key={a.label}>
            <dt><Text weight="semibold">{a.label}</Text></dt>
            <dd className={styles.answer}>{a.text}</dd>
          </div>
        ))}
      </dl>
      <Switch label="Used" checked={c.used} onChange={(_, d) => mark(d.checked)} />
    </Card>
  );
}
