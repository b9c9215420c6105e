import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LocalPerson } from '../../bot/tab-api/contract';
import { Loaded, useLoad } from './components/load';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalL } });

/** Local mode, before anyone is chosen: the Agents Playground's people, each opening the tab as them (?user=). */
export function Picker(): ReactNode {
  const styles = useStyles();
  const load = useLoad<{ people: LocalPerson[] }>('local/people');
  const theme = new URLSearchParams(window.location.search).get('theme');
  return (
    <main className={styles.page}>
      <h1>NLC workspace (local mode)</h1>
      <p>Open the tab as one of the Agents Playground's people. In Teams, the tab knows who you are; this list exists only on a bot without an app id.</p>
      <Loaded load={load}>
        {({ people }) => (
          <ul>
            {people.map((p) => (
              <li key={p.id}>
                <Link href={`?user=${p.id}${theme ? `&theme=${theme}` : ''}`}>{p.name}</Link> ({p.role})
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </main>
  );
}
