import { type Broadcast, type Delivery, workLeft } from '../../domain/broadcasts/broadcast';
import { withNote } from '../../domain/broadcasts/sending-options';
import { reportOf } from '../../domain/broadcasts/service';
import { isAbort } from '../../delivery/timer';
import { type RunContext, stopping } from './context';
import { deliver, type Rendition } from './deliver';

/**
 * Everything due for one broadcast, in one job run: read the audience into delivery
 * records (once), then send or update every record that has work due, BROADCAST_CONCURRENCY
 * at a time, keeping the organiser's status card up to date; mark it done when nothing
 * is left. Records waiting for a back-off are left for a later run.
 */
export async function runBroadcast(run: RunContext, queued: Broadcast): Promise<void> {
  const { deps } = run;
  const broadcast = queued.status === 'queued' ? await expand(run, queued) : queued;
  if (!broadcast || stopping(run)) return;
  const id = broadcast.id;
  const ticker = broadcast.statusMessage ? startStatusUpdates(run, id) : undefined;
  /** Records read and not yet finished: a page read meanwhile must not hand them out again. */
  const taken = new Set<string>();
  const tasks = new Set<Promise<void>>();
  let rendition: Rendition | undefined;

  // Read the broadcast again with every page: an edit or a withdrawal made meanwhile
  // raises its revision, and copies from then on show the new one.
  const readPage = async (): Promise<{ rendition: Rendition; items: Delivery[] } | undefined> => {
    const current = await deps.broadcasts.get(id);
    if (!current) return undefined;
    rendition = await renditionFor(run, current, rendition);
    if (!rendition) return undefined;
    const due = await deps.broadcasts.dueDeliveries(id, current.revision, deps.clock.now(), run.timing.pageSize);
    const items = due.filter((d) => !taken.has(d.id));
    items.forEach((d) => taken.add(d.id));
    return { rendition, items };
  };

  let next: ReturnType<typeof readPage> | undefined;
  try {
    let page = await readPage();
    while (page && !stopping(run)) {
      if (page.items.length === 0) {
        if (tasks.size === 0) break;
        await Promise.race(tasks);
        page = await readPage();
        continue;
      }
      next = undefined;
      for (const [i, delivery] of page.items.entries()) {
        if (stopping(run)) break;
        // The next page is read while the second half of this one is sent, so slots never wait for a query.
        if (!next && i >= page.items.length / 2) next = readPage();
        await run.pool.acquire(run.stop);
        startDelivery(run, delivery, page.rendition, { taken, tasks });
      }
      page = await (next ?? readPage());
    }
  } catch (error) {
    if (!isAbort(error)) throw error;
    // Stopping while the next page was being read: its outcome no longer matters, but it must settle.
    await next?.catch((late: unknown) => deps.log.debug({ err: late, broadcastId: id }, 'page read after stop failed'));
  } finally {
    await Promise.all(tasks);
    await ticker?.stop();
  }
  if (!run.stop.aborted) await finish(run, id);
}

/** Sends one copy in the background, holding a slot of the pool until it is done. */
function startDelivery(run: RunContext, delivery: Delivery, rendition: Rendition, inFlight: { taken: Set<string>; tasks: Set<Promise<void>> }): void {
  const task: Promise<void> = deliver(run, delivery, rendition)
    .catch((error: unknown) => run.deps.log.error({ err: error, broadcastId: delivery.broadcastId, deliveryId: delivery.id }, 'broadcast delivery failed'))
    .finally(() => {
      run.pool.release();
      inFlight.taken.delete(delivery.id);
      inFlight.tasks.delete(task);
    });
  inFlight.tasks.add(task);
}

