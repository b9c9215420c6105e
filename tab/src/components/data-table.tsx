import {
  createTableColumn,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useTableFeatures,
  useTableSort,
} from '@fluentui/react-components';
import { type ReactNode, useMemo, useState } from 'react';
import { Pager } from './pager';

/**
 * A table that sorts (click a heading) and pages, so 500 people read as 20 pages of 25
 * rather than one long card. Fluent UI's table features do the sorting.
 */
export interface Column<T> {
  id: string;
  label: string;
  /** What the column sorts by. */
  value: (row: T) => string | number;
  render?: (row: T) => ReactNode;
}

const useStyles = makeStyles({ wrap: { overflowX: 'auto' } });

export function DataTable<T>({ rows, columns, rowKey, label, pageSize = 25 }: { rows: readonly T[]; columns: Column<T>[]; rowKey: (row: T) => string; label: string; pageSize?: number }): ReactNode {
  const styles = useStyles();
  const [page, setPage] = useState(0);
  const tableColumns = useMemo(
    () =>
      columns.map((c) =>
        createTableColumn<T>({
          columnId: c.id,
          compare: (a, b) => {
            const [x, y] = [c.value(a), c.value(b)];
            return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
          },
        }),
      ),
    [columns],
  );
  const { sort, getRows } = useTableFeatures({ columns: tableColumns, items: [...rows] }, [useTableSort({ defaultSortState: { sortColumn: undefined, sortDirection: 'ascending' } })]);
  const sorted = sort.sort(getRows());
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * pageSize, (current + 1) * pageSize);
  const headerProps = (columnId: string) => ({
    onClick: (e: React.MouseEvent) => sort.toggleColumnSort(e, columnId),
    sortDirection: sort.getSortDirection(columnId),
  });
  return (
    <div>
      <div className={styles.wrap}>
        <Table sortable aria-label={label} size="small">
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c.id} {...headerProps(c.id)}>
                  {c.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map(({ item }) => (
              <TableRow key={rowKey(item)}>
                {columns.map((c) => (
                  <TableCell key={c.id}>{c.render ? c.render(item) : c.value(item)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Pager page={current} pages={pages} rows={sorted.length} label={label} onPage={setPage} />
    </div>
  );
}
