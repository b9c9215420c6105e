import type { ChatOpener } from '../domain/conversations/ports';
import type { ConnectorClient } from './connector-client';
import { toDeliveryError } from './proactive';

/**
 * Opens a personal chat with a person through the Bot Connector, as Teams documents for
 * proactive messages to team members: POST /v3/conversations at the service URL of a
 * team they share with the bot, naming the bot, the person and the tenant. Teams answers
 * with the existing chat's id when there is one, so opening twice is harmless. A 403
 * means the app is not installed for them or they blocked it.
 */
export function createChatOpener(client: ConnectorClient): ChatOpener {
  return {
    open: async (target, signal) => {
      const tenant = target.tenantId ? { tenantId: target.tenantId, channelData: { tenant: { id: target.tenantId } } } : {};
      const body = { isGroup: false, bot: { id: target.botId }, members: [{ id: target.teamsUserId }], ...tenant };
      let answer: unknown;
      try {
        answer = await client.call('POST', target.serviceUrl, 'v3/conversations', body, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        throw toDeliveryError(error);
      }
      const id = (answer as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string' || id === '') throw toDeliveryError(Object.assign(new Error('Teams opened no conversation'), { statusCode: 502 }));
      return { conversationId: id };
    },
  };
}
