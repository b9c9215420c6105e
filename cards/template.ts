import { Template } from 'adaptivecards-templating';

/** An expanded Adaptive Card, ready to send as an attachment or invoke response. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  /** Without userIds every member of a chat or channel of up to 60 people refreshes (a card dropped in from a search). */
  refresh?: { action: ExecuteAction; userIds?: string[] };
  [key: string]: unknown;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  verb: string;
  title?: string;
  data: Record<string, unknown>;
}

/** Teams shows at most 60 personalised views of one card (Universal Actions limit). */
export const MAX_REFRESH_USERS = 60;

/**
 * Distinct expansions remembered per template. Few: the cards that repeat are those of
 * one moment (many people answering one event at once see the same counts); counts move
 * on with every answer, so older expansions are rarely asked for again. With 256 per
 * template (40 templates) each card outlived young-generation GCs and reached old space
 * without being reused under a steady load (docs/benchmarks.md, "Soak").
 */
export const EXPANSIONS_KEPT = 16;

/**
 * A stand-in for one person's value while a card's shared part is expanded: its number
 * between two private-use characters, which no one types and JSON leaves as they are.
 */
const OPEN = '\uE000';
const standIn = (n: number): string => `${OPEN}${n}\uE001`;
const STAND_INS = /\uE000(\d+)\uE001/g;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= EXPANSIONS_KEPT) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

/**
 * Wraps one template so each card has a typed render function. The Template is built
 * once per file, not per card. `verbs` are the card's action verbs (cards/verbs.ts), which
 * the template reads as `${$root.verbs.<name>}`. Expansion costs tens of microseconds, the largest single
 * cost of answering a click; when many people answer one event at once most of them get
 * the same card (same counts, same answer), so recent expansions are remembered by
 * their data. Returned cards are shared: treat them as immutable (add to a copy).
 * The Template is parsed at its first card, not at import: parsing all of them took
 * most of the bot's start (docs/benchmarks.md, "Closer to the limits").
 *
 * `personal` names the text fields that differ from person to person (their place in the
 * queue, their school, their booking's id): 500 people booking at once would otherwise
 * cost 500 expansions. The card is expanded once per shape with a stand-in for each of
 * those fields that is not empty, and each person's card is that expansion with their own
 * values put in. So the template may only show such a field as it is or compare it with
 * '' (a test checks the workshop card against a plain expansion); what is remembered
 * holds no one's personal values.
 */
export function cardTemplate<TData extends object>(
  json: object,
  verbs: Readonly<Record<string, string>> = {},
  personal: readonly (keyof TData & string)[] = [],
): (data: TData) => AdaptiveCardJson {
  let template: Template | undefined;
  const expanded = (data: TData): AdaptiveCardJson => {
    template ??= new Template(json);
    return template.expand({ $root: { ...data, verbs } }) as AdaptiveCardJson;
  };
  const recent = new Map<string, AdaptiveCardJson>();
  const shapes = new Map<string, string>();
  const whole = (data: TData): AdaptiveCardJson => {
    const key = JSON.stringify(data);
    return recent.get(key) ?? remember(recent, key, expanded(data));
  };
  return (data) => {
    const values = data as Record<string, unknown>;
    const own = personal.filter((field) => typeof values[field] === 'string' && values[field] !== '');
    if (own.length === 0) return whole(data);
    const shape = { ...data };
    own.forEach((field, i) => ((shape as Record<string, unknown>)[field] = standIn(i)));
    const key = JSON.stringify(shape);
    // Some other text holds the marker: no shortcut for this card.
    if (key.split(OPEN).length - 1 !== own.length) return whole(data);
    const skeleton = shapes.get(key) ?? remember(shapes, key, JSON.stringify(expanded(shape)));
    return JSON.parse(skeleton.replace(STAND_INS, (_, i: string) => JSON.stringify(values[own[Number(i)]!]).slice(1, -1))) as AdaptiveCardJson;
  };
}

/**
 * Who a card refreshes for: Teams user ids (at most 60 are kept), or everyone in the
 * conversation. The bot knows the members of chats it posts in; a card someone drops in
 * from a search goes where the bot may not be, so it names nobody, and Teams then
 * refreshes it for every member of a chat or channel of up to 60 people (Teams platform
 * docs, "Universal Actions for search based message extensions").
 */
export type RefreshAudience = readonly string[] | 'everyone';

/**
 * Adds the Universal Actions refresh block: Teams calls `verb` for each listed user when
 * they look at the card, so each sees their own view. Kept in code, not in the JSON,
 * because it is protocol rather than layout.
 */
export function withRefresh(card: AdaptiveCardJson, verb: string, data: Record<string, unknown>, userIds: RefreshAudience): AdaptiveCardJson {
  if (userIds === 'everyone') return { ...card, refresh: { action: { type: 'Action.Execute', verb, data } } };
  const ids = [...new Set(userIds)].slice(0, MAX_REFRESH_USERS);
  if (ids.length === 0) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb, data }, userIds: ids } };
}
