import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Sends a signal and waits for the process to be gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The bot as its own process, from source, as `npm run dev` runs it: for tests that must
 * kill it for real (kill -9) and start it again on the same data.
 */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--require', 'tsx/cjs', 'bot/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited (${child.exitCode}): ${stderr}`);
    // A refused connection just means "not listening yet".
    const ready = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`bot did not become ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
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
