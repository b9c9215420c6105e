import { systemClock } from '../../bot/clock';
import type { Store } from '../../bot/data/store';
import { recordInstalled } from '../../bot/domain/conversations/service';
import { memberOf } from '../../bot/domain/rosters/service';
import { channelThread, createTestInvoke, personalChat, TENANT, type TestUser } from '../../test/helpers/activities';
import { createdChatId } from '../../test/helpers/connector';
import { jsonClient } from './http';
import { benchMember } from './members';

/** The team of the "opens" scenarios: its members have no chat with the bot. */
export const BENCH_TEAM = { id: '19:bench-team@thread.tacv2', name: 'Bench team' };

/**
 * A team of `count` members the bot has read (its roster, as the rosters job leaves it)
 * and whose General channel it is in, none of whom has a chat with the bot: a broadcast
 * to everyone in it opens every chat. Returns the chats the stand-in connector will open.
 */
export async function seedTeam(store: Store, serviceUrl: string, count: number): Promise<string[]> {
  const now = systemClock.now().toISOString();
  const thread = channelThread(BENCH_TEAM.id);
  const bot = { id: '28:nlc-bot', name: 'NLC' };
  await recordInstalled(
    { conversations: store.conversations, clock: systemClock },
    {
      scope: 'channel', tenantId: TENANT, teamId: BENCH_TEAM.id, channelId: BENCH_TEAM.id, teamName: BENCH_TEAM.name,
      reference: { bot, channelId: 'msteams', conversation: { id: thread.id, conversationType: 'channel', tenantId: TENANT, isGroup: true }, serviceUrl },
    },
  );
  const roster = { rosterId: BENCH_TEAM.id, scope: 'team' as const, tenantId: TENANT, serviceUrl, botId: bot.id, generation: 1 };
  await store.rosters.updateRoster(BENCH_TEAM.id, () => ({ ...roster, status: 'done', pages: Math.ceil(count / 500), members: count, attempts: 0, notBefore: '', queuedAt: now, updatedAt: now }));
  const members = Array.from({ length: count }, (_, n) => benchMember(n));
  for (let i = 0; i < count; i += 500) {
    await store.rosters.saveMembers(BENCH_TEAM.id, members.slice(i, i + 500).map((m) => memberOf(roster, { teamsUserId: m.id, userAadObjectId: m.aadObjectId }, now)));
  }
  return members.map((m) => createdChatId(m.id));
}

/** `count` personal chats, stored as installing the bot stores them, all pointing at the connector. */
export async function seedRecipients(store: Store, serviceUrl: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, n) => `a:bench-${n}`);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let n = next++; n < count; n = next++) {
      const hex = n.toString(16).padStart(12, '0');
      await recordInstalled(
        { conversations: store.conversations, clock: systemClock },
        {
          scope: 'personal',
          tenantId: TENANT,
          userAadObjectId: `00000000-0000-4000-8000-${hex}`,
          reference: {
            bot: { id: '28:nlc-bot', name: 'NLC' },
            channelId: 'msteams',
            conversation: { id: ids[n]!, conversationType: 'personal', tenantId: TENANT, isGroup: false },
            serviceUrl,
            user: { id: `29:bench-${n}`, aadObjectId: `00000000-0000-4000-8000-${hex}` },
          },
        },
      );
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return ids;
}

/** The organiser previews and confirms, as in Teams (to `audience`: everyone with a chat, or everyone in the bench team); returns the broadcast id. */
export async function confirmBroadcast(botUrl: string, serviceUrl: string, organiser: TestUser, audience: 'personal' | 'team' = 'personal'): Promise<string> {
  const client = jsonClient(botUrl, 4);
  const invoke = (verb: string, data: unknown, replyToId: string) =>
    client.post('/api/messages', createTestInvoke(serviceUrl, personalChat(organiser), organiser, verb, data, { replyToId }));
  const preview = await invoke('broadcast.preview', { content: 'announcement', title: 'Benchmark broadcast', text: 'One copy each, please.', ...(audience === 'team' ? { audience, team: BENCH_TEAM.id } : { audience }) }, 'bench-compose');
  const broadcastId = /"broadcastId":"(b-[a-z0-9]+)"/.exec(preview.body)?.[1];
  if (!broadcastId) throw new Error(`no broadcast id in the preview: ${preview.body.slice(0, 500)}`);
  const sent = await invoke('broadcast.send', { broadcastId }, 'bench-status-card');
  if (!sent.body.includes('Queued')) throw new Error(`not queued: ${sent.body.slice(0, 500)}`);
  client.close();
  return broadcastId;
}
