import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Me } from '../../bot/tab-api/contract';
import { Loaded, useLoad } from './components/load';
import { BroadcastsPage } from './pages/broadcasts';
import { DeadlinesPage } from './pages/deadlines';
import { EventFormPage } from './pages/event-form';
import { EventPeoplePage } from './pages/event-people';
import { GroupsPage } from './pages/groups';
import { ImportPage } from './pages/import';
import { MinePage } from './pages/mine';
import { ProgrammePage } from './pages/programme';
import { go, useRoute } from './routes';

const useStyles = makeStyles({
  shell: { padding: tokens.spacingHorizontalL, minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
});

/** The pages each person may open: organisers everything, leads their groups, everyone else their own page. The server checks again on every call. */
function pagesFor(me: Me): { id: string; label: string }[] {
  const pages = me.organiser
    ? [
        { id: 'programme', label: 'Programme' },
        { id: 'broadcasts', label: 'Broadcasts' },
        { id: 'deadlines', label: 'Deadlines' },
      ]
    : [];
  if (me.leads.length > 0) pages.push({ id: 'groups', label: 'Task groups' });
  pages.push({ id: 'mine', label: 'Mine' });
  return pages;
}

export function App(): ReactNode {
  const load = useLoad<Me>('me');
  return <Loaded load={load}>{(me) => <Shell me={me} />}</Loaded>;
}

function Shell({ me }: { me: Me }): ReactNode {
  const styles = useStyles();
  const pages = pagesFor(me);
  const [page = pages[0]!.id, id, extra] = useRoute(pages[0]!.id);
  const selected = page === 'event' || page === 'new' || page === 'edit' || page === 'import' ? 'programme' : page;
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.title}>NLC workspace</h1>
        <Text>{me.name ? `Signed in as ${me.name}` : ''}{me.local ? ' (local mode)' : ''}</Text>
      </header>
      <nav aria-label="Pages">
        <TabList selectedValue={selected} onTabSelect={(_, d) => go(String(d.value))}>
          {pages.map((p) => <Tab key={p.id} value={p.id}>{p.label}</Tab>)}
        </TabList>
      </nav>
      <main>{pageOf(me, page, id, extra)}</main>
    </div>
  );
}

function pageOf(me: Me, page: string, id: string | undefined, _extra: string | undefined): ReactNode {
  switch (page) {
    case 'programme':
      return <ProgrammePage />;
    case 'event':
      return <EventPeoplePage key={id} eventId={id ?? ''} />;
    case 'new':
      return <EventFormPage key={`new-${id}`} kind={id} />;
    case 'edit':
      return <EventFormPage key={`edit-${id}`} eventId={id} />;
    case 'import':
      return <ImportPage />;
    case 'broadcasts':
      return <BroadcastsPage />;
    case 'deadlines':
      return <DeadlinesPage />;
    case 'groups':
      return <GroupsPage me={me} groupId={id} />;
    default:
      return <MinePage />;
  }
}
