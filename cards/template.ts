import { Template } from 'adaptivecards-templating';

/** An expanded Adaptive Card, ready to send as an attachment or invoke response. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  refresh?: { action: ExecuteAction; userIds: string[] };
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
 * Wraps one template so each card has a typed render function. The Template is built
 * once per file, not per card: expansion is then a few tens of microseconds.
 */
export function cardTemplate<TData extends object>(json: object): (data: TData) => AdaptiveCardJson {
  const template = new Template(json);
  return (data) => template.expand({ $root: data }) as AdaptiveCardJson;
}

/**
 * Adds the Universal Actions refresh block: Teams calls `verb` for each listed user when
 * they look at the card, so each sees their own view. Kept in code, not in the JSON,
 * because it is protocol rather than layout.
 */
export function withRefresh(
  card: AdaptiveCardJson,
  verb: string,
  data: Record<string, unknown>,
  userIds: readonly string[],
): AdaptiveCardJson {
  const ids = [...new Set(userIds)].slice(0, MAX_REFRESH_USERS);
  if (ids.length === 0) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb, data }, userIds: ids } };
}
