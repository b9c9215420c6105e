import type { TeamsManifestV1D19 } from '@microsoft/app-manifest';
import type { CommandHelp } from '../cards/welcome';
import type { PackageSettings } from './settings';

type TeamsManifest = TeamsManifestV1D19.TeamsManifestV1D19;

/** A manifest version that @microsoft/app-manifest bundles, so validation works offline. */
export const MANIFEST_VERSION = '1.19';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The icons' file names inside the package (manifest/icons/ holds them). */
export const ICONS = { color: 'color.png', outline: 'outline.png' } as const;

/** The colour behind the icon; manifest/icons/color.svg uses the same. */
export const ACCENT_COLOR = '#1F5C8B';

/** Teams shows at most ten commands per list (the schema's limit). */
export const MAX_MANIFEST_COMMANDS = 10;

const SCOPES: ('personal' | 'team' | 'groupChat')[] = ['personal', 'team', 'groupChat'];

/**
 * The Teams app manifest for the bot. The command list is the bot's own (the same
 * routes the help card lists), so the menu Teams shows cannot drift from what the bot
 * understands. `name.short` is what people type after @ in a group, so it is "NLC", as
 * the welcome card says.
 */
export function buildManifest(settings: PackageSettings, commands: readonly CommandHelp[]): TeamsManifest {
  if (commands.length > MAX_MANIFEST_COMMANDS) {
    throw new Error(
      `Teams lists at most ${MAX_MANIFEST_COMMANDS} commands, and the bot has ${commands.length} (${commands.map((c) => c.name).join(', ')}): mark the rarer ones hidden in their route`,
    );
  }
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: settings.version,
    id: settings.appId,
    developer: settings.developer,
    name: { short: 'NLC', full: 'Norfolk Learning Collaborative' },
    description: {
      short: 'NLC events, workshop bookings and task-group calls, answered on cards.',
      full:
        'The Norfolk Learning Collaborative bot brings the NLC programme into Teams: events, Practice Week sessions, ' +
        'workshops with limited places and task-group calls. Answer on the card itself and your answer is recorded; ' +
        'organisers can send cards and reminders to everyone who has added the app. Type "help" to see every command.',
    },
    icons: { color: ICONS.color, outline: ICONS.outline },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: settings.botId,
        scopes: SCOPES,
        // Organisers send a programme file (CSV or JSON) in their personal chat to import it.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [{ scopes: SCOPES, commands: commands.map((c) => ({ title: c.name, description: c.description })) }],
      },
    ],
    validDomains: [settings.botDomain],
  };
}
