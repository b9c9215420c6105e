import json from './list.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

/**
 * A titled list of rows, each with optional buttons: "my contributions", the open calls,
 * and a lead's digest are all this shape.
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
}

type ListCardData = Required<Omit<ListCard, 'items'>> & { items: { headline: string; detail: string; buttons: ListButton[] }[] };

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
  });
}
