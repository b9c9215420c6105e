import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import type { ActionRoute } from '../../../bot/teams/routes/route';
import { createTestInvoke, createTestMessage, type TestConversation, type TestUser, TENANT } from '../activities';
import { pressed } from '../card-buttons';
import type { Sighting } from './crawl';
import { ENVELOPE_FIELDS, HUGE, isObject, junk, lookalike, OBJECT_FIELDS, OVER_LIMIT, REQUIRED_FIELDS } from './values';

/**
 * Hostile activities, generated with fast-check from what the bot itself registered
 * (its verbs, their data schemas, its commands) and from the buttons a crawl found on
 * its cards. Every case is invalid by construction, so none may write anything: the
 * data schema of its own route refuses it, or its verb is unknown, or its sender may
 * not do it (an organiser's button pressed by someone else, someone's own booking or
 * contribution pressed by another person), or it names something that does not exist.
 */
export interface FuzzCase {
  /** What kind of hostility, for the report. */
  kind: string;
  activity: Partial<Activity> & Record<string, unknown>;
  /** Where a message's answer goes (each case has its own conversation). */
  conversationId: string;
  /** The answer must be this refusal (its title): someone pressing what is not theirs to press. */
  refusal?: RegExp;
}

/** A refusal: "forbidden" (noticeForError's title for it). */
export const FORBIDDEN = /^Sorry, that is not open to you\n/;
/** Someone else's booking or contribution: refused, or (telling nothing about it) not found. */
export const NOT_YOURS = /^(Sorry, that is not open to you|We could not find that)\n/;

export interface FuzzWorld {
  serviceUrl: string;
  /** Everyone the crawl used, by role; `stranger` is a plain user who pressed nothing. */
  people: Record<'member' | 'stranger' | 'organiser', TestUser>;
  sightings: readonly Sighting[];
  actions: readonly ActionRoute[];
  /** Every command name and alias the app registered. */
  commandNames: readonly string[];
}

type Json = Record<string, unknown>;

const conversationFor = (n: number, type: TestConversation['conversationType']): TestConversation =>
  type === 'personal'
    ? { id: `a:fuzz-${n}`, conversationType: 'personal', tenantId: TENANT }
    : type === 'groupChat'
      ? { id: `19:fuzz-${n}@thread.v2`, conversationType: 'groupChat', tenantId: TENANT }
      : { id: `19:fuzz-${n}@thread.tacv2;messageid=1`, conversationType: 'channel', tenantId: TENANT, teamId: `19:fuzz-${n}@thread.tacv2` };

