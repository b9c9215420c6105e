import type { Container } from '@azure/cosmos';
import type { Clock } from '../../clock';
import type { Lease, Leases } from '../../domain/leases';
import { isStatus } from './errors';

/**
 * Leases container (partition key /id): one document per lease name,
 *   { id: <name>, owner, expiresAt (UTC ISO), acquiredAt }
 * Every change is a replace guarded by the etag we read (or a create, guarded by the id's
 * uniqueness), so of two processes reaching for the same lease exactly one gets it. Expiry
 * is judged by the clock passed in: after a holder dies, anyone may take the lease once
 * `expiresAt` has passed. Holders renew well inside the time to live.
 */
interface LeaseDoc {
  id: string;
  owner: string;
  expiresAt: string;
  acquiredAt: string;
}

const lostRace = (error: unknown): boolean => isStatus(error, 412) || isStatus(error, 409) || isStatus(error, 404);

export function createLeases(container: Container, clock: Clock): Leases {
  const write = async (doc: LeaseDoc, etag: string | undefined): Promise<string | undefined> => {
    try {
      const response = etag
        ? await container.item(doc.id, doc.id).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } })
        : await container.items.create(doc);
      return response.etag;
    } catch (error) {
      if (lostRace(error)) return undefined;
      throw error;
    }
  };

  return {
    acquire: async (name, owner, ttlMs) => {
      const { resource, etag: readEtag } = await container.item(name, name).read<LeaseDoc>();
      const now = clock.now();
      if (resource && resource.owner !== owner && new Date(resource.expiresAt) > now) return undefined;
      const expiry = (): string => new Date(clock.now().getTime() + ttlMs).toISOString();
      let etag = await write({ id: name, owner, expiresAt: expiry(), acquiredAt: now.toISOString() }, resource ? readEtag : undefined);
      if (!etag) return undefined;
      let expiresAt = new Date(clock.now().getTime() + ttlMs);
      let lost = false;
      let renewing: Promise<boolean> | undefined;
      const renew = async (): Promise<boolean> => {
        if (lost) return false;
        const next = new Date(clock.now().getTime() + ttlMs);
        const saved = await write({ id: name, owner, expiresAt: next.toISOString(), acquiredAt: now.toISOString() }, etag);
        if (!saved) {
          lost = true;
          return false;
        }
        etag = saved;
        expiresAt = next;
        return true;
      };
      const lease: Lease = {
        name,
        owner,
        held: () => !lost && clock.now() < expiresAt,
        // One renewal at a time: a second one written with the etag the first is about to
        // replace would fail (412) and take the lease for lost. Asked meanwhile, it shares the first.
        renew: () => {
          renewing ??= renew().finally(() => (renewing = undefined));
          return renewing;
        },
        release: async () => {
          // After a renewal in flight, whose etag the release must carry to be let in.
          await renewing?.catch(() => false);
          if (lost) return;
          lost = true;
          // Expired now rather than deleted: the etag guard still protects a lease that
          // someone else took over in the meantime.
          await write({ id: name, owner, expiresAt: clock.now().toISOString(), acquiredAt: now.toISOString() }, etag);
        },
      };
      return lease;
    },
  };
}
