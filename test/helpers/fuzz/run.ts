import { performance } from 'node:perf_hooks';
import type { TestBot } from '../bot';
import { cardsIn, cardText, type StandInConnector } from '../connector';
import { heapAfterGc } from '../heap';
import { changedDocs, storeFingerprint } from '../store';
import type { FuzzCase } from './cases';

/** The notice a person sees when a turn failed with an error we did not foresee: a 500 in a card. */
const INTERNAL = /Something went wrong on our side/;

/** What one person gave the bot (their name, what they typed): no one else may be shown it. */
export interface Secrets {
  /** Whose they are (Entra object id): their own answers may show them. */
  owner: string;
  values: readonly string[];
}

export interface HostileOptions {
  /** Take the heap after every this many batches (default 5). */
  heapEvery?: number;
  secrets?: Secrets;
}

export interface FuzzReport {
  sent: number;
  /** Per kind of case: how many, and how many were answered 2xx and 4xx. */
  byKind: Map<string, { sent: number; ok: number; refused: number; slowestMs: number }>;
  /** Heap in use after GC, once per batch. */
  heap: number[];
  problems: string[];
}

const describeCase = (c: FuzzCase): string => {
  const a = c.activity as Record<string, unknown>;
  const fields = a.type === 'invoke' ? ['name', 'value'] : ['text', 'entities', 'attachments', 'channelData', 'value', 'locale', 'serviceUrl', 'id', 'replyToId'];
  const what = Object.fromEntries(fields.map((f) => [f, a[f]]));
  return `${c.kind}: ${JSON.stringify(a.type)} ${JSON.stringify(a.id)} from ${JSON.stringify(a.from)} ${JSON.stringify(what).slice(0, 400)}`;
};

/** What was wrong with the bot's answer to one case, if anything. */
async function judge(bot: TestBot, connector: StandInConnector, c: FuzzCase, secrets?: Secrets): Promise<{ status: number; ms: number; problem?: string }> {
  const started = performance.now();
  const verdict = await judgeAnswer(bot, connector, c, secrets);
  return { ...verdict, ms: performance.now() - started };
}

const inGroup = (c: FuzzCase): boolean => {
  const type = (c.activity.conversation as { conversationType?: unknown } | undefined)?.conversationType;
  return type === 'groupChat' || type === 'channel';
};

/**
 * The secrets an answer to this case must not show: all of them for a refusal, and in a
 * group chat or channel (where everyone reads it) unless the owner asked; never what the
 * case itself sent (a form coming back with the sender's own values is no leak).
 */
function leaksIn(c: FuzzCase, answer: string, secrets: Secrets | undefined, isInvoke: boolean): string[] {
  if (!secrets) return [];
  const fromOwner = (c.activity.from as { aadObjectId?: unknown } | undefined)?.aadObjectId === secrets.owner;
  const guarded = c.refusal !== undefined || (inGroup(c) && (!isInvoke || !fromOwner));
  if (!guarded) return [];
  const sent = JSON.stringify(c.activity);
  return secrets.values.filter((secret) => !sent.includes(secret) && answer.includes(secret));
}

