import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { CommandHelp } from '../cards/welcome';
import { APP_PACKAGE_DIR, commandListProblems, ICONS, MANIFEST_TEMPLATE, renderManifest, type TeamsManifest } from './manifest';
import type { PackageSettings } from './settings';
import { manifestProblems } from './validate';

export const ICONS_DIR = APP_PACKAGE_DIR;

/** Zip entries carry this date, so the same inputs always give the same bytes. */
const FIXED_MTIME = new Date('2024-02-12T00:00:00Z');

export interface AppPackage {
  manifest: TeamsManifest;
  /** appPackage.zip: manifest.json and the two icons at the top level, as Teams expects. */
  zip: Uint8Array;
}

/**
 * Builds the Teams app package from manifest/manifest.json; refuses one whose command
 * menu is not the bot's own, or whose manifest fails the official schema.
 */
export async function buildAppPackage(settings: PackageSettings, commands: readonly CommandHelp[]): Promise<AppPackage> {
  const manifest = renderManifest(readFileSync(MANIFEST_TEMPLATE, 'utf8'), settings);
  const problems = [...commandListProblems(manifest, commands), ...(await manifestProblems(manifest))];
  if (problems.length > 0) {
    throw new Error(`The Teams manifest is not fit to upload (schema v${manifest.manifestVersion}):\n  ${problems.join('\n  ')}`);
  }
  const zip = zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      [ICONS.color]: readFileSync(join(ICONS_DIR, ICONS.color)),
      [ICONS.outline]: readFileSync(join(ICONS_DIR, ICONS.outline)),
    },
    { level: 9, mtime: FIXED_MTIME },
  );
  return { manifest, zip };
}
