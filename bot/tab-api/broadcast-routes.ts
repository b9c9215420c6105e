import type restify from 'restify';
import { z } from 'zod/v4';
import { broadcastIdSchema } from '../domain/broadcasts/broadcast';
import { composeFormSchema } from '../domain/broadcasts/compose';
import { composeChoices, previewBroadcast, sampleBroadcast } from '../domain/broadcasts/preview';
import { broadcastReport, confirmBroadcast, reportOf, resendToFailed, withdrawBroadcast } from '../domain/broadcasts/service';
import type { BroadcastDto, Broadcasts, BroadcastSample } from './contract';
import { serviceDeps, type TabApiDeps } from './deps';
import { broadcastDto, reachText } from './dto';
import { tabRoute } from './http';

const RECENT = 20;
const idParams = z.object({ id: broadcastIdSchema });
const formBody = z.strictObject({ form: composeFormSchema });

/**
 * Broadcasts in the tab, through the bot's own services: compose with a live sample of
 * the card (nothing saved), save a draft that counts the audience, confirm it (twice
 * confirmed is sent once), watch its delivery, resend to failed, withdraw.
 */
export function broadcastRoutes(server: restify.Server, deps: TabApiDeps): void {
  const { broadcasting } = serviceDeps(deps);
  const report = async (id: string, work: (id: string) => Promise<Parameters<typeof broadcastDto>[0]>): Promise<BroadcastDto> => broadcastDto(await work(idParams.parse({ id }).id));

  server.get('/api/tab/broadcasts', ...tabRoute(deps, {}, async ({ actor }): Promise<Broadcasts> => {
    const choices = await composeChoices(broadcasting, actor);
    const recent = await deps.broadcasts.listRecent(RECENT);
    return { choices, recent: (await Promise.all(recent.map((b) => reportOf(broadcasting, b)))).map(broadcastDto) };
  }));

  server.post('/api/tab/broadcasts/sample', ...tabRoute(deps, { body: formBody }, async ({ actor, body }): Promise<BroadcastSample> => {
    const { sample, ...figures } = await sampleBroadcast(broadcasting, actor, body.form);
    return { title: figures.title, audienceText: figures.audienceText, recipients: figures.recipients, opens: figures.opens, unreachable: figures.unreachable, reach: reachText(figures), card: sample };
  }));

  server.post('/api/tab/broadcasts', ...tabRoute(deps, { body: formBody }, async ({ actor, body }) => {
    const draft = await previewBroadcast(broadcasting, actor, body.form);
    return { id: draft.broadcast.id, recipients: draft.recipients, unreachable: draft.unreachable, audienceText: draft.broadcast.audienceText };
  }));

  server.post('/api/tab/broadcasts/:id/confirm', ...tabRoute(deps, {}, ({ actor, params }) => report(params.id ?? '', (id) => confirmBroadcast(broadcasting, actor, id, undefined))));
  server.get('/api/tab/broadcasts/:id', ...tabRoute(deps, {}, ({ actor, params }) => report(params.id ?? '', (id) => broadcastReport(broadcasting, actor, id))));
  server.post('/api/tab/broadcasts/:id/resend', ...tabRoute(deps, {}, ({ actor, params }) => report(params.id ?? '', (id) => resendToFailed(broadcasting, actor, id))));
  server.post('/api/tab/broadcasts/:id/withdraw', ...tabRoute(deps, {}, ({ actor, params }) => report(params.id ?? '', (id) => withdrawBroadcast(broadcasting, actor, id))));
}
