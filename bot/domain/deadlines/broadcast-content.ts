import { z } from 'zod/v4';
import type { Clock } from '../../clock';
import { fieldProblem } from '../broadcasts/compose';
import { type ContentType, withdrawn } from '../broadcasts/content-types';
import type { ContentCards } from '../broadcasts/ports';
import { userOf } from '../reminders/reminder-content';
import { deadlineIdSchema, deadlineState } from './deadline';
import type { DeadlineStore } from './ports';

const deadlineSpec = z.object({ kind: z.literal('deadline'), deadlineId: deadlineIdSchema });

/**
 * A consultation deadline as broadcast content: its card, which in a personal chat
 * refreshes to the person's own Remind me / I've responded. The spec names the deadline
 * in `deadlineId`, so an organiser's edit or withdrawal updates every posted copy
 * (corrections.ts, deadlineFollowUps).
 */
export function deadlineContent(deps: { deadlines: DeadlineStore; clock: Clock; cards: ContentCards }): ContentType {
  return {
    kind: 'deadline',
    label: 'A consultation deadline',
    composable: true,
    fromForm: async (form) => {
      const id = deadlineIdSchema.safeParse(form.deadline ?? '');
      if (!id.success) throw fieldProblem('deadline', 'choose the deadline');
      const deadline = await deps.deadlines.getDeadline(id.data);
      if (!deadline) throw fieldProblem('deadline', 'that deadline is no longer listed');
      if (deadlineState(deadline, deps.clock.now()) !== 'open') throw fieldProblem('deadline', 'that deadline has closed or been withdrawn');
      return { kind: 'deadline', deadlineId: deadline.id };
    },
    prepare: async (spec, broadcast) => {
      const deadline = await deps.deadlines.getDeadline(deadlineSpec.parse(spec).deadlineId);
      if (!deadline || broadcast.withdrawn) return withdrawn(deps.cards, deadline?.title ?? 'a consultation deadline');
      const follows = new Map((await deps.deadlines.listFollows(deadline.id)).map((f) => [f.userId, f]));
      const now = deps.clock.now();
      const cardFor = (aadId: string | undefined, teamsId: string[]) => deps.cards.deadline({ deadline, mine: aadId ? follows.get(aadId) : undefined, now }, teamsId);
      return {
        title: deadline.title,
        version: deadline.sequence,
        sample: cardFor(undefined, []),
        messageFor: (recipient) => {
          const { aadId, teamsId } = recipient.scope === 'personal' ? userOf(recipient) : { aadId: undefined, teamsId: [] };
          return { cards: [cardFor(aadId, teamsId)] };
        },
      };
    },
  };
}
