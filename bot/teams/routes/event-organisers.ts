import { z } from 'zod/v4';
import { renderStatusCard } from '../../../cards/broadcast-status';
import { renderEventAnswersCard, renderEventsToAskCard, renderFollowUpForm } from '../../../cards/event-answers';
import { eventToFollowUp, followUpDefaults, sendFollowUp } from '../../domain/broadcasts/follow-up';
import type { BroadcastDeps } from '../../domain/broadcasts/service';
import { type EventAnswersDeps, eventAnswers, eventsToAsk, exportEventAnswers } from '../../domain/events/answers';
import { eventIdSchema } from '../../domain/events/event';
import { parseInput } from '../../domain/validation';
import { clickedCardOf } from '../turn';
import { asText, inputsOf, submitForm } from './form-errors';
import { cardAction, type CommandRoute, personalData, type RouteModule } from './route';
import { EVENT_ANSWERS, EVENT_ANSWERS_EXPORT, EVENT_FOLLOW_UP, EVENT_FOLLOW_UP_SEND } from '../../../cards/verbs';

const eventData = z.strictObject({ eventId: eventIdSchema });
/** Our own key strictly; the form's inputs are checked by the follow-up form. */
const followUpData = z.object({ eventId: eventIdSchema }).catchall(z.unknown());
/** What follows "who is coming" or "follow up": nothing, or an event id. */
const typedId = z.union([z.literal(''), eventIdSchema]);

/**
 * Organisers and any event: who said Going and Maybe, by name, with a CSV export; and,
 * once it has taken place, a follow-up to the people who said Going. The lists name
 * people, so they only go to the organiser's personal chat (`personalData`).
 */
export function eventOrganiserRoutes(deps: EventAnswersDeps & BroadcastDeps): RouteModule {
  const commands: CommandRoute[] = [
    personalData({
      name: 'who is coming',
      description: 'Who said Going or Maybe to an event, by name, with a CSV export (add its id, or pick it from the list)',
      aliases: ["who's coming", 'answers'],
      hidden: true,
      run: async (turn, rest) => {
        const id = parseInput(typedId, rest, 'event id');
        const actor = turn.actor();
        await turn.reply(id ? renderEventAnswersCard(await eventAnswers(deps, actor, id)) : renderEventsToAskCard(await eventsToAsk(deps, actor), deps.clock.now()));
      },
    }),
    {
      name: 'follow up',
      description: 'After an event: send the people who said Going a follow-up, e.g. "follow up practice-week-2024-conference"',
      hidden: true,
      run: async (turn, rest) => {
        const event = await eventToFollowUp(deps, turn.actor(), parseInput(eventIdSchema, rest, 'event id'));
        await turn.reply(renderFollowUpForm(event, followUpDefaults(event)));
      },
    },
  ];
  return {
    commands,
    actions: [
      personalData(cardAction(EVENT_ANSWERS, eventData, async (turn, { eventId }) => renderEventAnswersCard(await eventAnswers(deps, turn.actor(), eventId)))),
      personalData(
        cardAction(EVENT_ANSWERS_EXPORT, eventData, async (turn, { eventId }) => renderEventAnswersCard(await exportEventAnswers(deps, turn.actor(), eventId), 'Your export is ready.')),
      ),
      cardAction(EVENT_FOLLOW_UP, eventData, async (turn, { eventId }) => {
        const event = await eventToFollowUp(deps, turn.actor(), eventId);
        return renderFollowUpForm(event, followUpDefaults(event));
      }),
      cardAction(EVENT_FOLLOW_UP_SEND, followUpData, async (turn, data) => {
        const actor = turn.actor();
        const inputs = inputsOf(data, ['eventId']);
        const { activity } = turn.context;
        return submitForm(
          async () => {
            const report = await sendFollowUp(deps, actor, data.eventId, inputs, clickedCardOf(activity), activity.replyToId ?? activity.id ?? '');
            return renderStatusCard(report, { refreshUserIds: [actor.teamsUserId], now: deps.clock.now() });
          },
          async (problems) => renderFollowUpForm(await eventToFollowUp(deps, actor, data.eventId), asText(inputs), problems),
        );
      }),
    ],
  };
}
