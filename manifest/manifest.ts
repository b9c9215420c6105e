import { join } from 'node:path';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import type { CommandHelp } from '../cards/welcome';

export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

/**
 * manifest/ holds the Teams app: the manifest template, its two icons and the code that
 * packages them. The Agents Toolkit's template calls this folder appPackage/; ours is
 * named for what it holds, and m365agents*.yml point their manifestPath here.
 * `npm run package` and the toolkit's teamsApp/zipAppPackage fill in the same template,
 * so there is one manifest.
 */
export const APP_PACKAGE_DIR = __dirname;
export const MANIFEST_TEMPLATE = join(APP_PACKAGE_DIR, 'manifest.json');

/** The newest manifest version @microsoft/app-manifest bundles, so validation works offline. */
export const MANIFEST_VERSION = '1.30';

/** The icons' file names inside the package (manifest/ holds them, with their SVG sources). */
export const ICONS = { color: 'color.png', outline: 'outline.png' } as const;

/** Teams documents at most ten commands per list (the v1.30 schema allows 12; ten shows in every client). */
export const MAX_MANIFEST_COMMANDS = 10;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The ${{NAME}} placeholders a template uses, in order of first use. */
export const placeholders = (template: string): string[] => [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

/**
 * Fills the template's ${{NAME}} placeholders as the Agents Toolkit does, from `values`.
 * A placeholder without a value stops packaging: Teams would reject the literal text.
 */
export function renderManifest(template: string, values: Readonly<Record<string, string>>): TeamsManifest {
  const missing = placeholders(template).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`manifest/manifest.json uses ${missing.join(', ')}, which npm run package does not set`);
  // JSON-escaped, so a value can never break out of its string.
  return JSON.parse(template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name]).slice(1, -1))) as TeamsManifest;
}

/**
 * Why the manifest's command menu is not the bot's own command list (the routes the help
 * card lists), or [] when it is. Teams' menu must offer only what the bot understands.
 */
export function commandListProblems(manifest: TeamsManifest, commands: readonly CommandHelp[]): string[] {
  if (commands.length > MAX_MANIFEST_COMMANDS) {
    return [
      `Teams lists at most ${MAX_MANIFEST_COMMANDS} commands, and the bot has ${commands.length} (${commands.map((c) => c.name).join(', ')}): mark the rarer ones hidden in their route`,
    ];
  }
  const expected = commands.map((c) => ({ title: c.name, description: c.description }));
  const lists = manifest.bots?.flatMap((bot) => bot.commandLists ?? []) ?? [];
  return lists
    .filter((list) => JSON.stringify(list.commands) !== JSON.stringify(expected))
    .map((list) => `manifest/manifest.json: the ${list.scopes.join('/')} command list differs from the bot's commands; it should be ${JSON.stringify(expected, null, 2)}`);
}
