import { z } from 'zod/v4';
import { renderEventEditCard } from '../../../cards/event-edit';
import { renderNoticeCard } from '../../../cards/notice';
import { plural } from '../../../cards/plural';
import { eventIdSchema } from '../../domain/events/event';
import { cancelEvent, editEvent, editFormOf, eventEditFormSchema, eventForEditing, type OrganiseDeps } from '../../domain/events/organise';
import { assertOrganiser } from '../../domain/organisers';
import { parseInput } from '../../domain/validation';
import { submitForm } from './form-errors';
import { cardAction, type RouteModule } from './route';

const byEvent = z.strictObject({ eventId: eventIdSchema });

/**
 * Organisers correcting or cancelling an event: "edit event <id>" and "cancel event <id>".
 * Either way every copy of the event already posted by a broadcast is updated in place;
 * cancelling also tells the people who said Going.
 */
export function organiseEventRoutes(deps: OrganiseDeps): RouteModule {
  return {
    commands: [
      {
        name: 'edit event',
        description: 'Organisers: correct an event; every posted copy is updated',
        hidden: true,
        run: async (turn, rest) => {
          const { eventId } = parseInput(byEvent, { eventId: rest }, 'command');
          const event = await eventForEditing(deps, turn.actor(), eventId);
          await turn.reply(renderEventEditCard(editFormOf(event), { heading: event.title }));
        },
      },
      {
        name: 'cancel event',
        description: 'Organisers: cancel an event; posted copies show it cancelled and people who said Going are told',
        hidden: true,
        run: async (turn, rest) => {
          const { eventId } = parseInput(byEvent, { eventId: rest }, 'command');
          assertOrganiser(deps.organisers, turn.actor(), 'cancel events');
          const event = await eventForEditing(deps, turn.actor(), eventId);
          await turn.reply(
            renderNoticeCard({
              title: `Cancel "${event.title}"?`,
              message: 'Every posted copy of this event will show it as cancelled, and everyone who said Going gets a short personal notice.',
              tone: 'warning',
              actions: [{ title: 'Yes, cancel the event', verb: 'event.cancel', data: { eventId } }],
            }),
          );
        },
      },
    ],
    actions: [
      cardAction('event.cancel', byEvent, async (turn, { eventId }) => {
        const done = await cancelEvent(deps, turn.actor(), eventId);
        return renderNoticeCard({
          title: `Cancelled: ${done.event.title}`,
          message:
            `${plural(done.copies, 'posted copy', 'posted copies')} will show it as cancelled, and ` +
            `${plural(done.notified, 'person', 'people')} who said Going will get a notice.`,
          tone: 'good',
          hint: done.unreachable > 0 ? `${plural(done.unreachable, 'person', 'people')} who said Going have no chat with the bot, so cannot be told by it.` : undefined,
        });
      }),
      cardAction('event.save', eventEditFormSchema, (turn, form) =>
        submitForm(
          async () => {
            const done = await editEvent(deps, turn.actor(), form);
            return renderNoticeCard({
              title: `Saved: ${done.event.title}`,
              message: `${plural(done.copies, 'posted copy', 'posted copies')} will be updated to show the change.`,
              tone: 'good',
            });
          },
          (problems) => renderEventEditCard(form, { heading: 'Edit event', problems: [...problems] }),
        ),
      ),
    ],
  };
}