export function fuzzArbitraries(world: FuzzWorld) {
  const { people, sightings, actions } = world;
  let next = 0;
  const everyone = fc.constantFrom(people.member, people.stranger, people.organiser);
  const conversation = fc.constantFrom<TestConversation['conversationType']>('personal', 'personal', 'groupChat', 'channel').map((type) => conversationFor(++next, type));
  const invoke = (kind: string, user: TestUser, chat: TestConversation, verb: unknown, data: unknown): FuzzCase => ({
    kind,
    activity: createTestInvoke(world.serviceUrl, chat, user, verb as string, data),
    conversationId: chat.id,
  });
  const anySighting = fc.constantFrom(...sightings);

  const verbsOf = (role: string) => new Set(sightings.filter((s) => s.role === role).map((s) => s.verb));
  const plainVerbs = new Set([...verbsOf('member'), ...verbsOf('stranger')]);
  /** Buttons only organisers were shown. */
  const organiserOnly = sightings.filter((s) => s.role === 'organiser' && !plainVerbs.has(s.verb));
  /** Values on the member's own buttons that a stranger was never shown: their booking and contribution ids. */
  const publicValues = new Set(sightings.filter((s) => s.role === 'stranger').flatMap((s) => Object.values(s.data).map(String)));
  const othersOwn = sightings.filter((s) => s.role === 'member' && Object.values(s.data).some((v) => typeof v === 'string' && !publicValues.has(v)));

  // Data the verb's own schema refuses: missing, mistyped or extra (forged) fields, or no object at all.
  const schemaInvalid = fc.constantFrom(...actions.filter((a) => a.data)).chain((route) => {
    const examples = sightings.filter((s) => s.verb === route.verb).map(pressed);
    const base = fc.constantFrom<Json>(...(examples.length > 0 ? examples : [{}]));
    // Not __proto__: the body parser drops it, which is right, and the rest of the data may then be valid.
    const forged = fc.constantFrom('userId', 'aadObjectId', 'authorId', 'organiser', 'isOrganiser', 'by', 'from', 'role', 'constructor');
    const forgedValue = fc.constantFrom<unknown>(people.member.aadObjectId ?? 'none', people.organiser.aadObjectId ?? 'none', people.member.id, true, 'admin');
    const data = fc.oneof(
      junk,
      base.chain((b) => (Object.keys(b).length ? fc.constantFrom(...Object.keys(b)).map((k) => omit(b, k)) : fc.constant<unknown>('not an object'))),
      base.chain((b) => fc.tuple(fc.constantFrom(...Object.keys(b), 'eventId'), junk).map(([k, v]) => ({ ...b, [k]: v }))),
      fc.tuple(base, forged, forgedValue).map(([b, k, v]) => JSON.parse(JSON.stringify({ ...b, [k]: v })) as Json),
    );
    return fc.tuple(data.filter((d) => !route.data!.safeParse(d ?? {}).success), everyone, conversation).map(([d, user, chat]) => invoke('schema-invalid', user, chat, route.verb, d));
  });

  const registered = new Set(actions.map((a) => a.verb));
  const unknownVerb = fc
    .tuple(
      fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...registered).map((v) => `${v}.old`), fc.constantFrom('__proto__', 'constructor', 'toString', 'EVENT.RSVP', 'x'.repeat(101))),
      anySighting,
      everyone,
      conversation,
    )
    .filter(([verb]) => !registered.has(verb))
    .map(([verb, s, user, chat]) => invoke('unknown-verb', user, chat, verb, pressed(s)));

  // The Action.Execute envelope itself broken, around a real button's data.
  const envelope = fc.tuple(anySighting, everyone, conversation, junk, fc.integer({ min: 0, max: 5 })).map(([s, user, chat, bad, variant]) => {
    const c = invoke('envelope', user, chat, s.verb, pressed(s));
    const value = c.activity.value as { action: Json };
    if (variant === 0) c.activity.value = bad;
    else if (variant === 1) value.action = bad as Json;
    else if (variant === 2) value.action.type = typeof bad === 'string' ? bad : 'Action.Submit';
    else if (variant === 3) value.action.verb = bad;
    else if (variant === 4) value.action.data = Array.isArray(bad) ? bad : [bad];
    else c.activity.name = typeof bad === 'string' && bad !== 'adaptiveCard/action' ? bad : 'composeExtension/query';
    return c;
  });

  // A real button in an activity whose own fields are broken (of the wrong type, or missing).
  const malformed = fc
    .tuple(anySighting, everyone, conversation, fc.constantFrom(...ENVELOPE_FIELDS), junk)
    .filter(([, , , field, bad]) => (OBJECT_FIELDS.includes(field) ? !isObject(bad) : typeof bad !== 'string'))
    .map(([s, user, chat, field, bad]) => {
      const c = invoke('malformed', user, chat, s.verb, pressed(s));
      c.activity[field] = REQUIRED_FIELDS.includes(field) && typeof bad === 'number' ? undefined : bad;
      return c;
    });

  // A real button pressed by someone Teams did not identify.
  const noIdentity = fc.tuple(anySighting, conversation, fc.constantFrom<unknown>(undefined, '', 'not-a-guid', 42, `${people.member.aadObjectId ?? ''}x`)).map(([s, chat, aad]) => {
    const c = invoke('no-identity', people.stranger, chat, s.verb, pressed(s));
    c.activity.from = { id: '29:anonymous', name: 'Guest', aadObjectId: aad as string };
    return c;
  });

  // Ids that look right but name nothing (deleted, never existed), pressed by whoever was shown the button.
  const isId = ([key, value]: [string, unknown]): boolean => key.endsWith('Id') && typeof value === 'string';
  const unknownIds = fc.tuple(anySighting.filter((s) => Object.entries(s.data).some(isId)), fc.nat(), conversation).map(([s, random, chat]) => {
    const data = Object.fromEntries(Object.entries(s.data).map(([k, v]) => [k, isId([k, v]) ? lookalike(v as string, random + k.length) : v]));
    return invoke('unknown-ids', personOf(world, s.role), chat, s.verb, { ...data, ...s.inputs });
  });

  const forgedOrganiser = fc.tuple(fc.constantFrom(...organiserOnly), fc.constantFrom(people.member, people.stranger), conversation).map(([s, user, chat]) => ({
    ...invoke('forged-organiser', user, chat, s.verb, pressed(s)),
    refusal: FORBIDDEN,
  }));
  const othersIds = fc.tuple(fc.constantFrom(...othersOwn), conversation).map(([s, chat]) => ({
    ...invoke('others-ids', people.stranger, chat, s.verb, pressed(s)),
    refusal: NOT_YOURS,
  }));

  const huge = fc.tuple(anySighting, everyone, conversation, fc.constantFrom(...HUGE, OVER_LIMIT)).map(([s, user, chat, size]) => {
    const data = pressed(s);
    const key = Object.keys(s.inputs)[0] ?? Object.keys(data)[0] ?? 'text';
    return invoke('huge', user, chat, s.verb, { ...data, [key]: 'x'.repeat(size) });
  });

  const messages = hostileMessages(world, conversation);

  const all = fc.oneof(
    { arbitrary: schemaInvalid, weight: 6 },
    { arbitrary: unknownVerb, weight: 1 },
    { arbitrary: envelope, weight: 2 },
    { arbitrary: noIdentity, weight: 1 },
    { arbitrary: malformed, weight: 1 },
    { arbitrary: unknownIds, weight: 3 },
    { arbitrary: huge, weight: 1 },
    ...(organiserOnly.length ? [{ arbitrary: forgedOrganiser, weight: 2 }] : []),
    ...(othersOwn.length ? [{ arbitrary: othersIds, weight: 1 }] : []),
    { arbitrary: messages, weight: 4 },
  );
  return { all, organiserOnly, othersOwn };
}

