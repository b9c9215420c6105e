import type { FieldProblem } from '../bot/domain/errors';
import type { FieldSpec } from '../bot/domain/forms';
import json from './form.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

/** One input as the template draws it: every key present, so no `${...}` is left over. */
interface FieldData {
  kind: FieldSpec['kind'];
  id: string;
  label: string;
  required: boolean;
  maxLength: number;
  multiline: boolean;
  placeholder: string;
  value: string;
  choices: { title: string; value: string }[];
  min: number;
  max: number;
  /** Shown by the Teams client when its own check fails (required, length). */
  clientError: string;
  /** The server's verdict on the last submission, shown under the input. */
  error: string;
}

export interface FormAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  /** "none" for buttons that must not send the inputs (Cancel, Withdraw). */
  associatedInputs?: 'auto' | 'none';
  /** The first button that sends the inputs is the form's one main action (positive) unless said otherwise. */
  style?: 'positive' | 'destructive' | 'default';
}

export interface FormCardData {
  eyebrow: string;
  title: string;
  intro: string;
  facts: { title: string; value: string }[];
  banner: string;
  notice: string;
  fields: FieldData[];
  actions: Required<FormAction>[];
  example: string;
  links: { title: string; url: string }[];
}

const expand = cardTemplate<FormCardData>(json);

export interface FormCard {
  title: string;
  eyebrow?: string;
  intro?: string;
  facts?: { title: string; value: string }[];
  /** e.g. "Some answers need another look" after a failed submission. */
  banner?: string;
  /** A reminder shown above the inputs, e.g. not to identify children. */
  notice?: string;
  fields: readonly FieldSpec[];
  /** What to show in the inputs: the person's last submission or the saved values. */
  values?: Record<string, string>;
  problems?: readonly FieldProblem[];
  actions: FormAction[];
  /** What on the card is illustrative rather than fact (demo data), labelled "Example". */
  example?: string;
  /** Link buttons after the actions (e.g. a call's shareable public form). */
  links?: { title: string; url: string }[];
}

function fieldData(field: FieldSpec, value: string, error: string): FieldData {
  const base: FieldData = {
    kind: field.kind,
    id: field.id,
    label: field.label,
    required: 'required' in field ? field.required : false,
    maxLength: field.kind === 'text' ? field.maxLength : 2000,
    multiline: field.kind === 'text' ? Boolean(field.multiline) : false,
    placeholder: 'placeholder' in field && field.placeholder ? field.placeholder : '',
    value,
    choices:
      field.kind === 'choice'
        ? field.choices.map((c) => ({ title: c, value: c }))
        : field.kind === 'multiChoice' || field.kind === 'titledChoice'
          ? [...field.options]
          : [],
    min: field.kind === 'number' ? field.min : 0,
    max: field.kind === 'number' ? field.max : 0,
    clientError: 'required' in field && field.required ? `${field.label}: please fill this in.` : 'Please check this.',
    error,
  };
  if (field.kind === 'toggle') base.value = value === 'true' ? 'true' : 'false';
  // The number input needs a number: an unreadable earlier entry shows empty (its error says why).
  if (field.kind === 'number' && !/^-?\d{1,9}$/.test(value.trim())) base.value = '';
  return base;
}

/** A form card: inputs drawn from the same field list the server validates against. */
export function renderFormCard(form: FormCard): AdaptiveCardJson {
  const problems = new Map<string, string>();
  for (const p of form.problems ?? []) problems.set(p.field, problems.has(p.field) ? `${problems.get(p.field)} ${p.message}` : p.message);
  const formWide = problems.get('form');
  return expand({
    eyebrow: form.eyebrow ?? '',
    title: form.title,
    intro: form.intro ?? '',
    facts: form.facts ?? [],
    banner: [form.banner, formWide].filter(Boolean).join(' '),
    notice: form.notice ?? '',
    fields: form.fields.map((f) => fieldData(f, form.values?.[f.id] ?? '', problems.get(f.id) ?? '')),
    actions: form.actions.map((a, i) => {
      const associatedInputs = a.associatedInputs ?? 'auto';
      const main = associatedInputs === 'auto' && form.actions.findIndex((b) => (b.associatedInputs ?? 'auto') === 'auto') === i;
      return { ...a, associatedInputs, style: a.style ?? (main ? 'positive' : 'default') };
    }),
    example: form.example ?? '',
    links: form.links ?? [],
  });
}
