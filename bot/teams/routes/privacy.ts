import { z } from 'zod/v4';
import { renderForgetChoiceCard, renderForgetDoneCard, renderForgetPreviewCard } from '../../../cards/forget';
import { aadObjectIdSchema } from '../../domain/actor';
import { colleagueKeySchema } from '../../domain/workshops/colleague';
import { findPeopleToForget, forgetMe, type ForgetDeps, type ForgetReport, forgetSomeone, previewForgetMe, previewForgetSomeone } from '../../domain/privacy/service';
import { cardAction, personalData, type RouteModule, type Turn } from './route';
import { type PromotionRouteDeps, tellPromoted } from './workshops';
import { PRIVACY_FORGET_ME, PRIVACY_FORGET_PERSON, PRIVACY_REVIEW_PERSON } from '../../../cards/verbs';

/** A person by Entra object id, or a colleague booked onto a workshop by email (workshops/colleague.ts). */
const personData = z.strictObject({ userId: z.union([aadObjectIdSchema, colleagueKeySchema]) });

export type PrivacyRouteDeps = ForgetDeps & PromotionRouteDeps;

/**
 * "forget me" (anyone) and "forget person <name or id>" (organisers): a card shows what
 * the bot holds, and only its button deletes. Both answer in the personal chat only
 * (`personalData`): what the bot holds about someone is nobody else's business.
 */
export function privacyRoutes(deps: PrivacyRouteDeps): RouteModule {
  const done = (turn: Turn, report: ForgetReport) => {
    // The places went to the next people in the same write; telling them can follow the answer.
    for (const { eventId, entries } of report.promoted) tellPromoted(turn, deps, eventId, entries);
    turn.log.info({ subject: report.person.userId, self: report.self, removed: report.removed }, 'personal data erased');
    return renderForgetDoneCard(report);
  };

  return {
    commands: [
      personalData({
        name: 'forget me',
        description: 'Delete everything the bot keeps about you (you see it first)',
        run: async (turn) => {
          await turn.reply(renderForgetPreviewCard(await previewForgetMe(deps, turn.actor())));
        },
      }),
      personalData({
        name: 'forget person',
        description: "Organisers: remove a person's data at their request (their name as Teams shows it, or their Entra object id)",
        hidden: true,
        run: async (turn, rest) => {
          const people = await findPeopleToForget(deps, turn.actor(), rest);
          await turn.reply(people.length === 1 ? renderForgetPreviewCard(people[0]!) : renderForgetChoiceCard(rest.trim(), people));
        },
      }),
    ],
    actions: [
      cardAction(PRIVACY_FORGET_ME, z.strictObject({}), async (turn) => done(turn, await forgetMe(deps, turn.actor()))),
      cardAction(PRIVACY_REVIEW_PERSON, personData, async (turn, { userId }) => renderForgetPreviewCard(await previewForgetSomeone(deps, turn.actor(), userId))),
      cardAction(PRIVACY_FORGET_PERSON, personData, async (turn, { userId }) => done(turn, await forgetSomeone(deps, turn.actor(), userId))),
    ].map((action) => personalData(action)),
  };
}
