import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) a process has used so far, from Linux /proc (clock ticks
 * of 10 ms). With `mainThread`, only the thread running JavaScript's event loop (whose
 * id is the process id): what bounds a Node server's rate, without the embedded Cosmos
 * worker thread or libuv's pool beside it. On a shared machine a busy neighbour takes
 * rate away, not CPU time, so ratios of CPU time are the steadier figure.
 */
export function cpuMsOf(pid: number | undefined, options: { mainThread?: boolean } = {}): number {
  const path = options.mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
  // utime and stime are the 14th and 15th fields: the 12th and 13th after "(command) ".
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
