import pino from 'pino';

/**
 * Structured JSON logs. Only ids go in: never names, emails or free text people typed,
 * because logs leave the data store's retention and deletion rules behind.
 */
export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'nlc-teams-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that writes nowhere, for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
