import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../log';

const credentialSettings = (bot: Config['bot']) => ({
  MicrosoftAppId: bot.appId ?? '',
  MicrosoftAppPassword: bot.appPassword ?? '',
  MicrosoftAppType: bot.appType,
  MicrosoftAppTenantId: bot.tenantId ?? '',
});

/**
 * The Bot Framework adapter. With an app id it checks every incoming token and signs
 * every outgoing call; with none it runs in local mode (no tokens, loopback only, see
 * config.ts), which is how tests and the Agents Playground talk to it.
 */
export function createAdapter(bot: Config['bot'], log: Logger): TeamsAdapter {
  const settings = credentialSettings(bot);
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  // Only reached when something throws outside our own route error handling (which
  // answers the person itself): record it; the adapter answers the HTTP request.
  adapter.onTurnError = (context, error) => {
    log.error({ err: error, activityType: context.activity.type, activityId: context.activity.id }, 'turn failed');
    return Promise.resolve();
  };
  return adapter;
}

/** botframework-connector's AuthenticationConstants (public cloud), which botbuilder does not re-export. */
const CONNECTOR_SCOPE = 'https://api.botframework.com';
const CONNECTOR_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

/**
 * Bearer tokens for our own connector calls (connector-client.ts), from the same
 * credential factory the adapter uses, so SingleTenant and managed identity work the
 * same way. Undefined in local mode. The credentials cache tokens until shortly before
 * they expire.
 */
export function createConnectorTokens(bot: Config['bot']): () => Promise<string | undefined> {
  const factory = new ConfigurationServiceClientCredentialFactory(credentialSettings(bot));
  let credentials: Promise<{ getToken?: (forceRefresh?: boolean) => Promise<string> } | undefined> | undefined;
  return async () => {
    if (!bot.appId) return undefined;
    credentials ??= factory
      .createCredentials(bot.appId, CONNECTOR_SCOPE, CONNECTOR_LOGIN_URL, true)
      .then((c) => c as { getToken?: (forceRefresh?: boolean) => Promise<string> });
    const resolved = await credentials;
    if (!resolved?.getToken) throw new Error('the configured bot credentials cannot issue connector tokens');
    return resolved.getToken();
  };
}
