import { strict as assert } from 'node:assert';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestMessage, personalChat, testUser } from '../helpers/activities';
import { freePort, postActivity, ROOT } from '../helpers/bot-process';
import { startConnector, type StandInConnector } from '../helpers/connector';

const SHUTDOWN_LIMIT_MS = 10_000;

interface Bot {
  child: ChildProcess;
  url: string;
  dataDir: string;
}

/**
 * The bot as `npm run dev` runs it, its log (stdout) piped to this test as to a log
 * reader, its data kept in a directory of its own. Ready once it logged that it listens
 * and its jobs have had time to start.
 */
async function startPipedBot(): Promise<Bot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nlc-shutdown-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--require', 'tsx/cjs', 'bot/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATA_SAVE_SECONDS: '1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let log = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('NLC bot listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it listened`)));
  });
  await listening;
  // The jobs start as it listens; give them a run, and a snapshot a save.
  await new Promise((r) => setTimeout(r, 2500));
  return { child, url: `http://127.0.0.1:${port}`, dataDir };
}

/** SIGTERM, then how long until the process was gone (or undefined if it was not, after the limit). */
async function terminate(child: ChildProcess): Promise<{ ms?: number; code: number | null }> {
  const started = Date.now();
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), SHUTDOWN_LIMIT_MS + 2000));
  const outcome = await Promise.race([exited, timer]);
  if (outcome === 'late') {
    child.kill('SIGKILL');
    await exited;
    return { code: null };
  }
  return { ms: Date.now() - started, code: child.exitCode };
}

/**
 * App Service and every process manager send SIGTERM before a restart, and the bot's log
 * goes to whatever reads its stdout. Whether that reader is gone or stuck, shutdown must
 * finish (data saved) within 10 s.
 */
describe('shutdown whatever happened to the log reader', () => {
  let connector: StandInConnector;
  let bot: Bot | undefined;

  before(async () => {
    connector = await startConnector();
  });
  after(async () => {
    await connector.close();
  });
  afterEach(() => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    if (bot) rmSync(bot.dataDir, { recursive: true, force: true });
    bot = undefined;
  });

  it('when the log reader has gone after the jobs started, then SIGTERM stops the bot within 10 s and its data is saved', async function () {
    this.timeout(60_000);
    bot = await startPipedBot();
    bot.child.stdout!.destroy();
    const { ms, code } = await terminate(bot.child);
    assert.ok(ms !== undefined && ms < SHUTDOWN_LIMIT_MS, `still running ${SHUTDOWN_LIMIT_MS + 2000} ms after SIGTERM`);
    assert.equal(code, 0);
    assert.ok(existsSync(join(bot.dataDir, 'embedded-cosmos.json')), 'the data was saved');
  });

  it('when the log reader has stopped reading and the pipe is full, then SIGTERM still stops the bot within 10 s', async function () {
    this.timeout(90_000);
    bot = await startPipedBot();
    bot.child.stdout!.pause();
    // Every turn logs a line: enough of them to fill the pipe and the reader's buffer.
    const alice = testUser(1);
    const chat = personalChat(alice);
    for (let i = 0; i < 60; i++) {
      await Promise.all(Array.from({ length: 20 }, () => postActivity(bot!.url, createTestMessage(connector.serviceUrl, chat, alice, 'help'))));
    }
    const { ms, code } = await terminate(bot.child);
    assert.ok(ms !== undefined && ms < SHUTDOWN_LIMIT_MS, `still running ${SHUTDOWN_LIMIT_MS + 2000} ms after SIGTERM`);
    assert.equal(code, 0);
  });
});
