import { z } from 'zod/v4';
import { aadObjectIdSchema } from '../domain/actor';
import type { MemberPage, RosterReader } from '../domain/rosters/ports';
import { ROSTER_PAGE_SIZE } from '../domain/rosters/roster';
import type { ConnectorClient } from './connector-client';
import { toDeliveryError } from './proactive';

/**
 * One member of a page, as Teams (and the Agents Playground) describe them. Only the ids
 * are read: names, e-mail addresses and roles are dropped here and kept nowhere.
 */
const memberSchema = z.object({
  id: z.string().min(1).max(400),
  aadObjectId: z.string().max(100).optional(),
  objectId: z.string().max(100).optional(),
  tenantId: z.string().max(100).optional(),
});
const pageSchema = z.object({ members: z.array(z.unknown()).default([]), continuationToken: z.string().max(4000).nullish() });

/**
 * A team's or group chat's members a page at a time, as botbuilder's
 * TeamsInfo.getPagedTeamMembers reads them (GET /v3/conversations/{id}/pagedmembers,
 * 500 a page), on the bot's own connector client so the read is paced and timed out like
 * every other proactive request. Entries that are not a person with an Entra id (bots,
 * anonymous guests) are left out.
 */
export function createRosterReader(client: ConnectorClient): RosterReader {
  return {
    page: async (roster, continuationToken, signal): Promise<MemberPage> => {
      const query = new URLSearchParams({ pageSize: String(ROSTER_PAGE_SIZE), ...(continuationToken ? { continuationToken } : {}) });
      let answer: unknown;
      try {
        answer = await client.call('GET', roster.serviceUrl, `v3/conversations/${encodeURIComponent(roster.rosterId)}/pagedmembers?${query.toString()}`, undefined, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        throw toDeliveryError(error);
      }
      const page = pageSchema.safeParse(answer ?? {});
      if (!page.success) throw toDeliveryError(Object.assign(new Error('member page not understood'), { statusCode: 502 }));
      const members = page.data.members.flatMap((raw) => {
        const member = memberSchema.safeParse(raw);
        const aad = aadObjectIdSchema.safeParse(member.success ? (member.data.aadObjectId ?? member.data.objectId) : undefined);
        if (!member.success || !aad.success) return [];
        return [{ teamsUserId: member.data.id, userAadObjectId: aad.data, ...(member.data.tenantId ? { tenantId: member.data.tenantId } : {}) }];
      });
      return { members, ...(page.data.continuationToken ? { continuationToken: page.data.continuationToken } : {}) };
    },
  };
}