async function judgeAnswer(bot: TestBot, connector: StandInConnector, c: FuzzCase, secrets?: Secrets): Promise<{ status: number; problem?: string }> {
  let response: { status: number; body: unknown };
  try {
    response = await bot.post(c.activity);
  } catch (error) {
    return { status: 0, problem: `no HTTP answer (${String(error)})` };
  }
  const { status, body } = response;
  if (status >= 500) return { status, problem: `HTTP ${status} ${JSON.stringify(body)}` };
  if (status >= 400) return { status };
  if (c.activity.type === 'invoke' && String(c.activity.name).startsWith('composeExtension/')) {
    // The message extension answers anything sent to it with results (maybe none) or a line of text.
    const answer = (body as { composeExtension?: { type?: unknown } } | undefined)?.composeExtension;
    if (answer?.type !== 'result' && answer?.type !== 'message') return { status, problem: `HTTP ${status} without a search answer: ${JSON.stringify(body)}` };
    const leaked = leaksIn(c, JSON.stringify(answer), secrets, true);
    return leaked.length > 0 ? { status, problem: `the answer shows ${leaked.join(', ')}` } : { status };
  }
  if (c.activity.type === 'invoke') {
    const answer = body as { type?: string; value?: unknown } | undefined;
    if (answer?.type !== 'application/vnd.microsoft.card.adaptive') return { status, problem: `HTTP ${status} without a card: ${JSON.stringify(body)}` };
    const text = cardText(answer.value);
    if (!text.trim()) return { status, problem: 'an empty card' };
    if (INTERNAL.test(text)) return { status, problem: 'an internal error card' };
    const leaked = leaksIn(c, text, secrets, true);
    const problems = [
      c.refusal && !c.refusal.test(text) ? `not refused: ${JSON.stringify(text.slice(0, 160))}` : '',
      leaked.length > 0 ? `the answer shows ${leaked.join(', ')}` : '',
    ].filter(Boolean);
    return problems.length > 0 ? { status, problem: problems.join('; ') } : { status };
  }
  const replies = connector.sentTo(c.conversationId);
  const said = replies.map((r) => `${r.activity.text ?? ''}\n${cardsIn(r).map(cardText).join('\n')}`).join('\n');
  if (!said.trim()) return { status, problem: 'no answer to the message' };
  if (INTERNAL.test(said)) return { status, problem: 'an internal error card' };
  const leaked = leaksIn(c, said, secrets, false);
  if (leaked.length > 0) return { status, problem: `the reply shows ${leaked.join(', ')}` };
  return { status };
}

/** Sends a batch that wrote something again, one case at a time, to name the case that writes. */
async function culprits(bot: TestBot, connector: StandInConnector, batch: readonly FuzzCase[], changed: string[]): Promise<string> {
  const named: string[] = [];
  for (const c of batch) {
    const before = await storeFingerprint(bot.store);
    await judge(bot, connector, c);
    const wrote = changedDocs(before, await storeFingerprint(bot.store));
    if (wrote.length > 0) named.push(`${describeCase(c)} wrote ${wrote.join(', ')}`);
  }
  return `documents written by invalid activities: ${changed.join(', ')}; sent again one by one: ${named.length > 0 ? named.join('; ') : 'none wrote again'}`;
}

/**
 * Sends each batch's cases at once, checking every answer (a refusal where the case
 * expects one, and none of `secrets` where they must not show) and that no batch changed
 * any document (ids and etags in every container); every `heapEvery` batches, the heap
 * after GC.
 */
export async function runHostile(bot: TestBot, connector: StandInConnector, batches: Iterable<FuzzCase[]>, options: HostileOptions = {}): Promise<FuzzReport> {
  const { heapEvery = 5, secrets } = options;
  const report: FuzzReport = { sent: 0, byKind: new Map(), heap: [], problems: [] };
  let n = 0;
  for (const batch of batches) {
    const before = await storeFingerprint(bot.store);
    const verdicts = await Promise.all(batch.map((c) => judge(bot, connector, c, secrets)));
    const changed = changedDocs(before, await storeFingerprint(bot.store));
    batch.forEach((c, n) => {
      const { status, ms, problem } = verdicts[n]!;
      const kind = report.byKind.get(c.kind) ?? { sent: 0, ok: 0, refused: 0, slowestMs: 0 };
      kind.sent++;
      kind.slowestMs = Math.max(kind.slowestMs, Math.round(ms));
      if (status >= 200 && status < 300) kind.ok++;
      if (status >= 400 && status < 500) kind.refused++;
      report.byKind.set(c.kind, kind);
      if (problem) report.problems.push(`${problem} <- ${describeCase(c)}`);
    });
    if (changed.length > 0) report.problems.push(await culprits(bot, connector, batch, changed));
    report.sent += batch.length;
    connector.clear();
    if (++n % heapEvery === 0) report.heap.push(heapAfterGc());
  }
  return report;
}
