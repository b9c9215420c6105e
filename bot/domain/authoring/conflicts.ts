import { DomainError } from '../errors';

/** A form's values as text, as its inputs show them: what an edit form showed, what came back, what is stored now. */
export type FormText = Record<string, string>;

const keysOf = (...texts: FormText[]): string[] => [...new Set(texts.flatMap((t) => Object.keys(t)))];
const at = (text: FormText, key: string): string => text[key] ?? '';

export const sameText = (a: FormText, b: FormText): boolean => keysOf(a, b).every((key) => at(a, key) === at(b, key));

/**
 * The fields someone else changed while this person had the form open: stored now, they
 * differ both from what the form showed (`shown`) and from what this person submitted.
 * A form without what it showed (an older card) is not checked.
 */
export function changedByOthers(stored: FormText, shown: FormText | undefined, submitted: FormText): string[] {
  if (!shown) return [];
  return keysOf(stored, shown).filter((key) => at(stored, key) !== at(shown, key) && at(stored, key) !== at(submitted, key));
}

/**
 * Refuses an edit made on an out-of-date form, inside the read-modify-write that would
 * save it (so nothing is written): the person is shown the current version, with each
 * field the other change touched marked and what it was before.
 */
export function assertNoConflict(title: string, stored: FormText, shown: FormText | undefined, submitted: FormText): void {
  const changed = changedByOthers(stored, shown, submitted);
  if (changed.length === 0) return;
  throw new DomainError('conflict', `Someone else changed "${title}" while you had the form open, so your changes were not saved.`, {
    hint: 'The form now shows the current version, with what changed marked. Make your changes again and press Save.',
    fields: changed.map((field) => ({ field, message: at(shown ?? {}, field) ? `Changed meanwhile; it was "${at(shown ?? {}, field).slice(0, 80)}".` : 'Changed meanwhile.' })),
  });
}

/** An edit conflict from `assertNoConflict` (as opposed to too many writers at once, which is retried). */
export const isEditConflict = (error: DomainError): boolean => error.code === 'conflict' && (error.details.fields?.length ?? 0) > 0;
