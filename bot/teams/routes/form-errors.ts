import type { AdaptiveCardJson } from '../../../cards/template';
import { type FieldProblem, isDomainError } from '../../domain/errors';

/**
 * Runs a form submission. When the domain rejects the input (`invalid_input` with field
 * problems), the person gets the same form back with their values kept and each problem
 * beside its field, instead of an error card that would lose what they typed.
 */
export async function submitForm(
  work: () => Promise<AdaptiveCardJson>,
  formAgain: (problems: readonly FieldProblem[]) => Promise<AdaptiveCardJson> | AdaptiveCardJson,
): Promise<AdaptiveCardJson> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input' && error.details.fields?.length) {
      return formAgain(error.details.fields);
    }
    throw error;
  }
}

/** Card data = the action's own keys + the inputs; splits off the inputs. */
export function inputsOf(data: Record<string, unknown>, ownKeys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !ownKeys.includes(k)));
}

/** The submitted inputs as text, to put back into the form. */
export const asText = (inputs: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 4000) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '']),
  );
