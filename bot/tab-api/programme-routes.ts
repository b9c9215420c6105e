import type restify from 'restify';
import { z } from 'zod/v4';
import { DomainError } from '../domain/errors';
import { eventIdSchema } from '../domain/events/event';
import { eventAnswers, programmePage } from '../domain/events/overview';
import { listMyEvents } from '../domain/events/service';
import { canLead } from '../domain/task-groups/service';
import { attendeeRows } from '../domain/workshops/attendees';
import { attendeeList, attendeesDownload, changeWorkshopCapacity, setWorkshopBookingClosed } from '../domain/workshops/manage';
import { announcePromotions } from '../domain/workshops/promotions';
import { listMyBookings } from '../domain/workshops/service';
import { formatRange } from '../domain/time';
import type { Actor } from '../domain/actor';
import type { EventPeople, Me, MinePage, Programme } from './contract';
import type { TabApiDeps } from './deps';
import { attendeeDto, eventRow, weekFigures } from './dto';
import { tabRoute } from './http';

const PAGE_SIZE = 25;

const programmeQuery = z.strictObject({
  series: z.string().max(80).optional(),
  flourish: z.string().max(40).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});

const eventParams = z.object({ id: eventIdSchema });

/** The programme, one event's people, and the organisers' workshop switches; the person's own page. */
export function programmeRoutes(server: restify.Server, deps: TabApiDeps): void {
  server.get('/api/tab/me', ...tabRoute(deps, {}, async ({ actor }): Promise<Me> => {
    const groups = await deps.taskGroups.listGroups();
    return {
      ...(actor.name ? { name: actor.name } : {}),
      organiser: await deps.organisers.includes(actor.aadObjectId),
      leads: (await Promise.all(groups.map(async (g) => ((await canLead(deps, g, actor)) ? [{ id: g.id, name: g.name }] : [])))).flat(),
      local: deps.identity.local,
    };
  }));

  server.get('/api/tab/programme', ...tabRoute(deps, { query: programmeQuery }, async ({ actor, query }): Promise<Programme> => {
    const page = await programmePage(deps, actor, { ...query, pageSize: PAGE_SIZE });
    return { rows: page.rows.map(eventRow), total: page.total, page: query.page, pageSize: PAGE_SIZE, series: page.series, flourish: page.flourish };
  }));

  server.get('/api/tab/events/:id/people', ...tabRoute(deps, {}, async ({ actor, params }) => eventPeople(deps, actor, eventParams.parse(params).id)));

  const capacityBody = z.strictObject({ capacity: z.unknown() });
  server.post('/api/tab/events/:id/capacity', ...tabRoute(deps, { body: capacityBody }, async ({ actor, params, body }) => {
    const { id } = eventParams.parse(params);
    const { promoted } = await changeWorkshopCapacity(deps, actor, id, { capacity: body.capacity });
    // Told after the answer, as the bot's capacity button does; the promotion-notices job retries a failure.
    if (promoted.length > 0) {
      void announcePromotions(deps.promotions, id, promoted).catch((error: unknown) => deps.log.error({ err: error }, 'promotion notices failed; the promotion-notices job will retry'));
    }
    const moved = promoted.length === 0 ? '' : ` ${promoted.length} ${promoted.length === 1 ? 'person moves' : 'people move'} up from the waiting list and ${promoted.length === 1 ? 'is' : 'are'} being told.`;
    return { ...(await eventPeople(deps, actor, id)), banner: `Places changed.${moved}` };
  }));

  server.post('/api/tab/events/:id/booking', ...tabRoute(deps, { body: z.strictObject({ closed: z.boolean() }) }, async ({ actor, params, body }) => {
    const { id } = eventParams.parse(params);
    await setWorkshopBookingClosed(deps, actor, id, body.closed);
    return { ...(await eventPeople(deps, actor, id)), banner: body.closed ? 'Booking is closed.' : 'Booking is open again.' };
  }));

  server.get('/api/tab/events/:id/attendees.csv', ...tabRoute(deps, {}, ({ actor, params }) => attendeesDownload(deps, actor, eventParams.parse(params).id)));

  server.get('/api/tab/mine', ...tabRoute(deps, {}, async ({ actor }): Promise<MinePage> => {
    const [events, bookings] = await Promise.all([listMyEvents(deps, actor), listMyBookings(deps, actor)]);
    const when = (e: { startsAt: string; endsAt: string }): string => formatRange(new Date(e.startsAt), new Date(e.endsAt));
    return {
      events: events.map(({ event, response }) => ({ id: event.id, title: event.title, when: when(event), answer: response === 'going' ? 'Going' : 'Maybe' })),
      bookings: bookings.map((v) => ({ id: v.workshop.id, title: v.workshop.title, when: when(v.workshop), status: v.mine?.entry.status ?? 'booked', ...(v.mine?.position ? { position: v.mine.position } : {}) })),
    };
  }));
}

/** One event's people for organisers: names by answer, or a workshop's whole list; when the answers came. */
async function eventPeople(deps: TabApiDeps, actor: Actor, eventId: string): Promise<EventPeople> {
  const event = await deps.events.getEvent(eventId);
  if (!event) throw new DomainError('not_found', 'That event is not in the NLC programme.');
  if (event.kind === 'workshop') {
    // attendeeList is the bot's own check and read (organisers only).
    const [list, answers] = await Promise.all([attendeeList(deps, actor, eventId), eventAnswers(deps, actor, event)]);
    return { event: eventRow(answers.row), attendees: attendeeRows(list.ledger).map(attendeeDto), overTime: weekFigures(answers.overTime) };
  }
  const answers = await eventAnswers(deps, actor, event);
  return { event: eventRow(answers.row), answers: answers.people, overTime: weekFigures(answers.overTime) };
}
