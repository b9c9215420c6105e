import { renderMyWeekCard } from '../../../cards/my-week';
import { renderRemindersCard } from '../../../cards/reminders';
import { type OverviewDeps, reminderOverview } from '../../domain/reminders/service';
import { parseInput } from '../../domain/validation';
import { eventIdSchema } from '../../domain/events/event';
import { assertOrganiser } from '../../domain/organisers';
import { myWeek, type WeekDeps } from '../../domain/week';
import { personalData, type RouteModule } from './route';

/** "upcoming" (or "my week"): the person's next seven days; "reminders <id>" for organisers: who will be reminded, and when. */
export function weekRoutes(deps: WeekDeps & OverviewDeps): RouteModule {
  return {
    commands: [
      personalData({
        name: 'upcoming',
        description: 'Your next seven days: your events, workshop places and deadlines in one card',
        aliases: ['my week', 'this week', 'my upcoming'],
        run: async (turn) => {
          await turn.reply(renderMyWeekCard(await myWeek(deps, turn.actor())));
        },
      }),
      personalData({
        name: 'reminders',
        description: 'Organisers: who will be reminded of an event or deadline, and when, e.g. "reminders new-horizons-2024"',
        hidden: true,
        run: async (turn, rest) => {
          // Refuse non-organisers before telling them anything about the command's shape.
          await assertOrganiser(deps.organisers, turn.actor(), 'see who will be reminded');
          const id = parseInput(eventIdSchema, rest, 'event or deadline id');
          await turn.reply(renderRemindersCard(await reminderOverview(deps, turn.actor(), id)));
        },
      }),
    ],
  };
}
