import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../log';

/**
 * The Bot Framework adapter. With an app id it checks every incoming token and signs
 * every outgoing call; with none it runs in local mode (no tokens, loopback only, see
 * config.ts), which is how tests and the Agents Playground talk to it.
 */
export function createAdapter(bot: Config['bot'], log: Logger): TeamsAdapter {
  const settings = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  // Only reached when something throws outside our own route error handling (which
  // answers the person itself): record it; the adapter answers the HTTP request.
  adapter.onTurnError = (context, error) => {
    log.error({ err: error, activityType: context.activity.type, activityId: context.activity.id }, 'turn failed');
    return Promise.resolve();
  };
  return adapter;
}
