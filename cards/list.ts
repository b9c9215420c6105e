import json from './list.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

/**
 * A titled list of rows, each with optional buttons: "my contributions", the open calls,
 * and a lead's digest are all this shape; with a small form below the rows (the
 * organisers and leads lists: a name or id to add).
 */
export interface ListButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

export interface ListCard {
  eyebrow?: string;
  title: string;
  intro?: string;
  facts?: { title: string; value: string }[];
  empty: string;
  items: { headline: string; detail: string; buttons?: ListButton[] }[];
  footer?: string;
  actions?: ListButton[];
  /** A link to open in the browser, e.g. a CSV export. */
  link?: { title: string; url: string };
  /** A line above the rows: what just happened (good) or why not (attention). */
  banner?: { text: string; tone: 'good' | 'attention' };
  /** Inputs below the rows, sent with the card's actions. */
  inputs?: ListInput[];
}

export interface ListInput {
  kind: 'text' | 'choice';
  id: string;
  label: string;
  placeholder?: string;
  maxLength?: number;
  /** For a choice: the options, shown by title, sent as value. */
  choices?: { title: string; value: string }[];
  value?: string;
}

type ListCardData = Required<Omit<ListCard, 'items' | 'inputs' | 'banner'>> & {
  items: { headline: string; detail: string; buttons: ListButton[] }[];
  inputs: Required<ListInput>[];
  banner: { text: string; color: 'Good' | 'Attention' };
};

const expand = cardTemplate<ListCardData>(json);

export function renderListCard(list: ListCard): AdaptiveCardJson {
  return expand({
    eyebrow: list.eyebrow ?? '',
    title: list.title,
    intro: list.intro ?? '',
    facts: list.facts ?? [],
    empty: list.empty,
    items: list.items.map((i) => ({ ...i, buttons: i.buttons ?? [] })),
    footer: list.footer ?? '',
    actions: list.actions ?? [],
    link: list.link ?? { title: '', url: '' },
    banner: { text: list.banner?.text ?? '', color: list.banner?.tone === 'good' ? 'Good' : 'Attention' },
    inputs: (list.inputs ?? []).map((i) => ({ placeholder: '', maxLength: 200, choices: [], value: '', ...i })),
  });
}
