import { resolve } from 'node:path';
import { z } from 'zod/v4';
import { checkCombinations } from './config-rules';
import { blankToUndefined, ConfigError, guid, guidList, optionalString, parseEnvironment } from './environment';

// loadConfig throws it, so its callers find it here.
export { ConfigError };

/**
 * Every setting the bot reads, in one schema, parsed once at start-up.
 * A bad value stops the process with one message naming every bad key, because a
 * bot that starts half-configured fails later, in front of a user, far from the cause.
 * No secret has a default.
 */

/** Each setting on its own; config-rules.ts checks the ones that depend on each other. */
export const settingsSchema = z
  .object({
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    /** Interface to listen on; defaults to all interfaces with an app id, loopback without. */
    HOST: optionalString,
    MicrosoftAppId: z.preprocess(blankToUndefined, guid.optional()),
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(
      blankToUndefined,
      z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: z.preprocess(blankToUndefined, guid.optional()),
    /**
     * Tests only: where incoming Bot Framework tokens' signing keys are published, so a
     * test can sign its own tokens. Loopback only, because whoever serves these keys can
     * sign requests the bot will trust. Unset, the public cloud's keys are used.
     */
    BOT_OPENID_METADATA_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    COSMOS_ENDPOINT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    COSMOS_KEY: optionalString,
    COSMOS_DATABASE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9-_]{1,255}$/, 'letters, digits, - and _ only')
        .default('nlc'),
    ),
    ORGANISER_AAD_IDS: guidList,
    /**
     * Entra tenants (GUIDs) whose Teams may use the bot; activities from any other tenant
     * are refused before any route. Empty = MicrosoftAppTenantId when set, else any tenant.
     */
    ALLOWED_TENANT_IDS: guidList,
    /**
     * Embedded mode: where data is kept between runs (a snapshot written every
     * DATA_SAVE_SECONDS and on shutdown). "memory" keeps nothing.
     */
    DATA_DIR: z.preprocess(blankToUndefined, z.string().min(1).default('.data')),
    DATA_SAVE_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3600).default(5)),
    /**
     * The bot's public address (e.g. https://nlc-bot.azurewebsites.net): calendar and
     * attendee-export links point at this server. Local mode defaults to the listening address.
     */
    PUBLIC_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    /** The organiser tab's Entra app registration (client id): the audience of its single sign-on tokens. */
    TAB_APP_ID: z.preprocess(blankToUndefined, guid.optional()),
    /** Tests only: a loopback JWKS URL whose keys the tab API trusts instead of Entra's. */
    TAB_KEYS_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    /** Teams' limit per app per tenant is 50 requests a second; broadcasts stay under this. */
    BROADCAST_MAX_RPS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10000).default(50)),
    /**
     * Broadcast sends in flight at once. Also the most copies a crash can repeat: a send the
     * connector accepted but whose record was not yet written is sent again on restart.
     */
    BROADCAST_CONCURRENCY: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(256).default(16)),
    /**
     * London wall-clock time reminders fall due on their day ("7 days before" = this time,
     * 7 calendar days earlier). Reminders go out between this time and 21:00, never at night.
     */
    REMINDER_TIME: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(0[7-9]|1[0-8]):[0-5]\d$/, 'a London time from 07:00 to 18:59, like 09:00 (reminders never go at night)')
        .default('09:00'),
    ),
    /**
     * Days an event's records (answers, bookings), a broadcast and a closed call's
     * contributions are kept after the event ended, the broadcast was sent or the call closed.
     */
    RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(30).max(3650).default(365)),
    /**
     * Install the app through Microsoft Graph for people who share no team or group chat
     * with the bot, then message them. Needs TEAMS_APP_CATALOG_ID, and an admin's grant of
     * TeamsAppInstallation.ReadWriteForUser.All to the bot's identity (docs/deploy.md).
     */
    GRAPH_INSTALL: z.preprocess(blankToUndefined, z.enum(['true', 'false'], { message: 'true or false' }).default('false')),
    /** The app's id in the organisation's Teams app catalogue (not the manifest id, unless the app is in the Teams Store). */
    TEAMS_APP_CATALOG_ID: z.preprocess(blankToUndefined, guid.optional()),
    /** Microsoft Graph's address: the public cloud's, a national cloud's, or (tests) a loopback stand-in. */
    GRAPH_ENDPOINT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com')),
    /** Embedded mode: fixed loopback port for the in-process Cosmos server (0 = any free port), so tools can inspect it. */
    EMBEDDED_COSMOS_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(0)),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /**
     * Start the bot's clock at this instant and let it run on from there. The demo
     * programme is the NLC's spring and summer 2024, so the embedded mode defaults to
     * the morning of the NLC letter (23 April 2024) to keep it upcoming.
     */
    CLOCK_START: z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional()),
  });

