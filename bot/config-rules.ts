import type { z } from 'zod/v4';
import type { settingsSchema } from './config';
import { isLoopbackUrl, LOOPBACK } from './environment';

/**
 * The settings that depend on each other, checked once each is valid on its own: every
 * broken combination is reported at once, beside the key to change.
 */
export function checkCombinations(env: z.infer<typeof settingsSchema>, ctx: z.RefinementCtx): void {
  if (env.MicrosoftAppId) {
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `required when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `required when MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
  }
  if (!env.MicrosoftAppId && env.HOST && !LOOPBACK.has(env.HOST)) {
    ctx.addIssue({
      code: 'custom',
      path: ['HOST'],
      message:
        'without MicrosoftAppId the bot accepts requests with no token, so it listens on loopback only (127.0.0.1 or ::1); set MicrosoftAppId to listen elsewhere',
    });
  }
  if (env.PUBLIC_URL && new URL(env.PUBLIC_URL).protocol !== 'https:' && !isLoopbackUrl(env.PUBLIC_URL)) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message: 'download links carry secrets, so they must use https (plain http only on loopback)',
    });
  }
  if (env.BOT_OPENID_METADATA_URL && !isLoopbackUrl(env.BOT_OPENID_METADATA_URL)) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_OPENID_METADATA_URL'],
      message: 'for tests only: a loopback URL (whoever serves these keys can sign requests the bot trusts); leave it empty in Azure',
    });
  }
  if (env.TAB_KEYS_URL && !isLoopbackUrl(env.TAB_KEYS_URL)) {
    ctx.addIssue({ code: 'custom', path: ['TAB_KEYS_URL'], message: 'for tests only: a loopback URL (whoever serves these keys can sign in as anyone); leave it empty in Azure' });
  }
  if (env.TAB_APP_ID && !env.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: "required with TAB_APP_ID: the tab's tokens are for api://<its host>/<TAB_APP_ID>" });
  }
  checkGraph(env, ctx);
  if (env.COSMOS_KEY && !env.COSMOS_ENDPOINT) {
    ctx.addIssue({ code: 'custom', path: ['COSMOS_KEY'], message: 'set COSMOS_ENDPOINT too, or remove the key' });
  }
  if (env.CLOCK_START && env.COSMOS_ENDPOINT) {
    ctx.addIssue({
      code: 'custom',
      path: ['CLOCK_START'],
      message: 'only for the embedded demo store: a shifted clock against real data would send reminders at the wrong time',
    });
  }
}

/** Installing the app through Graph needs the app's catalogue id, a tenant to get Graph tokens from, and Graph over https. */
function checkGraph(env: z.infer<typeof settingsSchema>, ctx: z.RefinementCtx): void {
  if (env.GRAPH_INSTALL === 'true' && !env.TEAMS_APP_CATALOG_ID) {
    ctx.addIssue({ code: 'custom', path: ['TEAMS_APP_CATALOG_ID'], message: "required when GRAPH_INSTALL is true: the app's id in your organisation's app catalogue" });
  }
  if (env.GRAPH_INSTALL === 'true' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when GRAPH_INSTALL is true: Graph tokens come from your own tenant' });
  }
  if (new URL(env.GRAPH_ENDPOINT).protocol !== 'https:' && !isLoopbackUrl(env.GRAPH_ENDPOINT)) {
    ctx.addIssue({ code: 'custom', path: ['GRAPH_ENDPOINT'], message: 'Graph calls carry the bot\'s token, so https only (plain http only on loopback, for tests)' });
  }
}
