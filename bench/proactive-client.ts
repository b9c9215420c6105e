/**
 * npm run bench:proactive-client
 *
 * What one proactive send costs the bot's CPU, two ways, against the stand-in connector
 * in its own process: botbuilder's `adapter.continueConversationAsync` (a new
 * ConnectorClient and TokenApiClient per message; the foundation's first Messenger) and
 * the bot's own connector client (bot/teams/connector-client.ts: one HTTP request on a
 * keep-alive connection). SENDS messages each (3,000), CONCURRENCY at a time (16),
 * alternating over ROUNDS (3); medians of CPU microseconds per send (process.cpuUsage).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { type ConversationReference, ConfigurationServiceClientCredentialFactory, MessageFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { createConnectorClient } from '../bot/teams/connector-client';
import { createMessenger } from '../bot/teams/proactive';
import type { ConversationReferenceData } from '../bot/domain/conversations/conversation';
import { ROOT } from './lib/processes';
import { median, round } from './lib/stats';

const SENDS = Number(process.env.SENDS ?? 3000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Attendance survey closes on 17 May', wrap: true }] };

type Send = (reference: ConversationReferenceData) => Promise<void>;

function viaAdapter(): Send {
  const settings = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  return async (reference) => {
    await adapter.continueConversationAsync('', reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(MessageFactory.attachment({ contentType: 'application/vnd.microsoft.card.adaptive', content: CARD }));
    });
  };
}

function viaOwnClient(): Send {
  const messenger = createMessenger(createConnectorClient({ token: () => Promise.resolve(undefined) }));
  return async (reference) => {
    await messenger.send(reference, { cards: [CARD] });
  };
}

/** CPU microseconds per send over SENDS sends. */
async function measure(send: Send, serviceUrl: string): Promise<number> {
  let next = 0;
  const started = process.cpuUsage();
  const worker = async (): Promise<void> => {
    for (let n = next++; n < SENDS; n = next++) {
      await send({ bot: { id: '28:bot', name: 'NLC' }, channelId: 'msteams', conversation: { id: `a:bench-${n}` }, serviceUrl, user: { id: `29:bench-${n}` } });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(started);
  return (used.user + used.system) / SENDS;
}

async function main(): Promise<void> {
  const child = fork('bench/lib/connector-server.ts', [], { cwd: ROOT, env: { ...process.env, PORT: '0' }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [ready] = (await once(child, 'message')) as [{ serviceUrl: string }];
  try {
    const adapter = viaAdapter();
    const own = viaOwnClient();
    await measure(adapter, ready.serviceUrl); // warm both up
    await measure(own, ready.serviceUrl);
    const a: number[] = [];
    const b: number[] = [];
    for (let round_ = 1; round_ <= ROUNDS; round_++) {
      a.push(await measure(adapter, ready.serviceUrl));
      b.push(await measure(own, ready.serviceUrl));
      console.log(`round ${round_}: continueConversationAsync ${round(a.at(-1)!)} µs CPU per send; own client ${round(b.at(-1)!)} µs`);
    }
    console.log(`median: continueConversationAsync ${round(median(a))} µs, own client ${round(median(b))} µs per send (ratio ${round(median(a) / median(b), 2)})`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
