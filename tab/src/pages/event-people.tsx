import { Badge, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { AttendeeDto, EventPeople } from '../../../bot/tab-api/contract';
import { ApiError, download, postJson } from '../api';
import { type Column, DataTable } from '../components/data-table';
import { Loaded, Notice, Problem, useLoad } from '../components/load';
import { answersText, Places } from '../components/places';
import { WeekChart } from '../components/week-chart';
import { go } from '../routes';
import { CancelEvent } from './cancel-event';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginBlock: tokens.spacingVerticalM },
});

const STATUS: Record<AttendeeDto['status'], string> = { booked: 'Booked', waitlisted: 'Waiting list', cancelled: 'Cancelled' };

const ATTENDEES: Column<AttendeeDto>[] = [
  { id: 'status', label: 'Status', value: (a) => `${a.status === 'booked' ? 0 : a.status === 'waitlisted' ? 1 : 2}`, render: (a) => STATUS[a.status] },
  { id: 'position', label: 'Waiting list place', value: (a) => a.position ?? 0, render: (a) => (a.position ? String(a.position) : '') },
  { id: 'name', label: 'Name', value: (a) => a.name },
  { id: 'role', label: 'Role', value: (a) => a.role },
  { id: 'school', label: 'School or setting', value: (a) => a.school },
  { id: 'needs', label: 'Access or dietary needs', value: (a) => a.needs },
  { id: 'told', label: 'Told of promotion', value: (a) => a.told ?? '' },
];

type Answer = { name: string; answer: string };
const ANSWERS: Column<Answer>[] = [
  { id: 'name', label: 'Name', value: (a) => a.name },
  { id: 'answer', label: 'Answer', value: (a) => a.answer },
];

/** One event's people, for organisers: names and answers, or a workshop's booked and waiting lists with its switches. */
export function EventPeoplePage({ eventId }: { eventId: string }): ReactNode {
  const load = useLoad<EventPeople>(`events/${encodeURIComponent(eventId)}/people`);
  return <Loaded load={load}>{(people) => <EventView people={people} replace={load.setData} />}</Loaded>;
}

function EventView({ people, replace }: { people: EventPeople; replace: (p: EventPeople) => void }): ReactNode {
  const styles = useStyles();
  const { event } = people;
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<Error>();
  const act = async (work: () => Promise<EventPeople | string>): Promise<void> => {
    setError(undefined);
    try {
      const result = await work();
      if (typeof result === 'string') setNotice(result);
      else {
        replace(result);
        setNotice(result.banner);
      }
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const answers = people.answers;
  const answerRows: Answer[] = answers
    ? [...answers.going.map((name) => ({ name, answer: 'Going' })), ...answers.maybe.map((name) => ({ name, answer: 'Maybe' })), ...answers.notGoing.map((name) => ({ name, answer: "Can't go" }))]
    : [];
  return (
    <section aria-labelledby="event-heading">
      <h2 id="event-heading">
        {event.title} {event.status === 'cancelled' ? <Badge color="danger">Cancelled</Badge> : null}
      </h2>
      <p>
        {event.when} · {event.where}
        {event.series ? ` · ${event.series}` : ''}
      </p>
      {notice ? <Notice text={notice} /> : null}
      {error && !(error instanceof ApiError && error.fieldProblem('capacity')) ? <Problem error={error} /> : null}
      {event.places ? <Places places={event.places} /> : event.counts ? <p>{answersText(event.counts)}</p> : null}
      <div className={styles.row}>
        <Button onClick={() => go(`edit/${event.id}`)} disabled={event.status === 'cancelled' || event.past}>Edit</Button>
        {event.status === 'cancelled' || event.past ? null : <CancelEvent eventId={event.id} title={event.title} done={(text) => void act(() => Promise.resolve(text))} />}
      </div>
      {event.places ? <WorkshopControls people={people} act={act} error={error} /> : null}
      <WeekChart title={event.places ? 'Booking requests per week' : 'Answers per week'} figures={people.overTime} unit={event.places ? 'Requests' : 'Answers'} />
      {people.attendees ? <DataTable rows={people.attendees} columns={ATTENDEES} rowKey={(a) => a.bookingId} label="Bookings and waiting list" /> : null}
      {answers ? <DataTable rows={answerRows} columns={ANSWERS} rowKey={(a) => `${a.answer}:${a.name}`} label="Who answered" /> : null}
    </section>
  );
}

function WorkshopControls({ people, act, error }: { people: EventPeople; act: (work: () => Promise<EventPeople | string>) => Promise<void>; error?: Error }): ReactNode {
  const styles = useStyles();
  const places = people.event.places!;
  const [capacity, setCapacity] = useState(String(places.capacity));
  const base = `events/${encodeURIComponent(people.event.id)}`;
  const problem = error instanceof ApiError ? error.fieldProblem('capacity') : undefined;
  return (
    <div className={styles.row}>
      <Field label="Places" validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Input type="number" min={1} value={capacity} onChange={(_, d) => setCapacity(d.value)} />
      </Field>
      <Button appearance="primary" onClick={() => void act(() => postJson<EventPeople>(`${base}/capacity`, { capacity }))}>Change places</Button>
      <Button onClick={() => void act(() => postJson<EventPeople>(`${base}/booking`, { closed: !places.closed }))}>{places.closed ? 'Reopen booking' : 'Close booking'}</Button>
      <Button onClick={() => void act(async () => `Downloaded ${await download(`${base}/attendees.csv`)}.`)}>Export CSV</Button>
    </div>
  );
}
