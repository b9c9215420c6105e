import type { FieldProblem } from '../errors';
import type { FieldSpec, FormValues } from '../forms';
import { CONTRIBUTION_KINDS, KIND_LABELS, MAX_SURVEY_QUESTIONS } from '../task-groups/contribution-kinds';
import { type Call, callSchema, type TaskGroup } from '../task-groups/task-group';
import { londonDate } from '../time';
import { deadlineFromDate } from '../workshops/terms';

/**
 * The call-for-contributions form. A call's group and kind are chosen when it is
 * created and stay (contributions already sent belong to them); title, what it asks,
 * the closing date and a survey's questions can be edited.
 */
const EDITABLE: readonly FieldSpec[] = [
  { kind: 'text', id: 'title', label: 'Title', required: true, minLength: 3, maxLength: 120 },
  { kind: 'text', id: 'asks', label: 'What the group asks for', required: true, minLength: 3, maxLength: 600, multiline: true },
  { kind: 'date', id: 'closes', label: 'Last day (London)', required: true },
  { kind: 'url', id: 'shareUrl', label: 'Link to share with people not in Teams (optional: e.g. a public form for pupils, parents and carers)', required: false, placeholder: 'https://' },
  {
    kind: 'text',
    id: 'survey',
    label: `Survey questions (survey answers only): one per line, up to ${MAX_SURVEY_QUESTIONS}; start a line with "(optional)" for one people may skip`,
    required: false,
    maxLength: 1200,
    multiline: true,
  },
];

const NEW_CALL_FIELDS = new WeakMap<readonly TaskGroup[], FieldSpec[]>();

/** The new-call form offers the groups by name; the same list comes back for the same groups, so its schema is built once. */
export function callFields(groups: readonly TaskGroup[] | undefined): readonly FieldSpec[] {
  if (!groups) return EDITABLE;
  const known = NEW_CALL_FIELDS.get(groups);
  if (known) return known;
  const fields: FieldSpec[] = [
    { kind: 'titledChoice', id: 'group', label: 'Task group', required: true, options: groups.map((g) => ({ title: g.number ? `Task Group ${g.number}: ${g.name}` : g.name, value: g.id })) },
    // Not "kind": the form's action data already carries a key of that name.
    { kind: 'titledChoice', id: 'callKind', label: 'What it asks for', required: true, options: CONTRIBUTION_KINDS.map((k) => ({ title: KIND_LABELS[k], value: k })) },
    ...EDITABLE,
  ];
  NEW_CALL_FIELDS.set(groups, fields);
  return fields;
}

const OPTIONAL = /^\(optional\)\s*/i;

function surveyOf(text: string): { id: string; text: string; required: boolean }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, i) => ({ id: `q${i + 1}`, text: line.replace(OPTIONAL, ''), required: !OPTIONAL.test(line) }));
}

/** The call the checked form describes, with every problem beside its field; `current` when editing. */
export function callFromForm(values: FormValues, current: Pick<Call, 'id' | 'groupId' | 'kind' | 'createdAt'> & Partial<Call>, now: Date): { call?: Call; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const closesAt = deadlineFromDate(String(values.closes));
  if (closesAt <= now && closesAt.toISOString() !== current.closesAt) problems.push({ field: 'closes', message: 'This closing date has passed.' });
  const survey = current.kind === 'surveyAnswer' ? surveyOf(typeof values.survey === 'string' ? values.survey : '') : [];
  if (current.kind === 'surveyAnswer' && survey.length === 0) problems.push({ field: 'survey', message: 'A survey needs at least one question.' });
  if (survey.length > MAX_SURVEY_QUESTIONS) problems.push({ field: 'survey', message: `Please ask at most ${MAX_SURVEY_QUESTIONS} questions.` });
  if (survey.some((q) => q.text.length < 3 || q.text.length > 200)) problems.push({ field: 'survey', message: 'Each question needs 3 to 200 characters.' });
  const shareUrl = typeof values.shareUrl === 'string' ? values.shareUrl : undefined;
  if (shareUrl && !shareUrl.startsWith('https://')) problems.push({ field: 'shareUrl', message: 'Please give the https:// link.' });
  if (problems.length > 0) return { problems };
  const { shareUrl: _old, ...kept } = current;
  return { call: callSchema.parse({ ...kept, title: values.title, asks: values.asks, closesAt: closesAt.toISOString(), survey, ...(shareUrl ? { shareUrl } : {}) }), problems };
}

/** A call as the form shows it. */
export const callFormText = (call: Call): Record<string, string> => ({
  title: call.title,
  asks: call.asks,
  closes: londonDate(new Date(call.closesAt)),
  shareUrl: call.shareUrl ?? '',
  survey: call.survey.map((q) => `${q.required ? '' : '(optional) '}${q.text}`).join('\n'),
});
