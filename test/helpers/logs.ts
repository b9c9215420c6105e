import { Writable } from 'node:stream';
import { type Logger, streamLogger } from '../../bot/log';

/** A real pino logger whose JSON lines a test can read back (e.g. "no turn was logged"). */
export function collectingLogger(level = 'info'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: streamLogger(level, sink), lines };
}
