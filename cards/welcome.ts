import json from './welcome.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

export interface CommandHelp {
  name: string;
  description: string;
}

export interface WelcomeCardData {
  heading: string;
  commands: CommandHelp[];
  mentionTip: string;
}

const expand = cardTemplate<WelcomeCardData>(json);

/** The install greeting and the answer to "help": the same card, listing the real commands. */
export function renderWelcomeCard(
  commands: readonly CommandHelp[],
  options: { inGroup: boolean; installed: boolean; heading?: string },
): AdaptiveCardJson {
  return expand({
    heading: options.heading ?? (options.installed ? 'Hello! I am the NLC bot.' : 'What I can do'),
    commands: [...commands],
    mentionTip: options.inGroup
      ? 'In a group chat or channel, mention me first, for example "@NLC events". Answers on cards are yours alone.'
      : '',
  });
}
