import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Heap in use after a full garbage collection: what is really retained, for "memory
 * stays flat" checks. The process need not be started with --expose-gc: the flag is
 * turned on here and a fresh context hands out the function.
 */
export function heapAfterGc(): number {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  return process.memoryUsage().heapUsed;
}
