import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root: child processes run from here. */
export const ROOT = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface NodeProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far (when started with stderr 'pipe'). */
  stderr(): string;
  /** Sends a signal (SIGTERM unless told) and waits for the process to be gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface NodeProcessOptions {
  /** Node's arguments: flags, then the script. */
  args: string[];
  env: Record<string, string>;
  /** The port it is told to listen on (PORT); a free one when absent. */
  port?: number;
  readyPath?: string;
  stderr?: 'pipe' | 'inherit' | 'ignore';
}

/**
 * A Node process with an HTTP server (the bot, from source or built), started with PORT
 * set and ready once `readyPath` answers 200. Tests that must kill the bot for real
 * (kill -9) and benchmarks that load it from outside both start it here.
 */
export async function startNodeProcess(options: NodeProcessOptions): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...options.args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', options.stderr ?? 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  const script = options.args.at(-1) ?? 'node';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}): ${stderr}`);
    // A refused connection just means "not listening yet".
    const ready = await fetch(`${url}${options.readyPath ?? '/healthz'}`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not become ready: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      // Killed by a signal, a process has no exit code; either way it will not exit again.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

export type BotProcess = NodeProcess;

/**
 * The bot as its own process, from source, as `npm run dev` runs it: for tests that must
 * kill it for real (kill -9) and start it again on the same data.
 */
export const startBotProcess = (env: Record<string, string>): Promise<BotProcess> =>
  startNodeProcess({ args: ['--require', 'tsx/cjs', 'bot/index.ts'], env: { LOG_LEVEL: 'warn', ...env } });

export interface StoreProcess {
  /** Where a bot reaches it (COSMOS_ENDPOINT, with the embedded key). */
  endpoint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The embedded Cosmos server in a process of its own (bench/cosmos-server.js), so its
 * data outlives a bot that is killed: as Azure Cosmos DB outlives the bot in production.
 */
export async function startStoreProcess(): Promise<StoreProcess> {
  const port = await freePort();
  const child = fork(join(ROOT, 'bench', 'cosmos-server.js'), [], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await once(child, 'message');
  return {
    endpoint: `https://127.0.0.1:${port}`,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs one activity to a bot process. */
export async function postActivity(url: string, activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
