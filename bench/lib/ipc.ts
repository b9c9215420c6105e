import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from './processes';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process speaking the small IPC protocol of bench/cosmos-server.js and bench/lib/connector-server.ts. */
export async function forkServer(script: string, env: Record<string, string>, execArgv: string[] = []): Promise<{ child: ChildProcess; first: unknown }> {
  const child = fork(script, [], { cwd: ROOT, env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [first] = (await once(child, 'message')) as [unknown];
  return { child, first };
}

export function ask<T>(child: ChildProcess, message: object, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (reply: { type?: string }): void => {
      if (reply.type !== type) return;
      child.off('message', onMessage);
      resolve(reply as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), sleep(5000).then(() => child.kill('SIGKILL'))]);
}

