import { Button, Card, CardHeader, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useState } from 'react';
import type { BroadcastDto, Broadcasts } from '../../../bot/tab-api/contract';
import { getJson, postJson } from '../api';
import { Loaded, Problem, useLoad } from '../components/load';
import { Compose } from './compose';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalL },
  bars: { display: 'grid', gridTemplateColumns: '120px 1fr 60px', gap: tokens.spacingHorizontalS, alignItems: 'center', maxWidth: '560px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const STATES: { key: keyof BroadcastDto['figures']; label: string; color: 'brand' | 'success' | 'warning' | 'error' }[] = [
  { key: 'delivered', label: 'Delivered', color: 'success' },
  { key: 'waiting', label: 'Waiting to be sent', color: 'brand' },
  { key: 'retrying', label: 'Retrying', color: 'warning' },
  { key: 'failed', label: 'Failed', color: 'error' },
  { key: 'blocked', label: 'Blocked or gone', color: 'warning' },
  { key: 'unreachable', label: 'Could not be reached', color: 'warning' },
];

/** Compose and send, then watch each broadcast's delivery live; resend to failed, withdraw. */
export function BroadcastsPage(): ReactNode {
  const styles = useStyles();
  const load = useLoad<Broadcasts>('broadcasts');
  return (
    <section aria-labelledby="broadcasts-heading">
      <h2 id="broadcasts-heading">Broadcasts</h2>
      <Loaded load={load}>
        {(data) => (
          <>
            <Compose choices={data.choices} sent={load.reload} />
            <h3>Sent</h3>
            <div className={styles.list}>
              {data.recent.length === 0 ? <p>Nothing sent yet.</p> : data.recent.map((b) => <BroadcastProgress key={b.id} initial={b} />)}
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}

function BroadcastProgress({ initial }: { initial: BroadcastDto }): ReactNode {
  const styles = useStyles();
  const [b, setB] = useState(initial);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (!b.running) return;
    // Live while copies are still going out: the job updates the records, the page reads them.
    const timer = setTimeout(() => void getJson<BroadcastDto>(`broadcasts/${b.id}`).then(setB, setError), 2000);
    return () => clearTimeout(timer);
  }, [b]);
  const act = (what: 'resend' | 'withdraw') => () => void postJson<BroadcastDto>(`broadcasts/${b.id}/${what}`).then(setB, setError);
  const total = Math.max(1, b.figures.total);
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{b.title}{b.withdrawn ? ' (withdrawn)' : ''}</Text>} description={`${b.scheduledFor ? `Scheduled for ${b.scheduledFor}` : b.when} · to ${b.audienceText}`} />
      {error ? <Problem error={error} /> : null}
      <div className={styles.bars}>
        {STATES.map((s) => (
          <FragmentRow key={s.key} label={s.label} value={b.figures[s.key]} total={total} color={s.color} />
        ))}
      </div>
      {b.figures.opened > 0 ? <Text size={200}>{`${b.figures.opened} of the delivered went to a chat the bot opened for them`}</Text> : null}
      {b.unreachableWhy.map((why) => <Text key={why} size={200}>{`Not reached: ${why}`}</Text>)}
      {b.failures.map((f) => <Text key={`${f.state}:${f.reason}`} size={200}>{`${f.count} ${f.state}: ${f.reason}`}</Text>)}
      <div className={styles.actions}>
        <Button size="small" disabled={b.figures.failed === 0 || b.withdrawn} onClick={act('resend')}>Resend to failed</Button>
        <Button size="small" disabled={b.withdrawn} onClick={act('withdraw')}>Withdraw</Button>
      </div>
    </Card>
  );
}

function FragmentRow({ label, value, total, color }: { label: string; value: number; total: number; color: 'brand' | 'success' | 'warning' | 'error' }): ReactNode {
  return (
    <>
      <Text>{label}</Text>
      <ProgressBar value={value / total} color={color} thickness="large" aria-label={`${label}: ${value} of ${total}`} />
      <Text>{value}</Text>
    </>
  );
}
