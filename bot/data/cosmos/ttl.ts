/**
 * Cosmos TTL: in Azure, with TTL on for the container (infra/), Cosmos removes a document
 * itself once its `ttl` (seconds since its last write) has passed. Stores stamp it only
 * when given RETENTION_DAYS (Azure); the retention job (bot/jobs/retention.ts) removes the
 * same documents in code everywhere, since the embedded server has no TTL.
 */
export interface TtlOptions {
  /** Set in Azure only: documents carry a Cosmos TTL. */
  retentionDays?: number;
}

/**
 * Seconds from now until `days` after `until`: Cosmos counts an item's TTL from its last
 * write, so it is worked out at each write.
 */
export function ttlUntil(until: string, days: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((new Date(until).getTime() + days * 86_400_000 - now) / 1000));
}

/** The `ttl` field of a document kept `days` after `until`: none outside Azure, or without an `until`. */
export const ttlAfter = (options: TtlOptions, until: string | undefined, days: number): { ttl?: number } =>
  options.retentionDays && until ? { ttl: ttlUntil(until, days) } : {};
