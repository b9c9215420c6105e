import pino from 'pino';

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

/**
 * The process logger, writing to stdout through a small buffer: one write per 4 KB of
 * lines instead of one system call per turn (a measurable share of a busy bot's time).
 * The buffer is flushed every second, so a quiet bot's lines still appear promptly, and
 * synchronously when the process exits.
 */
export function createLogger(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), 1000).unref();
  process.once('exit', () => destination.flushSync());
  return pino({ ...options, level }, destination);
}

/** A logger writing to a stream of the caller's choice (tests that read log lines). */
export const streamLogger = (level: string, stream: pino.DestinationStream): Logger => pino({ ...options, level }, stream);

/** A logger that writes nowhere, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
