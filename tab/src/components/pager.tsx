import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({ pager: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalS } });

/** Previous and next page, and where one is ("Page 2 of 20 (500 rows)"); nothing when it all fits on one page. */
export function Pager({ page, pages, rows, label, onPage }: { page: number; pages: number; rows: number; label: string; onPage: (page: number) => void }): ReactNode {
  const styles = useStyles();
  if (pages <= 1) return null;
  return (
    <nav className={styles.pager} aria-label={`${label}: pages`}>
      <Button size="small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous page
      </Button>
      <span aria-live="polite">
        Page {page + 1} of {pages} ({rows} rows)
      </span>
      <Button size="small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}
