import { strict as assert } from 'node:assert';
import { checkForm, type FieldSpec } from '../../bot/domain/forms';
import { CONTRIBUTION_KINDS, fieldsFor, KIND_LABELS } from '../../bot/domain/task-groups/contribution-kinds';

const survey = [
  { id: 'q1', text: 'What helps?', required: true },
  { id: 'q2', text: 'Anything else?', required: false },
];

/** One valid submission per kind, as Adaptive Card inputs send them (strings). */
const VALID: Record<(typeof CONTRIBUTION_KINDS)[number], Record<string, string>> = {
  caseStudy: { title: 'Growing our own TAs', setting: 'Example Primary', phase: 'Primary', summary: 'A summary that is long enough to be useful.', link: '' },
  hostVisit: { setting: 'Example Academy', expertise: 'Structured reading in KS2', availability: 'Autumn term, Tuesdays', places: '6' },
  requestVisit: { wantToSee: 'Inclusive practice in a specialist resource base', phase: 'Secondary', when: 'Spring term' },
  idea: { text: 'A termly digest of task group news in one email', contactMe: 'true' },
  surveyAnswer: { respondent: 'Pupil', q1: 'Visiting the new school first', q2: '' },
};

const problemsOf = (fields: FieldSpec[], values: Record<string, unknown>) => {
  const result = checkForm(fields, values);
  return result.ok ? [] : [...new Set(result.problems.map((p) => p.field))];
};

describe('contribution forms', () => {
  for (const kind of CONTRIBUTION_KINDS) {
    it(`when the ${KIND_LABELS[kind]} form is filled in properly, then it is accepted`, () => {
      assert.deepEqual(problemsOf(fieldsFor(kind, survey), VALID[kind]), []);
    });

    it(`when the ${KIND_LABELS[kind]} form is sent empty, then every required field is named`, () => {
      const fields = fieldsFor(kind, survey);
      const required = fields.filter((f) => 'required' in f && f.required).map((f) => f.id);
      assert.deepEqual(problemsOf(fields, {}).sort(), required.sort());
    });

    it(`when the ${KIND_LABELS[kind]} form carries a field it does not have, then it is refused`, () => {
      assert.deepEqual(problemsOf(fieldsFor(kind, survey), { ...VALID[kind], authorId: 'someone-else' }), ['form']);
    });
  }

  it('when a case study summary is 2,001 characters, then it is refused and 2,000 is accepted', () => {
    const fields = fieldsFor('caseStudy');
    assert.deepEqual(problemsOf(fields, { ...VALID.caseStudy, summary: 'x'.repeat(2001) }), ['summary']);
    assert.deepEqual(problemsOf(fields, { ...VALID.caseStudy, summary: 'x'.repeat(2000) }), []);
  });

  it('when a case study phase is not one of the six, then it is refused', () => {
    assert.deepEqual(problemsOf(fieldsFor('caseStudy'), { ...VALID.caseStudy, phase: 'Nursery' }), ['phase']);
  });

  it('when a link is not http(s), then it is refused', () => {
    assert.deepEqual(problemsOf(fieldsFor('caseStudy'), { ...VALID.caseStudy, link: 'javascript:alert(1)' }), ['link']);
  });

  it('when places per visit is not a whole number from 1 to 30, then it is refused', () => {
    const fields = fieldsFor('hostVisit');
    for (const places of ['0', '31', '2.5', 'six']) assert.deepEqual(problemsOf(fields, { ...VALID.hostVisit, places }), ['places'], places);
    const ok = checkForm(fields, VALID.hostVisit);
    assert.equal(ok.ok && ok.values.places, 6);
  });

  it('when "contact me" is ticked or left, then it reads as true or false', () => {
    const fields = fieldsFor('idea');
    const ticked = checkForm(fields, VALID.idea);
    const left = checkForm(fields, { text: VALID.idea.text });
    assert.equal(ticked.ok && ticked.values.contactMe, true);
    assert.equal(left.ok && left.values.contactMe, false);
  });

  it('when a survey respondent type is not pupil, parent or staff, then it is refused', () => {
    assert.deepEqual(problemsOf(fieldsFor('surveyAnswer', survey), { ...VALID.surveyAnswer, respondent: 'Governor' }), ['respondent']);
  });

  it('when a text is only spaces, then it counts as missing', () => {
    assert.deepEqual(problemsOf(fieldsFor('requestVisit'), { ...VALID.requestVisit, when: '   ' }), ['when']);
  });

  it('when several options are chosen from a list, then only listed ones are accepted, up to the maximum', () => {
    const fields: FieldSpec[] = [{ kind: 'multiChoice', id: 'leads', label: 'Leads', required: false, options: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }], max: 1 }];
    const chosen = checkForm(fields, { leads: 'a' });
    assert.deepEqual(chosen.ok && chosen.values.leads, ['a']);
    assert.deepEqual(problemsOf(fields, { leads: 'a,c' }), ['leads']);
    assert.deepEqual(problemsOf(fields, { leads: 'a,b' }), ['leads']);
  });
});
