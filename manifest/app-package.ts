import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamsManifestV1D19 } from '@microsoft/app-manifest';
import { strToU8, zipSync } from 'fflate';
import type { CommandHelp } from '../cards/welcome';
import { buildManifest, ICONS } from './manifest';
import type { PackageSettings } from './settings';
import { manifestProblems } from './validate';

export const ICONS_DIR = join(__dirname, 'icons');

/** Zip entries carry this date, so the same inputs always give the same bytes. */
const FIXED_MTIME = new Date('2024-02-12T00:00:00Z');

export interface AppPackage {
  manifest: TeamsManifestV1D19.TeamsManifestV1D19;
  /** appPackage.zip: manifest.json and the two icons at the top level, as Teams expects. */
  zip: Uint8Array;
}

/** Builds the Teams app package; refuses to build one whose manifest fails the official schema. */
export async function buildAppPackage(settings: PackageSettings, commands: readonly CommandHelp[]): Promise<AppPackage> {
  const manifest = buildManifest(settings, commands);
  const problems = await manifestProblems(manifest);
  if (problems.length > 0) {
    throw new Error(`The Teams manifest does not validate against the v${manifest.manifestVersion} schema:\n  ${problems.join('\n  ')}`);
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
