/**
 * What someone typed in the search box, made safe to match: letters and digits only,
 * lower case, accents dropped, in a few words. Nothing typed can fail a search: text
 * too long or with nothing to match gets a short answer instead of results.
 */

/** Longer than any title (140) plus a series; what Teams' search box sends as you type is far shorter. */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond these add nothing a person would type. */
export const MAX_QUERY_WORDS = 8;
/** One page of results; each carries a whole card, and Teams shows a short list. */
export const PAGE_SIZE = 10;
/** Results reachable by scrolling: past this a person should type more. */
export const MAX_RESULTS = 50;

export type SearchInput =
  /** Nothing typed (or Teams' first run): what is coming up this week. */
  | { kind: 'upcoming' }
  | { kind: 'words'; words: string[] }
  /** Something typed that cannot be searched for: say why, in a line. */
  | { kind: 'refused'; message: string };

/** Lower case, accents dropped, everything but letters and digits a space. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const wordsOf = (text: string): string[] => {
  const normal = normalise(text);
  return normal === '' ? [] : normal.split(' ');
};

/** `text`: the search box's value, if Teams sent one as text (anything else counts as nothing typed). */
export function readSearchInput(text: unknown): SearchInput {
  if (typeof text !== 'string' || text.trim() === '') return { kind: 'upcoming' };
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'refused', message: `That search is too long: try a few words from a title (at most ${MAX_QUERY_LENGTH} characters).` };
  const words = [...new Set(wordsOf(text))].slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return { kind: 'refused', message: 'Search with words from a title, series, venue or FLOURISH outcome.' };
  return { kind: 'words', words };
}

export interface Page {
  skip: number;
  count: number;
}

/** Teams' paging options, whatever arrives: whole numbers within the limits. */
export function pageOf(skip: unknown, count: unknown): Page {
  const whole = (value: unknown, fallback: number, max: number): number =>
    typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 0), max) : fallback;
  return { skip: whole(skip, 0, MAX_RESULTS), count: Math.max(1, whole(count, PAGE_SIZE, PAGE_SIZE)) };
}
