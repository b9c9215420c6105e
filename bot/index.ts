import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { startBot } from './start';

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
    log.info({ signal }, 'stopping');
    await bot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`NLC bot failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
