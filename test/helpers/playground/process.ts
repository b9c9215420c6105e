import type { ChildProcess } from 'node:child_process';

interface Launcher {
  writePlaygroundConfig(dir: string): string;
  playgroundCommand(options: { botEndpoint: string; port: number; configPath: string; logPath: string }): {
    command: string;
    args: string[];
    env: NodeJS.ProcessEnv;
  };
}
// scripts/playground.js is plain JS so `npm run playground` needs no build; sharing it
// gives people and tests the same flags and the same Teams context.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const launcher = require('../../../scripts/playground.js') as Launcher;

/** The port from "Listening on <port>": it differs from -p when that port was taken. */
export function readPort(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`not listening after ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (): void => {
      const match = /Listening on (\d+)/.exec(output());
      if (!match) return;
      finish();
      resolve(Number(match[1]));
    };
    const onExit = (code: number | null, signal: string | null): void => {
      finish();
      reject(new Error(`the CLI exited with ${code ?? signal}`));
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    child.once('error', (error) => {
      finish();
      reject(error);
    });
  });
}

export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
