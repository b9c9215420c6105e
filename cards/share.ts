import type { AdaptiveCardJson } from './template';

/**
 * Teams' own share dialog for a web address ("Share to Teams from web apps": the page
 * teams.microsoft.com/share opens with `href`): the person picks a chat or channel, and
 * the link unfolds there into this bot's card (link unfurling).
 */
export const teamsShareUrl = (pageUrl: string): string => `https://teams.microsoft.com/share?href=${encodeURIComponent(pageUrl)}&preview=true`;

/**
 * Adds "Share" to a card that has a public page: Adaptive Cards cannot copy to the
 * clipboard, so the button opens Teams' share dialog with the page's short address.
 * Nothing changes when the bot has no public address.
 */
export function withShareAction(card: AdaptiveCardJson, pageUrl: string | undefined): AdaptiveCardJson {
  if (!pageUrl) return card;
  return { ...card, actions: [...(card.actions ?? []), { type: 'Action.OpenUrl', title: 'Share', url: teamsShareUrl(pageUrl) }] };
}
