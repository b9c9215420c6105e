import { makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { lazy, type ReactNode, Suspense } from 'react';
import type { WeekFigure } from '../../../bot/tab-api/contract';

/** The chart library is loaded only when a chart is shown, so the first page appears without it. */
const BarChart = lazy(() => import('./bar-chart'));

const useStyles = makeStyles({
  figure: { margin: 0, width: '100%', maxWidth: '560px', minWidth: 0 },
  // A fixed box: the chart sizes itself to its parent, which must not grow with it.
  chart: { height: '220px', width: '100%', overflow: 'hidden' },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
  numbers: { maxWidth: '320px' },
});

/**
 * A chart of counts per week, with the same numbers as a table beneath it: people who
 * would rather look see the bars, screen readers (and anyone) read the figures.
 */
export function WeekChart({ title, figures, unit }: { title: string; figures: readonly WeekFigure[]; unit: string }): ReactNode {
  const styles = useStyles();
  if (figures.length === 0) return <p>{title}: nothing yet.</p>;
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <div className={styles.chart}>
        <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
          <BarChart points={figures.map((f) => ({ x: f.label, y: f.count }))} unit={unit} />
        </Suspense>
      </div>
      <Table size="extra-small" className={styles.numbers} aria-label={`${title}: the numbers`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Week</TableHeaderCell>
            <TableHeaderCell>{unit}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {figures.map((f) => (
            <TableRow key={f.week}>
              <TableCell>{f.label}</TableCell>
              <TableCell>{f.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
