import { strict as assert } from 'node:assert';
import { groupCommit } from '../../../bot/data/cosmos/group-commit';

interface Write {
  id: string;
  value: number;
}

function recordingCommit() {
  const batches: { key: string; items: Write[]; release: () => void; fail: (e: Error) => void }[] = [];
  const commit = (key: string, items: Write[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push({ key, items, release: resolve, fail: reject });
    });
  return { commit, batches };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit (batched writes)', () => {
  it('when one write arrives alone, then it is sent at once, on its own', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 100, idOf: (w: Write) => w.id });
    const done = write('e1', { id: 'a', value: 1 });
    await tick();
    assert.deepEqual(batches.map((b) => b.items), [[{ id: 'a', value: 1 }]]);
    batches[0]!.release();
    await done;
  });

  it('when writes arrive while one is in flight, then they go together in the next batch, the latest per id winning', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 100, idOf: (w: Write) => w.id });
    const first = write('e1', { id: 'a', value: 1 });
    await tick();
    const queued = [write('e1', { id: 'b', value: 2 }), write('e1', { id: 'c', value: 3 }), write('e1', { id: 'b', value: 4 })];
    let settled = false;
    void Promise.all(queued).then(() => (settled = true));
    batches[0]!.release();
    await first;
    await tick();
    assert.equal(batches.length, 2);
    assert.deepEqual(batches[1]!.items, [{ id: 'b', value: 4 }, { id: 'c', value: 3 }]);
    assert.equal(settled, false, 'no caller is told "done" before its batch is committed');
    batches[1]!.release();
    await Promise.all(queued);
  });

  it('when more writes queue than a batch holds, then they are split into batches of at most maxBatch', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 2, idOf: (w: Write) => w.id });
    const all = [write('e1', { id: 'x', value: 0 })];
    await tick();
    all.push(...['a', 'b', 'c', 'd', 'e'].map((id, i) => write('e1', { id, value: i })));
    for (let i = 0; i < 4; i++) {
      batches[i]!.release();
      await tick();
      await tick();
    }
    await Promise.all(all);
    assert.deepEqual(batches.map((b) => b.items.length), [1, 2, 2, 1]);
  });

  it('when a batch fails, then exactly its writers see the error and later writes still go through', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 100, idOf: (w: Write) => w.id });
    const first = write('e1', { id: 'a', value: 1 });
    await tick();
    const second = write('e1', { id: 'b', value: 2 });
    batches[0]!.fail(new Error('throttled'));
    await assert.rejects(first, /throttled/);
    await tick();
    batches[1]!.release();
    await second;
  });

  it('when writes are for different keys, then they are never put in the same batch', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 100, idOf: (w: Write) => w.id });
    const writes = [write('e1', { id: 'a', value: 1 }), write('e2', { id: 'a', value: 2 })];
    await tick();
    assert.deepEqual(batches.map((b) => b.key), ['e1', 'e2']);
    batches.forEach((b) => b.release());
    await Promise.all(writes);
  });

  it('when commit returns a result per item and there is no id to merge on, then every caller gets the result for its own item, in arrival order', async () => {
    const seen: string[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const decide = groupCommit(
      async (_key: string, items: string[]) => {
        seen.push(items);
        await gate;
        return items.map((item, i) => `${item}#${i}`);
      },
      { maxBatch: 100 },
    );
    const first = decide('w1', 'a');
    await tick();
    const later = ['b', 'a', 'c'].map((item) => decide('w1', item));
    release();
    assert.equal(await first, 'a#0');
    assert.deepEqual(await Promise.all(later), ['b#0', 'a#1', 'c#2']);
    assert.deepEqual(seen, [['a'], ['b', 'a', 'c']], 'repeats are kept: each request is decided on its own');
  });

  it('when gathering is asked for and writes keep arriving over several turns of the event loop, then they go together in one commit', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 100, gatherRounds: 8 });
    const later: Promise<void>[] = [];
    // Arrivals in the next two turns of the loop, as requests of a burst are read.
    setImmediate(() => {
      later.push(write('e1', { id: 'b', value: 2 }));
      setImmediate(() => later.push(write('e1', { id: 'c', value: 3 })));
    });
    const first = write('e1', { id: 'a', value: 1 });
    while (batches.length === 0) await tick();
    assert.deepEqual(batches[0]!.items.map((w) => w.id), ['a', 'b', 'c']);
    batches[0]!.release();
    await Promise.all([first, ...later]);
    assert.equal(batches.length, 1);
  });

  it('when gathering is asked for and a write arrives alone, then it is sent after one turn of the loop, with no timer', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 100, gatherRounds: 64 });
    const done = write('e1', { id: 'a', value: 1 });
    await tick();
    await tick();
    assert.deepEqual(batches.map((b) => b.items.map((w) => w.id)), [['a']]);
    batches[0]!.release();
    await done;
  });

  it('when gathering is asked for, then no more than gatherRounds turns are waited, however long writes keep arriving', async () => {
    const { commit, batches } = recordingCommit();
    const write = groupCommit(commit, { maxBatch: 1000, gatherRounds: 3 });
    let arriving = true;
    const all: Promise<void>[] = [];
    const arrive = (n: number): void => {
      if (!arriving) return;
      all.push(write('e1', { id: `w${n}`, value: n }));
      setImmediate(() => arrive(n + 1));
    };
    arrive(0);
    while (batches.length === 0) await tick();
    arriving = false;
    assert.ok(batches[0]!.items.length <= 5, `the first commit went after at most 3 turns (${batches[0]!.items.length} writes in it)`);
    batches[0]!.release();
    while (batches.length < 2) await tick();
    batches[1]!.release();
    await Promise.all(all);
  });
});