export const configSchema = settingsSchema.superRefine(checkCombinations);

export type EnvConfig = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  /** Where the server listens: loopback whenever the bot has no app id (see loadConfig). */
  host: string;
  bot: {
    appId?: string;
    appPassword?: string;
    appType: EnvConfig['MicrosoftAppType'];
    tenantId?: string;
    /** Tests only: a loopback OpenID metadata URL whose keys the bot trusts instead of the public cloud's. */
    openIdMetadataUrl?: string;
  };
  cosmos: { mode: 'embedded'; port: number; dataDir?: string; saveIntervalMs: number } | { mode: 'azure'; endpoint: string; key?: string };
  cosmosDatabase: string;
  organiserAadIds: ReadonlySet<string>;
  /** Lower-case tenant ids whose activities are served; empty = any tenant. */
  allowedTenantIds: ReadonlySet<string>;
  /** Base of the links the bot serves (no trailing slash); unset = local address in local mode, no links otherwise. */
  publicUrl?: string;
  /** The organiser tab's single sign-on (bot/tab-api/identity.ts); absent = no token accepted. */
  tab: { appId?: string; keysUrl?: string };
  broadcast: { maxRps: number; concurrency: number };
  /** Installing the app through Graph for people the bot shares no team with (GRAPH_INSTALL). */
  graph: { install: boolean; catalogAppId?: string; endpoint: string };
  /** London "HH:MM" at which reminders fall due (REMINDER_TIME). */
  reminderTime: string;
  retentionDays: number;
  logLevel: EnvConfig['LOG_LEVEL'];
  clockStart?: Date;
}

export const EMBEDDED_DEMO_CLOCK_START = new Date('2024-04-23T08:00:00Z');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnvironment(configSchema, env);
  const embedded = !e.COSMOS_ENDPOINT;
  // Without an app id the adapter accepts unauthenticated requests (local mode), so the
  // default keeps the port off the network; the schema refuses a non-loopback HOST.
  const host = e.HOST ?? (e.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  return {
    port: e.PORT,
    host,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    cosmos: e.COSMOS_ENDPOINT
      ? { mode: 'azure', endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY }
      : {
          mode: 'embedded',
          port: e.EMBEDDED_COSMOS_PORT,
          dataDir: e.DATA_DIR === 'memory' ? undefined : resolve(e.DATA_DIR),
          saveIntervalMs: e.DATA_SAVE_SECONDS * 1000,
        },
    cosmosDatabase: e.COSMOS_DATABASE,
    organiserAadIds: new Set(e.ORGANISER_AAD_IDS),
    allowedTenantIds: new Set(e.ALLOWED_TENANT_IDS.length > 0 ? e.ALLOWED_TENANT_IDS : e.MicrosoftAppTenantId ? [e.MicrosoftAppTenantId.toLowerCase()] : []),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    tab: { appId: e.TAB_APP_ID, keysUrl: e.TAB_KEYS_URL },
    broadcast: { maxRps: e.BROADCAST_MAX_RPS, concurrency: e.BROADCAST_CONCURRENCY },
    graph: { install: e.GRAPH_INSTALL === 'true', catalogAppId: e.TEAMS_APP_CATALOG_ID?.toLowerCase(), endpoint: e.GRAPH_ENDPOINT.replace(/\/+$/, '') },
    reminderTime: e.REMINDER_TIME,
    retentionDays: e.RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    clockStart: e.CLOCK_START ? new Date(e.CLOCK_START) : embedded ? EMBEDDED_DEMO_CLOCK_START : undefined,
  };
}
