import { z } from 'zod/v4';

/**
 * The fields of an incoming activity that botbuilder and teams-ai read, or copy into
 * the reply, with the types they take for granted. Teams always sends them so; a body
 * that breaks them (a number for `locale`, a mention without `mentioned`, a `text` of
 * null beside a mention) makes botbuilder throw inside the turn, after which the sender
 * gets an empty 200 and no answer. Checked at the door instead, such a body is told
 * what is wrong with a 400. Everything else passes through untouched.
 */
/** Ids go into the URLs of the bot's replies; Teams' are far shorter than this. */
const id = z.string().max(1000);

const account = z.looseObject({
  id,
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
  role: z.string().optional(),
});

const conversation = z.looseObject({
  id,
  name: z.string().optional(),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
  isGroup: z.boolean().optional(),
});

const entity = z.union([
  z.looseObject({ type: z.literal('mention'), mentioned: account, text: z.string().optional() }),
  z.looseObject({ type: z.string().refine((type) => type !== 'mention') }),
]);

const activityShape = z.looseObject({
  type: z.string().min(1).max(100),
  id: id.optional(),
  name: z.string().max(200).optional(),
  channelId: z.string().max(100).optional(),
  // Where replies go: a malformed one fails the reply, so the sender would hear nothing.
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
  locale: z.string().max(100).optional(),
  text: z.string().optional(),
  replyToId: id.optional(),
  from: account,
  recipient: account.optional(),
  conversation,
  entities: z.array(entity).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
  channelData: z.looseObject({}).optional(),
});

/** Why a request body is not an activity the bot can answer, or undefined when it is. */
export function activityShapeProblem(body: unknown): string | undefined {
  const result = activityShape.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const path = issue.path.length > 0 ? issue.path.join('.') : 'the body';
  return `${path}: ${issue.message}`;
}
