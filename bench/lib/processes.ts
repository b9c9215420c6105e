import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface Started {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a Node script as its own process and waits until `readyPath` answers 200. */
export async function startNodeProcess(
  script: string,
  env: Record<string, string>,
  port: number,
  readyPath = '/healthz',
  stderr: 'inherit' | 'ignore' = 'inherit',
): Promise<Started> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), script], {
    cwd: ROOT,
    // A fresh data directory per run: a benchmark must not start from the last one's data.
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'nlc-bench-')), ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', stderr],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    // A refused connection just means "not listening yet".
    const ready = await fetch(`${url}${readyPath}`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${script} did not become ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: async (signal = 'SIGTERM') => {
      // Killed by a signal, a process has no exit code; either way it will not exit again.
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await once(child, 'exit');
    },
  };
}
