import { Card, CardHeader, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { DeadlineDto } from '../../../bot/tab-api/contract';
import { Loaded, useLoad } from '../components/load';

/** Open deadlines: how many follow and have responded, the reminder schedule and what each reminder did. */
export function DeadlinesPage(): ReactNode {
  const load = useLoad<{ deadlines: DeadlineDto[] }>('deadlines');
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines and reminders</h2>
      <Loaded load={load}>
        {({ deadlines }) => (deadlines.length === 0 ? <p>No open deadlines.</p> : <>{deadlines.map((d) => <Deadline key={d.id} deadline={d} />)}</>)}
      </Loaded>
    </section>
  );
}

function Deadline({ deadline }: { deadline: DeadlineDto }): ReactNode {
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{deadline.title}</Text>} description={deadline.closes} />
      <Text>{`${deadline.following} want reminders; ${deadline.responded} have responded.`}</Text>
      <Table size="small" aria-label={`Reminders for ${deadline.title}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Reminder</TableHeaderCell>
            <TableHeaderCell>Due (London)</TableHeaderCell>
            <TableHeaderCell>What happened</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {deadline.reminders.map((r) => (
            <TableRow key={r.days}>
              <TableCell>{r.days === 1 ? '1 day before' : `${r.days} days before`}</TableCell>
              <TableCell>{r.due}</TableCell>
              <TableCell>{[r.state, r.sent !== undefined ? `${r.sent} delivered, ${r.failed ?? 0} failed` : '', r.note ?? ''].filter(Boolean).join(': ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
