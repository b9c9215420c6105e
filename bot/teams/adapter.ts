import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Config } from '../config';
import type { Logger } from '../log';
import { TurnAdapter } from './turn-adapter';

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
export function createAdapter(bot: Config['bot'], log: Logger): TurnAdapter {
  const settings = {
    ...credentialSettings(bot),
    ...(bot.openIdMetadataUrl ? publicCloudTrusting(bot.openIdMetadataUrl) : {}),
  };
  const adapter = new TurnAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  // Only reached when something throws outside our own route error handling (which
  // answers the person itself): record it; the adapter answers the HTTP request.
  adapter.onTurnError = (context, error) => {
    log.error({ err: error, activityType: context.activity.type, activityId: context.activity.id }, 'turn failed');
    return Promise.resolve();
  };
  return adapter;
}

/**
 * The public cloud's settings with one change: incoming tokens are checked against keys
 * published at `metadataUrl` (a test's own, on loopback). botbuilder treats any one of
 * these settings as "all given", so the rest are spelled out with their usual values.
 */
function publicCloudTrusting(metadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Bearer tokens for our own calls: the Bot Connector's (connector-client.ts), or another
 * service's (`audience`: Microsoft Graph for installing the app, bot/graph), from the same
 * credential factory the adapter uses, so SingleTenant and managed identity work the same
 * way. Undefined in local mode. The credentials cache tokens until shortly before they expire.
 */
export function createBotTokens(bot: Config['bot'], audience: string = AuthenticationConstants.ToChannelFromBotOAuthScope): () => Promise<string | undefined> {
  const factory = new ConfigurationServiceClientCredentialFactory(credentialSettings(bot));
  let credentials: Promise<{ getToken?: (forceRefresh?: boolean) => Promise<string> } | undefined> | undefined;
  return async () => {
    if (!bot.appId) return undefined;
    credentials ??= factory
      .createCredentials(bot.appId, audience, AuthenticationConstants.ToChannelFromBotLoginUrl, true)
      .then((c) => c as { getToken?: (forceRefresh?: boolean) => Promise<string> });
    const resolved = await credentials;
    if (!resolved?.getToken) throw new Error('the configured bot credentials cannot issue tokens');
    return resolved.getToken();
  };
}
