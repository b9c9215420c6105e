import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { MANIFEST_VERSION } from './manifest';

/**
 * The official Teams manifest JSON schema for MANIFEST_VERSION, as @microsoft/app-manifest
 * bundles it. Read from disk and passed in, so validation never goes to the network.
 */
export function bundledManifestSchema(): object {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(root, 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

/** Every schema violation in `manifest` (empty when it validates). */
export function manifestProblems(manifest: object): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, bundledManifestSchema() as never);
}
