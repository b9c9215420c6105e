import { addLondonDays } from '../time';
import { MAX_RESULTS, normalise, wordsOf } from './query';
import { type IndexEntry, isVisible, type Viewer } from './sharing';

/**
 * Matching and ranking over the programme index, in memory: every word typed must start
 * a word of the title, series, venue or FLOURISH outcome (numbers must match whole, so
 * "Task Group 5" is not Task Group 50). A title match counts most; the words in order at
 * the start of a word in the title count more; then sooner first, and past ones last.
 */
const WEIGHTS = { title: 8, series: 4, venue: 2, flourish: 2 } as const;
/** An exact word beats a word it only starts ("survey" over "surveys"). */
const EXACT_BONUS = 1;
const PHRASE_BONUS = 10;
const TITLE_START_BONUS = 5;

interface Prepared {
  entry: IndexEntry;
  fields: { words: string[]; weight: number }[];
  /** The title's words between spaces, so a phrase is found at word starts only. */
  title: string;
}

/** One preparation per index snapshot: the index hands out the same array until it changes. */
const preparedIndexes = new WeakMap<readonly IndexEntry[], Prepared[]>();

function prepared(entries: readonly IndexEntry[]): Prepared[] {
  const known = preparedIndexes.get(entries);
  if (known) return known;
  const made = entries.map((entry) => ({
    entry,
    title: ` ${normalise(entry.title)}`,
    fields: (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((field) => ({ words: wordsOf(entry[field] ?? ''), weight: WEIGHTS[field] })),
  }));
  preparedIndexes.set(entries, made);
  return made;
}

const isNumber = (word: string): boolean => /^\d+$/.test(word);

function wordMatch(typed: string, words: readonly string[]): number {
  let best = 0;
  for (const word of words) {
    if (word === typed) return 1 + EXACT_BONUS;
    if (!isNumber(typed) && word.startsWith(typed)) best = 1;
  }
  return best;
}

/** Undefined when some word typed matches nothing. */
function scoreOf(item: Prepared, words: readonly string[]): number | undefined {
  let total = 0;
  for (const typed of words) {
    let best = 0;
    for (const field of item.fields) {
      const match = wordMatch(typed, field.words);
      if (match > 0) best = Math.max(best, field.weight + match - 1);
    }
    if (best === 0) return undefined;
    total += best;
  }
  const phrase = ` ${words.join(' ')}`;
  if (item.title.includes(phrase)) total += PHRASE_BONUS;
  if (item.title.startsWith(phrase)) total += TITLE_START_BONUS;
  return total;
}

/** Upcoming before past; upcoming soonest first, past most recent first. */
function byDate(now: Date): (a: IndexEntry, b: IndexEntry) => number {
  const iso = now.toISOString();
  return (a, b) => {
    const aPast = a.endsAt <= iso;
    const bPast = b.endsAt <= iso;
    if (aPast !== bPast) return aPast ? 1 : -1;
    // UTC ISO instants order as plain strings; localeCompare is many times slower and a
    // search that matches the whole programme sorts all of it.
    const [first, second] = aPast ? [b.startsAt, a.startsAt] : [a.startsAt, b.startsAt];
    if (first !== second) return first < second ? -1 : 1;
    return a.title.localeCompare(b.title);
  };
}

/** Entries the viewer may see that match every word, best first (at most MAX_RESULTS). */
export function rankEntries(entries: readonly IndexEntry[], words: readonly string[], viewer: Viewer, now: Date): IndexEntry[] {
  const dated = byDate(now);
  const scored: { entry: IndexEntry; score: number }[] = [];
  for (const item of prepared(entries)) {
    if (!isVisible(item.entry, viewer, now, 'search')) continue;
    const score = scoreOf(item, words);
    if (score !== undefined) scored.push({ entry: item.entry, score });
  }
  scored.sort((a, b) => b.score - a.score || dated(a.entry, b.entry));
  return scored.slice(0, MAX_RESULTS).map((s) => s.entry);
}

/**
 * With nothing typed: what is on in the next seven days (under way included), soonest
 * first; a quiet week shows the next things coming instead of nothing.
 */
export function upcomingEntries(entries: readonly IndexEntry[], viewer: Viewer, now: Date): IndexEntry[] {
  const iso = now.toISOString();
  const weekEnd = addLondonDays(now, 7).toISOString();
  const ahead = entries.filter((e) => e.endsAt > iso && isVisible(e, viewer, now, 'search')).sort(byDate(now));
  const thisWeek = ahead.filter((e) => e.startsAt < weekEnd);
  return (thisWeek.length > 0 ? thisWeek : ahead).slice(0, MAX_RESULTS);
}
