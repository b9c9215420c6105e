import type { ComposeForm } from '../bot/domain/broadcasts/compose';
import type { BroadcastPreview } from '../bot/domain/broadcasts/service';
import { sendAtText } from '../bot/domain/broadcasts/sending-options';
import json from './broadcast-preview.json';
import { plural } from './plural';
import { type AdaptiveCardJson, cardTemplate } from './template';
import { BROADCAST_COMPOSE, BROADCAST_SEND } from './verbs';

export interface PreviewCardData {
  broadcastId: string;
  title: string;
  audienceText: string;
  recipients: string;
  unreachable: string;
  sendTitle: string;
  /** The organiser's note, as it will stand above the card ('' = none). */
  note: string;
  /** "Tue 7 May 2024, 09:00 (London time)", or '' to send at once. */
  sendAtText: string;
  /** The recipients' card body, shown inside the preview. */
  sample: unknown[];
  /** The form's values, so "Change" brings the form back as it was. */
  change: ComposeForm;
}

const expand = cardTemplate<PreviewCardData>(json, { send: BROADCAST_SEND, compose: BROADCAST_COMPOSE });

/** What will be sent, to whom and how many, with Send and Change. */
export function renderPreviewCard(preview: BroadcastPreview, form: ComposeForm): AdaptiveCardJson {
  const { broadcast, recipients, unreachable } = preview;
  return expand({
    broadcastId: broadcast.id,
    title: broadcast.title,
    audienceText: broadcast.audienceText,
    recipients: plural(recipients, 'conversation'),
    unreachable: unreachable > 0 ? `${plural(unreachable, 'person', 'people')} in this audience cannot be reached: they have no chat with the bot.` : '',
    // The time is in the facts above; the button says what pressing it does.
    sendTitle: broadcast.sendAt ? 'Schedule it' : `Send to ${plural(recipients, 'conversation')}`,
    note: broadcast.note ?? '',
    sendAtText: broadcast.sendAt ? sendAtText(broadcast.sendAt) : '',
    sample: preview.sample.body ?? [],
    change: Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined && v !== '')),
  });
}
