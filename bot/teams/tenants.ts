import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';

/**
 * Which organisations' Teams the bot serves (ALLOWED_TENANT_IDS). Checked on every
 * activity after its token and before any route, so it must stay cheap: two property
 * reads and set look-ups. Teams carries the tenant twice (`conversation.tenantId`,
 * `channelData.tenant.id`); every id present must be allowed and at least one present,
 * and the activity must come through the Teams channel (an Azure Bot resource can have
 * others, e.g. Web Chat, whose activities carry no Teams tenant to check).
 */
export function refusedTenant(activity: Activity, allowed: ReadonlySet<string>): { tenantId: string | null } | undefined {
  if (allowed.size === 0) return undefined;
  const fromConversation = activity.conversation?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const ids = [fromConversation, fromChannelData].filter((id): id is string => typeof id === 'string');
  if (activity.channelId === 'msteams' && ids.length > 0 && ids.every((id) => allowed.has(id.toLowerCase()))) return undefined;
  const shown = ids.find((id) => !allowed.has(id.toLowerCase())) ?? ids[0];
  return { tenantId: shown === undefined ? null : shown.slice(0, 100) };
}

/**
 * An activity from a tenant the bot does not serve: nothing runs and nothing is written.
 * An invoke (a card click) is answered 403, as Teams expects an answer to it; anything
 * else is acknowledged and ignored. The log gets the tenant id only, never who sent it.
 */
export async function refuseTenant(context: TurnContext, refused: { tenantId: string | null }, log: Logger): Promise<void> {
  const activity = context.activity;
  log.warn({ tenantId: refused.tenantId, channelId: activity.channelId?.slice(0, 50), activityType: activity.type }, 'activity from a tenant this bot does not serve; refused');
  if (activity.type === String(ActivityTypes.Invoke)) {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { code: 'Forbidden', message: 'this bot does not serve your organisation' } } });
  }
}
