import type restify from 'restify';
import { z } from 'zod/v4';
import { cancelConfirmed } from '../domain/authoring/cancel';
import { applyImport, previewImport } from '../domain/authoring/import';
import { MAX_IMPORT_CHARS } from '../domain/authoring/programme-file';
import { editForm, newForm, saveForm } from '../domain/authoring/service';
import { eventIdSchema } from '../domain/events/event';
import { announcePromotions } from '../domain/workshops/promotions';
import type { FormDto } from './contract';
import { serviceDeps, type TabApiDeps } from './deps';
import { tabRoute } from './http';

const kindParams = z.object({ kind: z.enum(['event', 'workshop']) });
const eventParams = z.object({ id: eventIdSchema });

/** A submitted form: the values as the inputs hold them (text), what the form showed when opened (to spot someone else's change). */
const saveBody = z.strictObject({
  id: eventIdSchema.optional(),
  values: z.record(z.string().max(40), z.string().max(5000)),
  shown: z.record(z.string().max(40), z.string().max(5000)).optional(),
});

/** A programme file as text; its length is the domain's to judge (programme-file.ts says what is too long), as for a file sent in a chat. */
const importBody = z.strictObject({ text: z.string().min(1, 'Choose a programme file first.').max(MAX_IMPORT_CHARS * 4) });

/**
 * Creating, editing and cancelling events and workshops, and importing a programme: the
 * same form descriptions (bot/domain/authoring) and the same services as the bot's cards,
 * so a form in the tab refuses exactly what the card refuses, beside the same field.
 */
export function authoringRoutes(server: restify.Server, deps: TabApiDeps): void {
  const { authoring } = serviceDeps(deps);

  server.get('/api/tab/forms/:kind', ...tabRoute(deps, {}, async ({ actor, params }): Promise<FormDto> => newForm(authoring, actor, kindParams.parse(params).kind)));
  server.get('/api/tab/events/:id/form', ...tabRoute(deps, {}, async ({ actor, params }): Promise<FormDto> => editForm(authoring, actor, eventParams.parse(params).id, 'event')));

  server.post('/api/tab/forms/:kind', ...tabRoute(deps, { body: saveBody }, async ({ actor, params, body }) => {
    const { kind } = kindParams.parse(params);
    const saved = await saveForm(authoring, actor, { kind, ...(body.id ? { id: body.id } : {}), ...(body.shown ? { shown: body.shown } : {}) }, body.values);
    if (saved.promoted) {
      const { eventId, entries } = saved.promoted;
      void announcePromotions(deps.promotions, eventId, entries).catch((error: unknown) => deps.log.error({ err: error }, 'promotion notices failed; the promotion-notices job will retry'));
    }
    return { id: saved.id, title: saved.title, created: saved.created, copies: saved.copies };
  }));

  server.post('/api/tab/events/:id/cancel', ...tabRoute(deps, { body: z.strictObject({ confirm: z.literal(true) }) }, async ({ actor, params }) =>
    cancelConfirmed(authoring, actor, { kind: 'event', id: eventParams.parse(params).id }),
  ));

  server.post('/api/tab/import/preview', ...tabRoute(deps, { body: importBody }, ({ actor, body }) => previewImport(authoring, actor, body.text)));
  server.post('/api/tab/import', ...tabRoute(deps, { body: importBody }, ({ actor, body }) => applyImport(authoring, actor, body.text)));
}
