import { performance } from 'node:perf_hooks';
import type { Activity, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { Logger } from '../log';
import { routeOf } from './turn';

/** Runs one turn through the app, with one structured line about it: what kind of activity, which route, how long. Never content. */
export async function runLoggedTurn(app: Application, context: TurnContext, log: Logger): Promise<void> {
  const started = performance.now();
  const activity = context.activity;
  let outcome = 'ok';
  try {
    const handled = await app.run(context);
    if (!handled) outcome = 'unhandled';
  } catch (error) {
    outcome = 'error';
    throw error;
  } finally {
    log.info(
      {
        activityType: activity.type,
        name: activity.name,
        verb: verbOf(activity),
        route: routeOf(context),
        conversationType: activity.conversation?.conversationType,
        activityId: activity.id,
        outcome,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'turn',
    );
  }
}

function verbOf(activity: Activity): string | undefined {
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb.slice(0, 60) : undefined;
}
