import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { MinePage as Mine } from '../../../bot/tab-api/contract';
import { Loaded, useLoad } from '../components/load';

/** For everyone who is not an organiser or lead: their own events and bookings, and nobody else's. */
export function MinePage(): ReactNode {
  const load = useLoad<Mine>('mine');
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">Your events and bookings</h2>
      <Loaded load={load}>
        {(mine) => (
          <>
            <h3>Events you are going to</h3>
            {mine.events.length === 0 ? <p>None yet: type "events" to the NLC bot to see what is on.</p> : (
              <ul>{mine.events.map((e) => <li key={e.id}>{`${e.title}, ${e.when} (${e.answer})`}</li>)}</ul>
            )}
            <h3>Your workshop places</h3>
            {mine.bookings.length === 0 ? <p>No bookings.</p> : (
              <ul>{mine.bookings.map((b) => <li key={b.id}>{`${b.title}, ${b.when}: ${b.status === 'waitlisted' ? `waiting list, place ${b.position ?? '?'}` : 'booked'}`}</li>)}</ul>
            )}
            <p>
              Organisers and task-group leads see more here. <Link href="#mine">Refresh</Link>
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
