import { z } from 'zod/v4';
import type { FieldProblem } from './errors';
import { isCalendarDate } from './time';

/**
 * A form, described once: the card renders inputs from it and the server validates
 * submissions with the schema built from it, so what people see and what is checked
 * cannot drift apart. Adaptive Card inputs submit strings ("true"/"false" for toggles),
 * so each kind of field says how to read its string.
 */
export type FieldSpec =
  | { kind: 'text'; id: string; label: string; required: boolean; maxLength: number; minLength?: number; placeholder?: string; multiline?: boolean }
  | { kind: 'url'; id: string; label: string; required: boolean; placeholder?: string }
  | { kind: 'choice'; id: string; label: string; required: boolean; choices: readonly string[] }
  /** Several of a fixed list of options, shown by title, submitted as comma-separated values. */
  | { kind: 'multiChoice'; id: string; label: string; required: boolean; options: readonly { title: string; value: string }[]; max: number }
  | { kind: 'toggle'; id: string; label: string }
  | { kind: 'number'; id: string; label: string; required: boolean; min: number; max: number }
  /** One of a list shown by title and submitted by value (e.g. a task group by name, sent as its id). */
  | { kind: 'titledChoice'; id: string; label: string; required: boolean; options: readonly { title: string; value: string }[] }
  /** A London calendar date: Input.Date submits "YYYY-MM-DD". */
  | { kind: 'date'; id: string; label: string; required: boolean }
  /** A London wall-clock time: Input.Time submits "HH:MM" (read through bot/domain/time.ts). */
  | { kind: 'time'; id: string; label: string; required: boolean };

export type FormValues = Record<string, string | number | boolean | string[] | undefined>;

const MAX_URL = 2000;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A field left blank is absent: an error when it is required. */
const optionalUnless = (schema: z.ZodType, required: boolean) => z.preprocess(blankToUndefined, required ? schema : schema.optional());

function textSchema(field: Extract<FieldSpec, { kind: 'text' }>): z.ZodType {
  const min = field.minLength ?? 1;
  const text = z
    .string({ error: 'Please fill this in.' })
    .trim()
    .min(min, min > 1 ? `Please write at least ${min} characters.` : 'Please fill this in.')
    .max(field.maxLength, `Please keep this to ${field.maxLength.toLocaleString('en-GB')} characters or fewer.`);
  return optionalUnless(text, field.required);
}

function multiChoiceSchema(field: Extract<FieldSpec, { kind: 'multiChoice' }>): z.ZodType {
  const allowed = new Set(field.options.map((o) => o.value));
  const list = z
    .string()
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().refine((v) => allowed.has(v), 'Please choose from the list.'))
        .min(field.required ? 1 : 0, 'Please choose at least one.')
        .max(field.max, `Please choose at most ${field.max}.`),
    );
  return field.required ? list : z.preprocess((v) => (v === undefined ? '' : v), list);
}

const numberSchema = (field: Extract<FieldSpec, { kind: 'number' }>): z.ZodType =>
  optionalUnless(
    z.coerce
      .number({ error: 'Please give a number.' })
      .int('Please give a whole number.')
      .min(field.min, `Please give a number from ${field.min} to ${field.max}.`)
      .max(field.max, `Please give a number from ${field.min} to ${field.max}.`),
    field.required,
  );

/** Some clients add seconds ("09:30:00"); the form keeps hours and minutes. */
const TIME = z
  .string({ error: 'Please give a time.' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'Please give a time like 09:30.')
  .transform((v) => v.slice(0, 5));

function fieldSchema(field: FieldSpec): z.ZodType {
  switch (field.kind) {
    case 'text':
      return textSchema(field);
    case 'url':
      return optionalUnless(
        z.url({ protocol: /^https?$/, error: 'Please give a web address starting https://' }).max(MAX_URL, 'That link is too long.'),
        field.required,
      );
    case 'choice':
      return optionalUnless(z.enum(field.choices as [string, ...string[]], { error: 'Please choose one of the options.' }), field.required);
    case 'multiChoice':
      return multiChoiceSchema(field);
    case 'toggle':
      return z.preprocess((v) => (v === undefined || v === '' ? 'false' : v), z.enum(['true', 'false'], { error: 'Please tick or untick this.' })).transform((v) => v === 'true');
    case 'number':
      return numberSchema(field);
    case 'titledChoice': {
      const allowed = new Set(field.options.map((o) => o.value));
      return optionalUnless(z.string().refine((v) => allowed.has(v), 'Please choose one of the options.'), field.required);
    }
    case 'date':
      return optionalUnless(z.string({ error: 'Please give a date.' }).trim().refine(isCalendarDate, 'Please give a date like 2024-05-20.'), field.required);
    case 'time':
      return optionalUnless(TIME, field.required);
  }
}

/** Schemas built so far, per field list: building one costs more than using it. */
const built = new WeakMap<readonly FieldSpec[], z.ZodType<FormValues>>();

/** The zod schema for a form's submitted values: exactly its fields, nothing else. */
export function formSchema(fields: readonly FieldSpec[]): z.ZodType<FormValues> {
  let schema = built.get(fields);
  if (!schema) {
    schema = z.strictObject(Object.fromEntries(fields.map((f) => [f.id, fieldSchema(f)]))) as unknown as z.ZodType<FormValues>;
    built.set(fields, schema);
  }
  return schema;
}

export type FormResult = { ok: true; values: FormValues } | { ok: false; problems: FieldProblem[] };

/** Validates a submission; on failure every field's problem, keyed by the input's id. */
export function checkForm(fields: readonly FieldSpec[], submitted: Record<string, unknown>): FormResult {
  const result = formSchema(fields).safeParse(submitted);
  if (result.success) return { ok: true, values: result.data };
  const known = new Set(fields.map((f) => f.id));
  const problems = result.error.issues.map((issue) => {
    const field = typeof issue.path[0] === 'string' && known.has(issue.path[0]) ? issue.path[0] : 'form';
    const message = issue.code === 'unrecognized_keys' ? 'This form sent something it does not have, so nothing was saved.' : issue.message;
    return { field, message };
  });
  return { ok: false, problems };
}
