import type { z } from 'zod/v4';
import { DomainError, type FieldProblem } from './errors';

/**
 * Parses untrusted input (card data, command arguments) or throws one `invalid_input`
 * error listing every field's problem, so a form can mark each one beside its input.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldProblem[] = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : what,
    message: issue.message,
  }));
  throw new DomainError('invalid_input', `Some of the ${what} was not right, so nothing was saved.`, { fields });
}
