import { systemClock } from '../../bot/clock';
import type { Store } from '../../bot/data/store';
import { recordInstalled } from '../../bot/domain/conversations/service';
import { createTestInvoke, personalChat, TENANT, type TestUser } from '../../test/helpers/activities';
import { jsonClient } from './http';

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

/** The organiser previews and confirms, as in Teams; returns the broadcast id. */
export async function confirmBroadcast(botUrl: string, serviceUrl: string, organiser: TestUser): Promise<string> {
  const client = jsonClient(botUrl, 4);
  const invoke = (verb: string, data: unknown, replyToId: string) =>
    client.post('/api/messages', createTestInvoke(serviceUrl, personalChat(organiser), organiser, verb, data, { replyToId }));
  const preview = await invoke('broadcast.preview', { content: 'announcement', title: 'Benchmark broadcast', text: 'One copy each, please.', audience: 'personal' }, 'bench-compose');
  const broadcastId = /"broadcastId":"(b-[a-z0-9]+)"/.exec(preview.body)?.[1];
  if (!broadcastId) throw new Error(`no broadcast id in the preview: ${preview.body.slice(0, 500)}`);
  const sent = await invoke('broadcast.send', { broadcastId }, 'bench-status-card');
  if (!sent.body.includes('Queued')) throw new Error(`not queued: ${sent.body.slice(0, 500)}`);
  client.close();
  return broadcastId;
}
