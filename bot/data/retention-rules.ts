import type { ContainerName } from './containers';

/**
 * How long each kind of document is kept, one rule per (container, document type): the
 * table the retention job (retention-store.ts) works from and the tests check against
 * infra/ and against what the bot writes. A new container or document type gets a rule
 * here, or those tests fail. Every rule holding personal data is reached on its own, by
 * Cosmos TTL in Azure or by the job everywhere (the embedded server has no TTL), never
 * only through another document that Cosmos may have removed first.
 */
export interface RetentionRule {
  container: ContainerName;
  /** The documents' `type` field; '*' for a container whose documents carry none. */
  type: string;
  /** Holds something about a person: an Entra id, a name, what they wrote, answered or need. */
  personal: boolean;
  /** Cosmos TTL in Azure: stamped on each document, the container's default, or none. */
  ttl: 'item' | 'container' | 'none';
  /** When the retention job removes it, found by itself: a WHERE clause (@before: RETENTION_DAYS ago; @now). */
  due?: string;
  /** What the job does to it once the person it is about has been gone RETENTION_DAYS (their personal chat with the bot removed). */
  whenPersonGone?: 'delete' | 'strip';
  /** Removed by the job with this main document of its partition, which the job removes last. */
  removedWith?: string;
  /** Why it stays, when nothing removes it. */
  kept?: string;
}

export const RETENTION_RULES: readonly RetentionRule[] = [
  { container: 'events', type: 'event', personal: false, ttl: 'item', due: 'c.endsAt < @before' },
  { container: 'events', type: 'rsvp', personal: true, ttl: 'item', due: 'c.eventEndsAt < @before', removedWith: 'event' },
  { container: 'events', type: 'ledger', personal: true, ttl: 'item', due: 'c.eventEndsAt < @before' },
  { container: 'events', type: 'bookingReminder', personal: true, ttl: 'item', due: 'c.eventEndsAt < @before', removedWith: 'event' },
  { container: 'events', type: 'export', personal: true, ttl: 'item', due: 'c.expiresAt < @now' },
  { container: 'conversations', type: 'conversation', personal: true, ttl: 'none', due: 'c.active = false AND c.removedAt < @before' },
  { container: 'conversations', type: 'reach', personal: true, ttl: 'none', due: 'c.at < @before' },
  {
    container: 'taskGroups',
    type: 'group',
    personal: true,
    ttl: 'none',
    whenPersonGone: 'strip',
    kept: 'while the NLC runs the group; a lead gone RETENTION_DAYS, or who asks to be forgotten, is taken off it',
  },
  { container: 'taskGroups', type: 'member', personal: true, ttl: 'none', whenPersonGone: 'delete' },
  { container: 'taskGroups', type: 'call', personal: true, ttl: 'none', due: 'c.closesAt < @before' },
  { container: 'taskGroups', type: 'contribution', personal: true, ttl: 'none', removedWith: 'call' },
  { container: 'taskGroups', type: 'export', personal: true, ttl: 'item', due: 'c.expiresAt < @now' },
  { container: 'broadcasts', type: 'broadcast', personal: true, ttl: 'container', due: "c.createdAt < @before AND c.status != 'sending' AND c.status != 'queued'" },
  { container: 'broadcasts', type: 'delivery', personal: true, ttl: 'container', removedWith: 'broadcast' },
  // An open offer has no closing date: it goes RETENTION_DAYS after an organiser withdraws it.
  { container: 'deadlines', type: 'deadline', personal: false, ttl: 'none', due: "c.closesAt < @before OR (c.status = 'cancelled' AND c.withdrawnAt < @before)" },
  { container: 'deadlines', type: 'follow', personal: true, ttl: 'none', removedWith: 'deadline' },
  { container: 'leases', type: '*', personal: false, ttl: 'none', kept: 'one small document per named job, overwritten by whoever holds it' },
  { container: 'reminders', type: '*', personal: false, ttl: 'none', kept: 'removed by the job with its event or deadline' },
  // An organiser added through the bot: kept while they are one; a removal is kept RETENTION_DAYS (who removed them, when).
  { container: 'roles', type: 'organiser', personal: true, ttl: 'none', due: 'c.active = false AND c.removedAt < @before', whenPersonGone: 'delete' },
  { container: 'rosters', type: 'roster', personal: false, ttl: 'none', due: "c.status = 'removing' AND c.removedAt < @before" },
  {
    container: 'rosters',
    type: 'member',
    personal: true,
    ttl: 'none',
    removedWith: 'roster',
    kept: 'while the person is in a team or group chat the bot is in: removed when they leave it, when the bot is removed from it (by the rosters job), or on "forget me"',
  },
];

export function ruleFor(container: ContainerName, type: string): RetentionRule {
  const rule = RETENTION_RULES.find((r) => r.container === container && r.type === type);
  if (!rule) throw new Error(`no retention rule for ${container}/${type}`);
  return rule;
}

/** Main documents: the job removes the documents that go with each, then it (see retention-store.ts). */
export const isMain = (rule: RetentionRule): boolean => RETENTION_RULES.some((r) => r.container === rule.container && r.removedWith === rule.type);
