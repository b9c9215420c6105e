import pino from 'pino';
import SonicBoom from 'sonic-boom';

/**
 * Structured JSON logs. Only ids go in: never names, emails or free text people typed,
 * because logs leave the data store's retention and deletion rules behind.
 */
export type Logger = pino.Logger;

const options: pino.LoggerOptions = {
  base: { service: 'nlc-teams-bot' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
};

/** How long the last lines may wait for a stalled log reader at exit: the bot must stop within 10 s. */
const EXIT_FLUSH_MS = 1000;
/** Lines held for a reader that is behind; past this, new lines are dropped rather than the bot's memory. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * The process logger, writing to stdout through a small buffer: one write per 4 KB of
 * lines instead of one system call per turn (a measurable share of a busy bot's time).
 * The buffer is flushed every second, so a quiet bot's lines still appear promptly, and
 * synchronously when the process exits.
 *
 * Whatever reads stdout can go away (EPIPE) or stop reading (the pipe fills: EAGAIN); the
 * bot must still stop when told. sonic-boom 5 is used directly (pino 10's own is 4.x,
 * whose flushSync retries a broken pipe for ever, so the exit flush hung): a gone reader
 * ends the logging, and at exit a stalled one is waited for at most EXIT_FLUSH_MS.
 */
export function createLogger(level: string): Logger {
  let exitBy = Number.POSITIVE_INFINITY;
  const destination = new SonicBoom({
    fd: 1,
    sync: false,
    minLength: 4096,
    maxLength: MAX_BUFFERED_BYTES,
    retryEAGAIN: () => Date.now() < exitBy,
  });
  let gone = false;
  destination.on('error', () => {
    // The reader is gone (or stalled past the exit deadline): nothing more can be said on
    // stdout, so stop buffering lines no one will read.
    gone = true;
    destination.write = () => true;
  });
  setInterval(() => {
    if (!gone) destination.flush();
  }, 1000).unref();
  process.once('exit', () => {
    if (gone) return;
    exitBy = Date.now() + EXIT_FLUSH_MS;
    try {
      destination.flushSync();
    } catch {
      // Exiting already: a reader that is gone or stalled cannot be told anything more.
      gone = true;
    }
  });
  return pino({ ...options, level }, destination);
}

/** A logger writing to a stream of the caller's choice (tests that read log lines). */
export const streamLogger = (level: string, stream: pino.DestinationStream): Logger => pino({ ...options, level }, stream);

/** A logger that writes nowhere, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
