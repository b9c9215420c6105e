import { ConfigError, loadConfig } from './config';
import { DataDirInUseError } from './data/cosmos/data-dir-lock';
import { createLogger } from './log';
import { startBot } from './start';

/** Stop within 10 s of being told, whatever is stuck; the log gets up to a second more at exit (log.ts). */
const SHUTDOWN_DEADLINE_MS = 8000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Before the logger exists; one readable message naming every bad key.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const bot = await startBot(config, { log });
  log.info(
    { url: `${bot.url}/api/messages`, store: bot.store.mode, auth: config.bot.appId ? 'bot framework token required' : 'local mode, no token' },
    'NLC bot listening',
  );

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // App Service (and any process manager) kills what has not stopped soon after SIGTERM:
    // a close that hangs (a job stuck on the store) must not make that the way we end.
    setTimeout(() => {
      log.error({ signal, afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting without finishing it');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    log.info({ signal }, 'stopping');
    await bot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    // Not a fault to debug: the message says what to do.
    process.stderr.write(`NLC bot not started: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`NLC bot failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
