import { ActivityTypes, type MessagingExtensionResult, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { pageOf } from '../domain/sharing/query';
import type { Logger } from '../log';
import { noticeForError } from './errors';
import type { SearchRoutes } from './routes/find';
import type { Turn } from './routes/route';
import { setRoute } from './turn';

const QUERY = 'composeExtension/query';
const INVOKE: string = ActivityTypes.Invoke;
const NO_RESULTS: MessagingExtensionResult = { type: 'result', attachmentLayout: 'list', attachments: [] };

/**
 * A search as Teams sends it. teams-ai reads `parameters` and `queryOptions` before any
 * handler of ours runs, and fails on a value of another shape: those, and searches for a
 * command this bot does not have, are answered with no results here instead.
 */
const searchSchema = z.object({
  /** Teams always sends it; the Agents Playground only when its options name one (this bot has one command). */
  commandId: z.string().optional(),
  parameters: z.array(z.object({ name: z.string().max(64).optional(), value: z.unknown() })).max(10).optional(),
  queryOptions: z.object({ skip: z.unknown(), count: z.unknown() }).partial().optional(),
});

const isSearch = (context: TurnContext): boolean => context.activity.type === INVOKE && context.activity.name === QUERY;

type SearchParameters = NonNullable<z.infer<typeof searchSchema>['parameters']>;
const UNKNOWN = Symbol('parameters this command does not have');

/**
 * The search box's value: the `query` parameter (or the one parameter, unnamed, as the
 * Agents Playground sends it unless told the name). Teams' first run (`initialRun`) is
 * nothing typed; parameters this command does not have find nothing.
 */
function searchText(parameters: SearchParameters): unknown {
  const named = parameters.find((p) => p.name === 'query');
  if (named) return named.value;
  const [only, ...others] = parameters;
  if (only && others.length === 0 && only.name === undefined) return only.value;
  return parameters.every((p) => p.name === 'initialRun') ? undefined : UNKNOWN;
}

/** Whatever goes wrong becomes a line in Teams' result list, never an error: the one error model says what. */
async function answered(context: TurnContext, log: Logger, route: string, run: () => Promise<MessagingExtensionResult>): Promise<MessagingExtensionResult> {
  setRoute(context, route);
  try {
    return await run();
  } catch (error) {
    const notice = noticeForError(error, log);
    return { type: 'message', text: [notice.message, notice.hint].filter(Boolean).join(' ') };
  }
}

/** Registers the search command and link unfurling; before the card actions' catch-all for other invokes. */
export function registerMessageExtensions(app: Application, routes: SearchRoutes, makeTurn: (context: TurnContext) => Turn, log: Logger): void {
  const ours = (context: TurnContext): SearchParameters | undefined => {
    const value = searchSchema.safeParse(context.activity.value);
    const mine = isSearch(context) && value.success && (value.data.commandId ?? routes.commandId) === routes.commandId;
    return mine ? (value.data.parameters ?? []) : undefined;
  };
  app.messageExtensions.query(
    (context) => Promise.resolve(ours(context) !== undefined),
    (context, _state, query) =>
      answered(context, log, 'search.query', () => {
        const text = searchText(ours(context) ?? []);
        return text === UNKNOWN ? Promise.resolve(NO_RESULTS) : routes.query(makeTurn(context), text, pageOf(query.skip, query.count));
      }),
  );
  app.addRoute(
    (context) => Promise.resolve(isSearch(context)),
    async (context) => {
      setRoute(context, 'search.other');
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { composeExtension: NO_RESULTS } } });
    },
    true,
  );
  app.messageExtensions.queryLink((context, _state, url) => answered(context, log, 'search.link', () => routes.queryLink(makeTurn(context), url)));
}