/** The content for the broadcast's current revision, rendered once and reused for every copy. */
async function renditionFor(run: RunContext, broadcast: Broadcast, known: Rendition | undefined): Promise<Rendition | undefined> {
  if (known && known.revision === broadcast.revision) return known;
  const type = run.deps.contents.get(broadcast.content.kind);
  if (!type) {
    run.deps.log.error({ broadcastId: broadcast.id, kind: broadcast.content.kind }, 'broadcast content type unknown to this version');
    return undefined;
  }
  const content = await type.prepare(broadcast.content, broadcast, run.deps);
  if (content.version < broadcast.contentVersion) {
    // This process read the content before its latest change landed: try again next run
    // rather than post an old version as the current one.
    run.deps.log.info({ broadcastId: broadcast.id }, 'broadcast content not yet current here; will retry');
    return undefined;
  }
  if (content.expired) run.deps.log.info({ broadcastId: broadcast.id, reason: content.expired }, 'broadcast content expired; copies not yet sent are dropped');
  return { revision: broadcast.revision, withdrawn: broadcast.withdrawn, content: withNote(content, broadcast.note, broadcast.withdrawn) };
}

/** One delivery record per recipient. Safe to repeat after a crash: records are keyed by conversation. */
async function expand(run: RunContext, broadcast: Broadcast): Promise<Broadcast | undefined> {
  const { deps } = run;
  const type = deps.audiences.get(broadcast.audience.kind);
  if (!type) {
    deps.log.error({ broadcastId: broadcast.id, kind: broadcast.audience.kind }, 'broadcast audience type unknown to this version');
    return undefined;
  }
  const { recipients, unreachable, unreachableWhy } = await type.resolve(broadcast.audience, deps);
  if (stopping(run)) return undefined;
  const added = await deps.broadcasts.addDeliveries(broadcast.id, recipients, deps.clock.now());
  deps.log.info({ broadcastId: broadcast.id, recipients: recipients.length, added, unreachable }, 'broadcast audience read');
  return deps.broadcasts.update(broadcast.id, (current) =>
    current.status === 'queued' ? { ...current, status: 'sending', expandedAt: deps.clock.now().toISOString(), unreachable, ...(unreachableWhy ? { unreachableWhy } : {}) } : undefined,
  );
}

/** Done when nothing is left at the revision we finished (an edit meanwhile means more work). */
async function finish(run: RunContext, id: string): Promise<void> {
  const { deps } = run;
  const broadcast = await deps.broadcasts.get(id);
  if (!broadcast?.expandedAt) return;
  const report = await reportOf(deps, broadcast);
  const done = workLeft(report.counts) === 0;
  await deps.broadcasts.update(id, (current) =>
    current.revision !== broadcast.revision || current.status === 'queued'
      ? undefined
      : {
          ...current,
          counts: report.counts,
          ...(done && current.status === 'sending' ? { status: 'done' as const, finishedAt: deps.clock.now().toISOString() } : {}),
        },
  );
  await postStatus(run, { ...report, broadcast: { ...broadcast, status: done ? 'done' : broadcast.status } });
}

/** Edits the organiser's status card in place; a failure only costs one update. */
async function postStatus(run: RunContext, report: Awaited<ReturnType<typeof reportOf>>): Promise<void> {
  const target = report.broadcast.statusMessage;
  if (!target) return;
  const result = await run.deps.sender.send({ conversation: target.reference, replaces: target.messageId, message: run.deps.renderStatus(report), attempt: 1 }, run.abandon);
  if (result.kind !== 'sent') run.deps.log.warn({ broadcastId: report.broadcast.id, result: result.kind }, 'status card not updated');
}

function startStatusUpdates(run: RunContext, id: string): { stop(): Promise<void> } {
  const done = new AbortController();
  const signal = AbortSignal.any([done.signal, run.stop]);
  const loop = (async () => {
    for (;;) {
      await run.deps.timer.sleep(run.timing.statusEveryMs, signal);
      const broadcast = await run.deps.broadcasts.get(id);
      if (!broadcast) return;
      await postStatus(run, await reportOf(run.deps, broadcast));
    }
  })().catch((error: unknown) => {
    if (!isAbort(error)) run.deps.log.warn({ err: error, broadcastId: id }, 'status updates stopped');
  });
  return {
    stop: async () => {
      done.abort();
      await loop;
    },
  };
}
