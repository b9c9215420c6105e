import { z } from 'zod/v4';

/**
 * The eight FLOURISH outcomes of "Flourishing in Norfolk", the children and young people
 * partnership strategy, in its own words and order: their first letters spell FLOURISH.
 * Every list of them (the event model, the authoring form, the programme import) reads
 * this one, and a test holds it to the strategy.
 */
export const FLOURISH = [
  'Family and friends',
  'Learning',
  'Opportunity',
  'Understood',
  'Resilience',
  'Individual',
  'Safe and secure',
  'Healthy',
] as const;
export type FlourishTag = (typeof FLOURISH)[number];

/**
 * Spellings earlier versions of the bot stored (and people still type): they read as the
 * strategy's word, so an event saved with one keeps working.
 */
const EARLIER: Readonly<Record<string, FlourishTag>> = {
  opportunities: 'Opportunity',
  individuality: 'Individual',
  safe: 'Safe and secure',
};

/** The outcome a piece of text names, in any case or an earlier spelling; undefined when it names none. */
export function flourishOutcome(text: string): FlourishTag | undefined {
  const key = text.trim().toLowerCase();
  return FLOURISH.find((f) => f.toLowerCase() === key) ?? EARLIER[key];
}

/** An event's outcome as stored or written: earlier spellings are read as the strategy's word. */
export const flourishSchema = z.preprocess((value) => (typeof value === 'string' ? (flourishOutcome(value) ?? value) : value), z.enum(FLOURISH));
