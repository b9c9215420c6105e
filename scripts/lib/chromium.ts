import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium chromium-l10n`); playwright-core downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium for rendering pictures (icons, the card gallery). The flags keep it
 * off the network: this machine has none, and Chromium's background services would
 * otherwise keep trying. It runs in British English, so date and time inputs read
 * 29/04/2024 and 09:00; Debian's chromium needs chromium-l10n for that (without it the
 * browser falls back to American English, and test/cards/gallery-render.test.ts says so).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install chromium chromium-l10n\` (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    args: ['--headless', '--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
