import type { ComposeForm } from '../bot/domain/broadcasts/compose';
import type { BroadcastPreview } from '../bot/domain/broadcasts/service';
import { sendAtText } from '../bot/domain/broadcasts/sending-options';
import { unreachableText } from '../bot/domain/conversations/reach';
import json from './broadcast-preview.json';
import { plural } from './plural';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { BROADCAST_COMPOSE, BROADCAST_SEND } from './verbs';

export interface PreviewCardData {
  broadcastId: string;
  title: string;
  audienceText: string;
  recipients: string;
  /** To, Recipients, and for people: how many in a chat they have, in one the bot will open, and not reachable. */
  facts: { title: string; value: string }[];
  unreachable: string;
  sendTitle: string;
  /** The organiser's note, as it will stand above the card ('' = none). */
  note: string;
  /** The recipients' card body, shown inside the preview. */
  sample: unknown[];
  /** The form's values, so "Change" brings the form back as it was. */
  change: ComposeForm;
}

const expand = cardTemplate<PreviewCardData>(json, { send: BROADCAST_SEND, compose: BROADCAST_COMPOSE });

const n = (value: number): string => value.toLocaleString('en-GB');

/** Where each person's copy goes, kept apart: a chat they have, a chat the bot opens, nowhere (and why). */
function reachFacts(preview: BroadcastPreview): { title: string; value: string }[] {
  const { recipients, opens, unreachable } = preview;
  if (opens === 0 && unreachable === 0) return [];
  return [
    { title: 'In a chat they already have', value: n(recipients - opens) },
    { title: 'In a chat the bot will open', value: n(opens) },
    { title: 'Cannot be reached', value: n(unreachable) },
  ];
}

/** People, when the audience is people reached one by one (some need a chat opened, or cannot be reached); else conversations. */
const who = (preview: BroadcastPreview): string =>
  preview.opens > 0 || preview.unreachable > 0 ? plural(preview.recipients, 'person', 'people') : plural(preview.recipients, 'conversation');

/** What will be sent, to whom and how many, with Send and Change. */
export function renderPreviewCard(preview: BroadcastPreview, form: ComposeForm): AdaptiveCardJson {
  const { broadcast, recipients, unreachable } = preview;
  return expand({
    broadcastId: broadcast.id,
    title: broadcast.title,
    audienceText: broadcast.audienceText,
    recipients: plural(recipients, 'conversation'),
    facts: [{ title: 'To', value: broadcast.audienceText }, { title: 'Recipients', value: who(preview) }, ...reachFacts(preview), ...(broadcast.sendAt ? [{ title: 'When', value: sendAtText(broadcast.sendAt) }] : [])],
    unreachable: unreachable > 0 ? `${plural(unreachable, 'person', 'people')} in this audience cannot be reached: ${unreachableText(preview.unreachableWhy) || 'they have no chat with the bot'}.` : '',
    // The time is in the facts above; the button says what pressing it does.
    sendTitle: broadcast.sendAt ? 'Schedule it' : `Send to ${who(preview)}`,
    note: broadcast.note ?? '',
    sample: preview.sample.body ?? [],
    change: Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined && v !== '')),
  });
}
