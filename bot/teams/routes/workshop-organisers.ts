import { z } from 'zod/v4';
import { renderAttendeesCard } from '../../../cards/attendees';
import { isDomainError } from '../../domain/errors';
import { eventIdSchema } from '../../domain/events/event';
import { assertOrganiser } from '../../domain/organisers';
import {
  attendeeList,
  changeWorkshopCapacity,
  exportAttendees,
  type OrganiserDeps,
  resolveWorkshop,
  setWorkshopBookingClosed,
} from '../../domain/workshops/manage';
import { parseInput } from '../../domain/validation';
import { cardAction, type CommandRoute, personalData, type RouteModule, type Turn } from './route';
import { tellPromoted, type WorkshopRouteDeps } from './workshops';
import { WORKSHOP_ATTENDEES, WORKSHOP_CAPACITY, WORKSHOP_CLOSE, WORKSHOP_EXPORT, WORKSHOP_REOPEN } from '../../../cards/verbs';

const eventData = z.strictObject({ eventId: eventIdSchema });
/** The attendee list's Next and Previous carry the page they go to (templating sends numbers as text). */
const pageData = eventData.extend({ page: z.coerce.number().int().min(1).max(10_000).optional() });
const capacityData = z.strictObject({ eventId: eventIdSchema, capacity: z.unknown().optional() });

type OrganiserRouteDeps = WorkshopRouteDeps & OrganiserDeps;

/** "capacity 45" or "capacity 45 ap-framework-workshop-2024". */
const capacityCommand = z.string().regex(/^\d{1,6}( [a-z0-9-]+)?$/, 'type the number of places, then (if there are several workshops) the workshop id');

/**
 * Organisers' workshop commands and buttons: attendee list, CSV export, capacity, and
 * closing or reopening booking. Every one checks the organiser list on the server; the
 * commands stay out of everyone's help card ("organiser help" lists them).
 */
export function workshopOrganiserRoutes(deps: OrganiserRouteDeps): RouteModule {
  return {
    commands: organiserCommands(deps),
    actions: [
      cardAction(WORKSHOP_ATTENDEES, pageData, async (turn, data) => renderAttendeesCard(await attendeeList(deps, turn.actor(), data.eventId), { page: data.page })),
      cardAction(WORKSHOP_EXPORT, eventData, async (turn, data) =>
        renderAttendeesCard(await exportAttendees(deps, turn.actor(), data.eventId), { banner: 'Your export is ready.' }),
      ),
      cardAction(WORKSHOP_CAPACITY, capacityData, (turn, data) => changeCapacity(deps, turn, data.eventId, data.capacity)),
      cardAction(WORKSHOP_CLOSE, eventData, async (turn, data) =>
        renderAttendeesCard(await setWorkshopBookingClosed(deps, turn.actor(), data.eventId, true), { banner: 'Booking is closed.' }),
      ),
      cardAction(WORKSHOP_REOPEN, eventData, async (turn, data) =>
        renderAttendeesCard(await setWorkshopBookingClosed(deps, turn.actor(), data.eventId, false), { banner: 'Booking is open again.' }),
      ),
    ].map((action) => personalData(action)),
  };
}

/** The commands; every answer here is the attendee list (names, schools, needs): see `personalData`. */
function organiserCommands(deps: OrganiserRouteDeps): CommandRoute[] {
  const command = (name: string, description: string, run: CommandRoute['run'], aliases: string[] = []): CommandRoute =>
    personalData({ name, description, aliases, hidden: true, run });
  return [
    command('attendees', 'Who has booked a workshop and who is waiting (add the workshop id if there are several)', async (turn, rest) => {
      const workshop = await resolveWorkshop(deps, turn.actor(), rest, 'see who has booked');
      await turn.reply(renderAttendeesCard(await attendeeList(deps, turn.actor(), workshop.id)));
    }, ['bookings', 'attendee list']),
    command('export attendees', 'A link to download the attendee list as CSV (works for 15 minutes)', async (turn, rest) => {
      const workshop = await resolveWorkshop(deps, turn.actor(), rest, 'export the attendee list');
      await turn.reply(renderAttendeesCard(await exportAttendees(deps, turn.actor(), workshop.id), { banner: 'Your export is ready.' }));
    }, ['export bookings']),
    command('capacity', 'Change the number of places, e.g. "capacity 45"; raising it books people from the waiting list', async (turn, rest) => {
      // Refuse non-organisers before telling them anything about the command's shape.
      await assertOrganiser(deps.organisers, turn.actor(), 'change the number of places');
      const [places, id = ''] = parseInput(capacityCommand, rest, 'command').split(' ');
      const workshop = await resolveWorkshop(deps, turn.actor(), id, 'change the number of places');
      await turn.reply(await changeCapacity(deps, turn, workshop.id, places));
    }, ['set capacity', 'places']),
    command('close booking', 'Stop new bookings (cancelling and the waiting list carry on)', async (turn, rest) => {
      const workshop = await resolveWorkshop(deps, turn.actor(), rest, 'close booking');
      await turn.reply(renderAttendeesCard(await setWorkshopBookingClosed(deps, turn.actor(), workshop.id, true), { banner: 'Booking is closed.' }));
    }),
    command('reopen booking', 'Take new bookings again (until the booking deadline)', async (turn, rest) => {
      const workshop = await resolveWorkshop(deps, turn.actor(), rest, 'reopen booking');
      await turn.reply(renderAttendeesCard(await setWorkshopBookingClosed(deps, turn.actor(), workshop.id, false), { banner: 'Booking is open again.' }));
    }),
  ];
}

/** A changed number of places; an invalid number comes back in the same form, beside the field. */
async function changeCapacity(deps: OrganiserRouteDeps, turn: Turn, eventId: string, capacity: unknown) {
  try {
    const { list, promoted } = await changeWorkshopCapacity(deps, turn.actor(), eventId, { capacity });
    tellPromoted(turn, deps, eventId, promoted);
    const moved = promoted.length === 0 ? '' : ` ${promoted.length} ${promoted.length === 1 ? 'person moves' : 'people move'} up from the waiting list and ${promoted.length === 1 ? 'is' : 'are'} being told.`;
    return renderAttendeesCard(list, { banner: `Places set to ${list.view.capacity}.${moved}` });
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'invalid_input' || error.details.fields?.[0]?.field !== 'capacity') throw error;
    const list = await attendeeList(deps, turn.actor(), eventId);
    const typed = Number(capacity);
    return renderAttendeesCard(list, { capacityForm: { value: Number.isFinite(typed) ? typed : undefined, problem: error.details.fields[0].message } });
  }
}
