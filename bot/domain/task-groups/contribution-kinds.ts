import type { FieldSpec } from '../forms';

/** What a call for contributions can ask for; each kind has its own form. */
export const CONTRIBUTION_KINDS = ['caseStudy', 'hostVisit', 'requestVisit', 'idea', 'surveyAnswer'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const PHASES = ['Early Years', 'Primary', 'Secondary', 'Post-16', 'Special', 'All-through'] as const;
export const RESPONDENT_TYPES = ['Pupil', 'Parent or carer', 'Staff'] as const;

/** The largest survey a lead can define: short on purpose, so people answer it. */
export const MAX_SURVEY_QUESTIONS = 5;
export const SURVEY_ANSWER_MAX = 1000;

export const KIND_LABELS: Record<ContributionKind, string> = {
  caseStudy: 'Case study',
  hostVisit: 'Offer to host a visit',
  requestVisit: 'Request to visit',
  idea: 'Idea or suggestion',
  surveyAnswer: 'Survey answer',
};

const FIXED_FIELDS: Record<Exclude<ContributionKind, 'surveyAnswer'>, FieldSpec[]> = {
  caseStudy: [
    { kind: 'text', id: 'title', label: 'Title', required: true, minLength: 3, maxLength: 120 },
    { kind: 'text', id: 'setting', label: 'School or setting', required: true, minLength: 2, maxLength: 120 },
    { kind: 'choice', id: 'phase', label: 'Phase', required: true, choices: PHASES },
    { kind: 'text', id: 'summary', label: 'Summary (up to 2,000 characters)', required: true, minLength: 20, maxLength: 2000, multiline: true },
    { kind: 'url', id: 'link', label: 'Link to more (optional)', required: false, placeholder: 'https://' },
  ],
  hostVisit: [
    { kind: 'text', id: 'setting', label: 'School or setting', required: true, minLength: 2, maxLength: 120 },
    { kind: 'text', id: 'expertise', label: 'Area of expertise visitors would see', required: true, minLength: 3, maxLength: 300, multiline: true },
    { kind: 'text', id: 'availability', label: 'Possible dates or terms', required: true, minLength: 3, maxLength: 300 },
    { kind: 'number', id: 'places', label: 'Places per visit', required: true, min: 1, max: 30 },
  ],
  requestVisit: [
    { kind: 'text', id: 'wantToSee', label: 'What would you like to see?', required: true, minLength: 3, maxLength: 500, multiline: true },
    { kind: 'choice', id: 'phase', label: 'Preferred phase', required: true, choices: PHASES },
    { kind: 'text', id: 'when', label: 'When would suit you?', required: true, minLength: 3, maxLength: 200 },
  ],
  idea: [
    { kind: 'text', id: 'text', label: 'Your idea or suggestion', required: true, minLength: 10, maxLength: 2000, multiline: true },
    { kind: 'toggle', id: 'contactMe', label: 'I am happy to be contacted about this' },
  ],
};

export interface SurveyQuestion {
  id: string;
  text: string;
  required: boolean;
}

const surveyForms = new WeakMap<readonly SurveyQuestion[], FieldSpec[]>();

/**
 * The form for a kind; a survey's form is its respondent type plus the lead's questions.
 * The same list comes back for the same survey, so its validation schema is built once.
 */
export function fieldsFor(kind: ContributionKind, survey: readonly SurveyQuestion[] = []): FieldSpec[] {
  if (kind !== 'surveyAnswer') return FIXED_FIELDS[kind];
  const known = surveyForms.get(survey);
  if (known) return known;
  const fields: FieldSpec[] = [
    { kind: 'choice', id: 'respondent', label: 'I am answering as a', required: true, choices: RESPONDENT_TYPES },
    ...survey.map((q): FieldSpec => ({ kind: 'text', id: q.id, label: q.text, required: q.required, maxLength: SURVEY_ANSWER_MAX, multiline: true })),
  ];
  surveyForms.set(survey, fields);
  return fields;
}

/** Where a contribution's headline comes from, for lists and digests. */
export function headlineOf(kind: ContributionKind, values: Record<string, unknown>): string {
  const pick = (key: string): string => {
    const value = values[key];
    return typeof value === 'string' ? value : '';
  };
  const text = (() => {
    switch (kind) {
      case 'caseStudy':
        return pick('title');
      case 'hostVisit':
        return `${pick('setting')}: ${pick('expertise')}`;
      case 'requestVisit':
        return pick('wantToSee');
      case 'idea':
        return pick('text');
      case 'surveyAnswer':
        return `Answered as ${pick('respondent').toLowerCase()}`;
    }
  })();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
