import { strict as assert } from 'node:assert';
import { coalesce } from '../../../bot/data/cosmos/coalesce';

/** A query whose answers the test releases by hand, recording when each one started. */
function controllableQuery() {
  const started: { key: string; release: (value: number) => void; fail: (error: Error) => void }[] = [];
  const query = (key: string) =>
    new Promise<number>((resolve, reject) => {
      started.push({ key, release: resolve, fail: reject });
    });
  return { query, started };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('coalesce (shared reads)', () => {
  it('when several callers ask at once, then at most two queries serve them all, the later ones sharing the second', async () => {
    const { query, started } = controllableQuery();
    const read = coalesce(query);
    const answers = [read('e1'), read('e1'), read('e1')];
    await tick();
    // The 2nd and 3rd callers queue behind the running query (it might predate their
    // writes), so a second query serves them; the first is alone on the first query.
    assert.equal(started.length, 1);
    started[0]!.release(1);
    await tick();
    assert.equal(started.length, 2);
    started[1]!.release(2);
    assert.deepEqual(await Promise.all(answers), [1, 2, 2]);
  });

  it('when a caller arrives while a query runs, then it gets the result of a query that started after it', async () => {
    const { query, started } = controllableQuery();
    const read = coalesce(query);
    const first = read('e1');
    await tick();
    const late = read('e1');
    started[0]!.release(10);
    assert.equal(await first, 10);
    await tick();
    assert.equal(started.length, 2, 'a fresh query started for the late caller');
    started[1]!.release(11);
    assert.equal(await late, 11);
  });

  it('when keys differ, then their queries run independently', async () => {
    const { query, started } = controllableQuery();
    const read = coalesce(query);
    const a = read('a');
    const b = read('b');
    await tick();
    assert.deepEqual(started.map((s) => s.key), ['a', 'b']);
    started[1]!.release(2);
    started[0]!.release(1);
    assert.deepEqual(await Promise.all([a, b]), [1, 2]);
  });

  it('when the running query fails, then its callers see the error and queued callers get their own query', async () => {
    const { query, started } = controllableQuery();
    const read = coalesce(query);
    const first = read('e1');
    await tick();
    const queued = read('e1');
    started[0]!.fail(new Error('busy'));
    await assert.rejects(first, /busy/);
    await tick();
    started[1]!.release(7);
    assert.equal(await queued, 7);
  });

  it('when reuse is allowed, then a recent result is handed out until it is older than the limit or forgotten', async () => {
    let now = 1000;
    let calls = 0;
    const read = coalesce((key: string) => Promise.resolve(`${key}#${++calls}`), { reuseForMs: 250, now: () => now });
    assert.equal(await read('e1'), 'e1#1');
    now += 250;
    assert.equal(await read('e1'), 'e1#1');
    now += 1;
    assert.equal(await read('e1'), 'e1#2');
    read.forget('e1');
    assert.equal(await read('e1'), 'e1#3');
  });
});