/** Messages no one should be able to do anything with: nonsense, commands with junk after them, huge or broken text. */
function hostileMessages(world: FuzzWorld, conversation: fc.Arbitrary<TestConversation>): fc.Arbitrary<FuzzCase> {
  const { people } = world;
  // Always with a character no id, number or slug contains, so a command never gets a usable argument.
  const garbage = fc.string({ maxLength: 40 }).map((s) => `~${s}`);
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }).filter((t) => !world.commandNames.includes(t.trim().toLowerCase())),
    fc.tuple(fc.constantFrom(...world.commandNames), garbage).map(([name, rest]) => `${name} ${rest}`),
    fc.constantFrom(...HUGE, OVER_LIMIT).map((n) => `events ${'x'.repeat(n)}`),
    fc.constantFrom('<at>NLC</at>', '<script>alert(1)</script>', '${title}', '&nbsp;&nbsp;', '\u0000\u0001', 'h\u200belp ~', '**help** ~'),
  );
  const broken = fc.oneof(
    fc.constant(undefined),
    fc.tuple(junk, fc.constantFrom('text', 'value', ...ENVELOPE_FIELDS)),
  );
  return fc.tuple(text, fc.constantFrom(people.member, people.stranger, people.organiser), conversation, broken).map(([t, user, chat, damage]) => {
    const activity = createTestMessage(world.serviceUrl, chat, user, t) as FuzzCase['activity'];
    if (damage) activity[damage[1]] = damage[0];
    return { kind: 'message', activity, conversationId: chat.id };
  });
}

export function personOf(world: FuzzWorld, role: string): TestUser {
  return world.people[role as keyof FuzzWorld['people']] ?? world.people.stranger;
}

function omit(data: Json, key: string): Json {
  const { [key]: _dropped, ...rest } = data;
  return rest;
}

/**
 * `count` cases in batches of `size`, each batch generated only when it is sent (so
 * the huge ones are not all held at once). The same seed gives the same cases.
 */
export function* sampleBatches(arbitrary: fc.Arbitrary<FuzzCase>, seed: number, count: number, size: number): Generator<FuzzCase[]> {
  for (let i = 0; i * size < count; i++) yield fc.sample(arbitrary, { seed: seed + i, numRuns: Math.min(size, count - i * size) });
}
