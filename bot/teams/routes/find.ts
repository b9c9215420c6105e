import type { MessagingExtensionAttachment, MessagingExtensionResult } from 'botbuilder';
import { renderSharedCard, renderSharedPreview } from '../../../cards/shared-item';
import type { ShareLinks } from '../../domain/sharing/links';
import { refOfUrl } from '../../domain/sharing/links';
import type { Page } from '../../domain/sharing/query';
import { findInProgramme, openLinked, refOfItem, type Searcher, type SharedItem, type SharingDeps } from '../../domain/sharing/service';
import type { Turn } from './route';

/** The search command's id in the manifest (composeExtensions): Teams sends it with every search. */
export const SEARCH_COMMAND_ID = 'findNlc';

/** The message extension: a search from any compose box, and links to this bot's pages that unfold into cards. */
export interface SearchRoutes {
  commandId: string;
  /** `text`: the search box's value as Teams sent it (anything: it is checked here). */
  query(turn: Turn, text: unknown, page: Page): Promise<MessagingExtensionResult>;
  /** `url`: the pasted address as Teams sent it. */
  queryLink(turn: Turn, url: unknown): Promise<MessagingExtensionResult>;
}

export type FindDeps = SharingDeps & { share: ShareLinks };

const searcherOf = (turn: Turn): Searcher => ({ actor: turn.actor(), conversationId: turn.context.activity.conversation.id, personal: !turn.inGroup });

export function findRoutes(deps: FindDeps): SearchRoutes {
  // The card is dropped in as it is; the preview is the line in Teams' result list.
  const attachment = (item: SharedItem): MessagingExtensionAttachment => ({
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: renderSharedCard(item, deps.share.page(refOfItem(item))),
    preview: renderSharedPreview(item),
  });
  const list = (items: readonly SharedItem[]): MessagingExtensionResult => ({ type: 'result', attachmentLayout: 'list', attachments: items.map(attachment) });
  return {
    commandId: SEARCH_COMMAND_ID,
    query: async (turn, text, page) => {
      const answer = await findInProgramme(deps, searcherOf(turn), text, page);
      return 'refused' in answer ? { type: 'message', text: answer.refused } : list(answer.items);
    },
    queryLink: async (turn, url) => {
      const ref = refOfUrl(url, deps.share.base());
      // Not one of ours, gone, or not theirs to see: no card, and Teams shows the plain link.
      const item = ref ? await openLinked(deps, searcherOf(turn), ref) : undefined;
      return list(item ? [item] : []);
    },
  };
}
