import { z } from 'zod/v4';
import { renderEventCard } from '../../../cards/event';
import { renderMyEventsCard } from '../../../cards/my-events';
import { renderNoticeCard } from '../../../cards/notice';
import type { AdaptiveCardJson } from '../../../cards/template';
import type { Actor } from '../../domain/actor';
import { isDomainError } from '../../domain/errors';
import { eventIdSchema } from '../../domain/events/event';
import type { Workshop } from '../../domain/workshops/workshop';
import { rsvpResponseSchema } from '../../domain/events/rsvp';
import { type EventsDeps, listMyEvents, respondToEvent, upcomingEventViews, viewEvent } from '../../domain/events/service';
import type { ShareLinks } from '../../domain/sharing/links';
import { cardAction, personalData, type RouteModule } from './route';
import { EVENT_RSVP, EVENT_VIEW } from '../../../cards/verbs';

const rsvpData = z.strictObject({ eventId: eventIdSchema, response: rsvpResponseSchema });
const viewData = z.strictObject({ eventId: eventIdSchema });

/** The card for a workshop in the programme (its booking card); events without one get the RSVP card. */
export type WorkshopCard = (workshop: Workshop, actor: Actor | undefined, refreshUserIds: string[]) => Promise<AdaptiveCardJson>;

export function eventRoutes(deps: EventsDeps & { share: ShareLinks }, workshopCard?: WorkshopCard): RouteModule {
  // Share on the card: its public page, which unfolds into this card where it is pasted.
  const shareUrl = (eventId: string) => deps.share.page({ kind: 'event', id: eventId });
  return {
    commands: [
      {
        name: 'events',
        description: "Upcoming NLC events; answer Going, Maybe or Can't go, or book a workshop place, on each card",
        aliases: ['upcoming events', 'whats on', "what's on"],
        run: async (turn) => {
          // In a personal chat the posted card can already show the person's own answers;
          // in a group it is the shared view and each member's client refreshes to theirs.
          const actor = turn.inGroup ? undefined : turn.actor();
          const views = await upcomingEventViews(deps, actor);
          if (views.length === 0) {
            await turn.reply(renderNoticeCard({ title: 'No upcoming events', message: 'There are no upcoming NLC events in the programme right now.' }));
            return;
          }
          const refreshUserIds = await turn.refreshUserIds();
          const cards = views.map(async ({ event, ...view }) =>
            event.kind === 'workshop' && event.booking && workshopCard
              ? workshopCard({ ...event, booking: event.booking }, actor, refreshUserIds)
              : renderEventCard({ event, ...view }, { refreshUserIds, shareUrl: shareUrl(event.id) }),
          );
          await turn.reply(await Promise.all(cards));
        },
      },
      personalData({
        name: 'my events',
        description: 'The events you said Going or Maybe to, soonest first',
        run: async (turn) => {
          await turn.reply(renderMyEventsCard(await listMyEvents(deps, turn.actor())));
        },
      }),
    ],
    actions: [
      cardAction(EVENT_RSVP, rsvpData, async (turn, data) => {
        const actor = turn.actor();
        try {
          const view = await respondToEvent(deps, actor, data.eventId, data.response);
          return renderEventCard(view, { refreshUserIds: [actor.teamsUserId], shareUrl: shareUrl(data.eventId) });
        } catch (error) {
          // A click on an old card for a past or cancelled event: show the event as it is
          // now, with the reason, rather than a bare error that hides the card.
          if (!isDomainError(error) || error.code !== 'closed') throw error;
          const view = await viewEvent(deps, actor, data.eventId);
          return renderEventCard(view, { refreshUserIds: [actor.teamsUserId], banner: error.message, shareUrl: shareUrl(data.eventId) });
        }
      }),
      cardAction(EVENT_VIEW, viewData, async (turn, data) => {
        const actor = turn.actor();
        return renderEventCard(await viewEvent(deps, actor, data.eventId), { refreshUserIds: [actor.teamsUserId], shareUrl: shareUrl(data.eventId) });
      }),
    ],
  };
}
