import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import fs, { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { openStore } from '../../bot/data/store';
import { freePort, ROOT, startBotProcess, type BotProcess } from '../helpers/bot-process';

const SNAPSHOT = 'embedded-cosmos.json';
const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** Starts the bot on `dataDir` and waits for it to exit by itself (it should refuse). */
function startExpectingRefusal(dataDir: string, port: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--disable-warning=DEP0111', '--require', 'tsx/cjs', 'bot/index.ts'],
      { cwd: ROOT, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, timeout: 30_000 },
      (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
    );
  });
}

/**
 * The embedded mode's data folder (DATA_DIR) holds everyone's answers and bookings: its
 * snapshot is the owner's alone, survives a power cut whole, and is never shared by two
 * running bots (each would overwrite the other's changes with its own snapshot).
 */
describe('the local data folder (DATA_DIR)', function () {
  this.timeout(90_000);
  let dataDir: string;
  const bots: BotProcess[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'nlc-data-dir-'));
  });
  afterEach(async () => {
    sinon.restore();
    await Promise.all(bots.splice(0).map((bot) => bot.stop('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const saveOnce = async (): Promise<void> => {
    const store = await openStore({ mode: 'embedded', database: 'nlc', dataDir, saveIntervalMs: 60_000 });
    try {
      await store.cosmos.containers.events.items.create({ id: `e-${Date.now()}`, eventId: `e-${Date.now()}`, type: 'test' });
    } finally {
      await store.close();
    }
  };

  it('when the embedded store saves its snapshot, then only its owner may read or write it (0600), a snapshot left readable included', async () => {
    await saveOnce();
    assert.equal(modeOf(join(dataDir, SNAPSHOT)).toString(8), '600');
    chmodSync(join(dataDir, SNAPSHOT), 0o644);
    await saveOnce();
    assert.equal(modeOf(join(dataDir, SNAPSHOT)).toString(8), '600');
  });

  it('when the embedded store saves and starts again, then the snapshot holds each container\'s documents as a query gives them, and the next start holds the same', async () => {
    const withoutSystemFields = ({ _rid, _self, _etag, _attachments, _ts, ...doc }: Record<string, unknown>) => doc;
    const everything = async (store: Awaited<ReturnType<typeof openStore>>) =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(store.cosmos.containers).map(async ([name, c]) => [name, (await c.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll()).resources.map(withoutSystemFields)] as const),
        ),
      );
    const first = await openStore({ mode: 'embedded', database: 'nlc', dataDir, saveIntervalMs: 60_000 });
    const { events, taskGroups } = first.cosmos.containers;
    for (let i = 0; i < 30; i++) await events.items.create({ id: `rsvp:${i}`, eventId: `e-${i % 4}`, type: 'rsvp', nested: { n: i, list: [i, 'x'] } });
    await events.items.upsert({ id: 'rsvp:3', eventId: 'e-3', type: 'rsvp', nested: { n: 'changed' } });
    await events.item('rsvp:5', 'e-1').delete();
    await taskGroups.items.create({ id: 'group', groupId: 'tg1', type: 'group' });
    const before = await everything(first);
    await first.close();
    const saved = JSON.parse(readFileSync(join(dataDir, SNAPSHOT), 'utf8')) as { databases: { containers: { id: string; docs: unknown[] }[] }[] };
    assert.deepEqual(saved.databases[0]!.containers.find((c) => c.id === 'events')!.docs, before.events);
    const second = await openStore({ mode: 'embedded', database: 'nlc', dataDir, saveIntervalMs: 60_000 });
    try {
      assert.equal(second.cosmos.restored, 30);
      // A restored document gets a new _rid, so the order of an unordered query may change.
      const byId = (docs: Record<string, unknown>[]) => [...docs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      const after = await everything(second);
      for (const name of Object.keys(before)) assert.deepEqual(byId(after[name]!), byId(before[name]!), name);
    } finally {
      await second.close();
    }
  });

  it('when a snapshot is written, then its contents reach the disk (fsync) before it replaces the old one, and the folder entry after', async () => {
    const { writeFileDurably } = await import('../../bot/data/cosmos/snapshot-file.js');
    const calls: string[] = [];
    const fdNames = new Map<number, string>();
    const open = fs.openSync.bind(fs);
    sinon.stub(fs, 'openSync').callsFake((path: fs.PathLike, ...rest: unknown[]) => {
      const fd = (open as (...args: unknown[]) => number)(path, ...rest);
      fdNames.set(fd, String(path) === dataDir ? 'folder' : 'file');
      return fd;
    });
    sinon.stub(fs, 'fsyncSync').callsFake((fd: number) => void calls.push(`fsync ${fdNames.get(fd) ?? fd}`));
    const rename = fs.renameSync.bind(fs);
    sinon.stub(fs, 'renameSync').callsFake((from: fs.PathLike, to: fs.PathLike) => {
      calls.push('rename');
      rename(from, to);
    });
    writeFileDurably(join(dataDir, SNAPSHOT), '{"version":1}');
    assert.deepEqual(calls, ['fsync file', 'rename', 'fsync folder']);
    assert.equal(readFileSync(join(dataDir, SNAPSHOT), 'utf8'), '{"version":1}');
    assert.equal(modeOf(join(dataDir, SNAPSHOT)).toString(8), '600');
  });

  it('when a second bot starts on a DATA_DIR another bot is using, then it refuses to start and says which process holds it; once that one stops, it starts', async () => {
    const first = await startBotProcess({ DATA_DIR: dataDir });
    bots.push(first);
    const refused = await startExpectingRefusal(dataDir, await freePort());
    assert.equal(refused.code, 1, 'the second bot did not start');
    assert.match(refused.stderr, new RegExp(`DATA_DIR ${dataDir.replace(/[/\\.]/g, '\\$&')} is in use by another NLC bot \\(process ${first.child.pid}`));
    assert.doesNotMatch(refused.stderr, /\bat .+\.[jt]s:\d+/, 'a message, not a stack trace');

    await first.stop('SIGTERM');
    assert.ok(!existsSync(join(dataDir, 'embedded-cosmos.lock')), 'the lock is released on a normal stop');
    bots.push(await startBotProcess({ DATA_DIR: dataDir }));
  });

  it('when the bot holding DATA_DIR was killed (kill -9), then the next start takes the folder over', async () => {
    const first = await startBotProcess({ DATA_DIR: dataDir });
    await first.stop('SIGKILL');
    bots.push(await startBotProcess({ DATA_DIR: dataDir }));
  });
});
