import type restify from 'restify';
import { z } from 'zod/v4';
import { deadlineState } from '../domain/deadlines/deadline';
import { assertOrganiser } from '../domain/organisers';
import { reminderOverview, type SlotState } from '../domain/reminders/service';
import { CONTRIBUTION_KINDS, KIND_LABELS } from '../domain/task-groups/contribution-kinds';
import { markUsed } from '../domain/task-groups/digest';
import { contributionsDownload } from '../domain/task-groups/export';
import { leadWorkspace } from '../domain/task-groups/lead-view';
import { callIdSchema, contributionIdSchema, groupIdSchema } from '../domain/task-groups/task-group';
import { formatDate, formatDateTime } from '../domain/time';
import type { DeadlineDto, GroupWorkspace } from './contract';
import { serviceDeps, type TabApiDeps } from './deps';
import { contributionDto, weekFigures } from './dto';
import { tabRoute } from './http';

const groupParams = z.object({ id: groupIdSchema });
const filterQuery = z.strictObject({ callId: callIdSchema.optional(), kind: z.enum(CONTRIBUTION_KINDS).optional() });

/** Task groups for their leads (assertLead, as the bot's digest), and deadlines with their reminders for organisers. */
export function groupRoutes(server: restify.Server, deps: TabApiDeps): void {
  const { taskGroups } = serviceDeps(deps);

  server.get('/api/tab/groups/:id', ...tabRoute(deps, { query: filterQuery }, async ({ actor, params, query }): Promise<GroupWorkspace> => {
    const space = await leadWorkspace(taskGroups, actor, groupParams.parse(params).id, query);
    return {
      group: { id: space.group.id, name: space.group.name, ...(space.group.purpose ? { purpose: space.group.purpose } : {}) },
      calls: space.calls.map((c) => ({ value: c.id, title: c.title })),
      kinds: CONTRIBUTION_KINDS.map((k) => ({ value: k, title: KIND_LABELS[k] })),
      contributions: space.contributions.map(contributionDto),
      total: space.total,
      members: space.members.map((m) => ({ name: m.userName ?? '(no name given)', joined: formatDate(new Date(m.joinedAt)) })),
      membersOverTime: weekFigures(space.membersOverTime),
      contributionsPerWeek: weekFigures(space.contributionsPerWeek),
    };
  }));

  const usedParams = z.object({ id: groupIdSchema, contributionId: contributionIdSchema });
  server.post('/api/tab/groups/:id/contributions/:contributionId/used', ...tabRoute(deps, { body: z.strictObject({ used: z.boolean() }) }, async ({ actor, params, body }) => {
    const { id, contributionId } = usedParams.parse(params);
    const saved = await markUsed(taskGroups, actor, id, contributionId, body.used);
    return { id: saved.id, used: saved.status === 'used' };
  }));

  server.get('/api/tab/groups/:id/contributions.csv', ...tabRoute(deps, {}, ({ actor, params }) => contributionsDownload({ ...taskGroups, links: deps.links }, actor, groupParams.parse(params).id)));

  server.get('/api/tab/deadlines', ...tabRoute(deps, {}, async ({ actor }): Promise<{ deadlines: DeadlineDto[] }> => {
    await assertOrganiser(deps.organisers, actor, 'see deadlines and their reminders');
    const now = deps.clock.now();
    const open = await deps.deadlines.listOpen(now);
    const deadlines = await Promise.all(
      open.map(async (deadline): Promise<DeadlineDto> => {
        const [follows, overview] = await Promise.all([deps.deadlines.listFollows(deadline.id), reminderOverview(deps, actor, deadline.id)]);
        return {
          id: deadline.id,
          title: deadline.title,
          // An open offer has no closing date (it stays open until withdrawn).
          closes: deadline.closesAt ? `Closes ${formatDateTime(new Date(deadline.closesAt))}` : 'Open, no closing date',
          state: deadlineState(deadline, now),
          following: follows.filter((f) => f.remind).length,
          responded: follows.filter((f) => f.responded).length,
          reminders: overview.slots.map((slot) => ({ days: slot.days, due: formatDateTime(slot.dueAt), ...slotText(slot) })),
        };
      }),
    );
    return { deadlines };
  }));
}

function slotText(slot: SlotState): { state: string; sent?: number; failed?: number; note?: string } {
  switch (slot.state) {
    case 'queued':
      return { state: 'sent', ...(slot.counts ? { sent: slot.counts.sent, failed: slot.counts.failed } : {}) };
    case 'dropped':
      return { state: 'not sent', note: slot.reason };
    case 'superseded':
      return { state: 'not sent', note: 'a later reminder went instead' };
    default:
      return { state: slot.state };
  }
}
