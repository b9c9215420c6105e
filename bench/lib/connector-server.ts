/**
 * The stand-in Bot Connector (test/helpers/connector.ts) as its own process, for
 * benchmarks: Teams' rate limits enforced, failures and 429s injected on request, and
 * a count of what each conversation received. Driven over IPC by its parent:
 *   { type: 'behave', behaviour }  -> changes the Teams-like behaviour (serialisable parts)
 *   { type: 'progress' }           -> { reached, requests, memberPages }
 *   { type: 'report', ids }        -> counts for those conversation ids, rates, 429s
 *   { type: 'members', conversationId, count } -> that team lists `count` members (29:bench-<n>), paged as Teams pages them
 */
import { startConnector } from '../../test/helpers/connector';
import type { Behaviour } from '../../test/helpers/teams-behaviour';
import { maxInWindow } from '../../test/helpers/teams-limits';
import { benchMember } from './members';

type Message =
  | { type: 'behave'; behaviour: Pick<Behaviour, 'limits' | 'failures' | 'throttleEvery' | 'throttleNext'> }
  | { type: 'progress' }
  | { type: 'report'; ids: string[] }
  | { type: 'members'; conversationId: string; count: number };

export interface ConnectorReport {
  posts: number[];
  requests: number;
  accepted: number;
  throttled: number;
  overLimit: number;
  injectedFailures: number;
  /** Message requests per second between the first and the last. */
  requestRate: number;
  /** The busiest 1 s window of admitted requests. */
  busiestSecond: number;
  /** Wall-clock ms (Date.now()) when the last conversation got its first message. */
  lastFirstPostAt: number;
  /** Message requests in each second from the first one. */
  histogram: number[];
  /** Personal chats opened (accepted POST /v3/conversations), and with how many different people. */
  opened: number;
  openedPeople: number;
}

async function main(): Promise<void> {
  const connector = await startConnector({ port: Number(process.env.PORT ?? 0), keepCalls: false });
  const reply = (message: unknown): void => {
    process.send?.(message);
  };
  process.on('message', (message: Message) => {
    if (message.type === 'behave') connector.behave(message.behaviour);
    if (message.type === 'members') {
      connector.setMembers(message.conversationId, Array.from({ length: message.count }, (_, n) => benchMember(n)));
      reply({ type: 'members' });
    }
    if (message.type === 'progress') {
      const stats = connector.stats();
      reply({ type: 'progress', reached: stats.postsByConversation.size, requests: stats.requestedAt.length, memberPages: stats.memberPages });
    }
    if (message.type === 'report') {
      const stats = connector.stats();
      const requested = [...stats.requestedAt].sort((a, b) => a - b);
      const span = (requested.at(-1)! - requested[0]!) / 1000;
      const report: ConnectorReport = {
        posts: message.ids.map((id) => stats.postsByConversation.get(id) ?? 0),
        requests: requested.length,
        accepted: stats.acceptedAt.length,
        throttled: stats.throttled,
        overLimit: stats.overLimit,
        injectedFailures: stats.injectedFailures,
        requestRate: requested.length > 1 ? (requested.length - 1) / span : 0,
        busiestSecond: maxInWindow([...stats.acceptedAt].sort((a, b) => a - b), 1000),
        histogram: requested.reduce<number[]>((bins, t) => {
          const bin = Math.floor((t - requested[0]!) / 1000);
          bins[bin] = (bins[bin] ?? 0) + 1;
          return bins;
        }, []),
        opened: [...stats.chatsOpened.values()].reduce((a, b) => a + b, 0),
        openedPeople: stats.chatsOpened.size,
        lastFirstPostAt: message.ids.reduce((last, id) => Math.max(last, stats.firstPostAt.get(id) ?? 0), 0),
      };
      reply({ type: 'report', report });
    }
  });
  process.on('disconnect', () => void connector.close().then(() => process.exit(0)));
  reply({ type: 'ready', serviceUrl: connector.serviceUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
