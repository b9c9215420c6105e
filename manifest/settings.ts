import { z } from 'zod/v4';
import { blankToUndefined, guid, parseEnvironment } from '../bot/environment';

/**
 * What `npm run package` fills into manifest/manifest.json, from the environment (or an
 * env file such as env/.env.dev, see scripts/package.ts). The names are the template's
 * placeholders, the same the Agents Toolkit fills from env/.env.<environment>. Nothing
 * here is a secret: ids and public addresses.
 */
const httpsUrl = z.url({ protocol: /^https$/, message: 'expected an https:// address' });
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const required = <T extends z.ZodType>(schema: T, what: string) =>
  z.preprocess(blankToUndefined, z.unknown().refine((value) => value !== undefined, { message: `required: ${what}`, abort: true }).pipe(schema));

export const packageSettingsSchema = z.object({
  /** The bot's identity: in Azure the managed identity's client id (infra output BOT_ID). */
  BOT_ID: required(guid, "the bot's app id (infra output BOT_ID)"),
  /** The Teams app's own id; defaults to the bot's id. Keep it once the app is published. */
  TEAMS_APP_ID: optional(guid),
  /** Bump it for every upload that changes the manifest; defaults to package.json's version. */
  TEAMS_APP_VERSION: optional(z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.2.3')),
  /** The host the bot answers on (infra output BOT_DOMAIN), e.g. nlc-bot-abc123.azurewebsites.net. */
  BOT_DOMAIN: required(
    z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'expected a host name, without https:// or a path'),
    'the host the bot answers on (infra output BOT_DOMAIN)',
  ),
  /** The organiser tab's Entra app registration (client id, TAB_APP_ID): its single sign-on (webApplicationInfo). */
  TAB_APP_ID: required(guid, "the tab's app registration (aadApp/create writes TAB_APP_ID; docs/deploy.md)"),
  TEAMS_APP_DEVELOPER_NAME: z.preprocess(blankToUndefined, z.string().max(32).default('Norfolk Learning Collaborative')),
  /** Shown in Teams' app details: where people find out more, and the privacy and terms pages. */
  TEAMS_APP_WEBSITE_URL: required(httpsUrl, 'an https:// page about the NLC bot'),
  TEAMS_APP_PRIVACY_URL: required(httpsUrl, 'an https:// privacy notice'),
  TEAMS_APP_TERMS_URL: required(httpsUrl, 'an https:// terms of use page'),
});

/** Each placeholder of manifest/manifest.json with its value. */
export type PackageSettings = Readonly<Record<keyof typeof packageSettingsSchema.shape, string>>;

export function loadPackageSettings(env: NodeJS.ProcessEnv, defaultVersion: string): PackageSettings {
  const e = parseEnvironment(packageSettingsSchema, env);
  return {
    BOT_ID: e.BOT_ID.toLowerCase(),
    TEAMS_APP_ID: (e.TEAMS_APP_ID ?? e.BOT_ID).toLowerCase(),
    TEAMS_APP_VERSION: e.TEAMS_APP_VERSION ?? defaultVersion,
    BOT_DOMAIN: e.BOT_DOMAIN.toLowerCase(),
    TAB_APP_ID: e.TAB_APP_ID.toLowerCase(),
    TEAMS_APP_DEVELOPER_NAME: e.TEAMS_APP_DEVELOPER_NAME,
    TEAMS_APP_WEBSITE_URL: e.TEAMS_APP_WEBSITE_URL,
    TEAMS_APP_PRIVACY_URL: e.TEAMS_APP_PRIVACY_URL,
    TEAMS_APP_TERMS_URL: e.TEAMS_APP_TERMS_URL,
  };
}
