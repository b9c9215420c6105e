import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useState } from 'react';
import type { BroadcastSample, Broadcasts, Choice } from '../../../bot/tab-api/contract';
import { ApiError, postJson } from '../api';
import { AdaptiveCardView } from '../components/adaptive-card';
import { Problem } from '../components/load';
import { ConfirmSend } from './confirm-send';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(280px, 1fr) minmax(280px, 1fr)', gap: tokens.spacingHorizontalXXL },
  form: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start' },
  preview: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, backgroundColor: '#ffffff', color: '#242424' },
});

type Form = Record<string, string>;

/** What each content and audience kind reads from the form (bot/domain/broadcasts: content-types.ts, audience-types.ts). */
const NEEDS: Record<string, string[]> = { event: ['eventId'], announcement: ['title', 'text'], call: ['call'], deadline: ['deadline'], channel: ['channel'], 'event-answers': ['answersEventId', 'answers'], 'task-group': ['taskGroup'], team: ['team'] };
/** Any broadcast may carry a note above its card and a London time to go at (bot/domain/broadcasts/sending-options.ts). */
const ALWAYS = ['content', 'audience', 'note', 'sendDate', 'sendTime'];

/** Compose with a live sample of the card and the number of people it reaches; sending asks once more. */
export function Compose({ choices, sent }: { choices: Broadcasts['choices']; sent: () => void }): ReactNode {
  const styles = useStyles();
  // Starts on the next event, so the preview shows a card at once.
  const [form, setForm] = useState<Form>({ content: choices.events[0] ? 'event' : 'announcement', eventId: choices.events[0]?.value ?? '', audience: 'personal', answers: 'going' });
  const wanted = [...(NEEDS[form.content ?? ''] ?? []), ...(NEEDS[form.audience ?? ''] ?? [])];
  const body = { form: Object.fromEntries(Object.entries(form).filter(([k, v]) => v !== '' && (ALWAYS.includes(k) || wanted.includes(k)))) };
  const bodyText = JSON.stringify(body);
  const { sample, error } = useSample(bodyText);
  const set = (key: string) => (_: unknown, d: { value: string }) => setForm({ ...form, [key]: d.value });
  const problem = (key: string): string | undefined => (error instanceof ApiError ? error.fieldProblem(key) : undefined);
  const field = (key: string, label: string, input: ReactNode): ReactNode =>
    ALWAYS.includes(key) || wanted.includes(key) ? (
      <Field key={key} label={label} validationMessage={problem(key)} validationState={problem(key) ? 'error' : 'none'}>
        {input}
      </Field>
    ) : null;
  const select = (key: string, options: Choice[]): ReactNode => (
    <Select value={form[key] ?? ''} onChange={set(key)}>
      <option value="">Choose…</option>
      {options.map((o) => <option key={o.value} value={o.value}>{o.title}</option>)}
    </Select>
  );
  return (
    <div className={styles.layout}>
      <div className={styles.form}>
        {field('content', 'What to send', select('content', choices.contents))}
        {field('eventId', 'Event', select('eventId', choices.events))}
        {field('title', 'Title', <Input value={form.title ?? ''} onChange={set('title')} />)}
        {field('text', 'Text', <Textarea value={form.text ?? ''} onChange={set('text')} rows={5} resize="vertical" />)}
        {field('call', 'Call for contributions', select('call', choices.calls))}
        {field('deadline', 'Deadline', select('deadline', choices.deadlines))}
        {field('audience', 'Who it goes to', select('audience', choices.audiences))}
        {field('channel', 'Channel', select('channel', choices.channels))}
        {field('answersEventId', 'People who answered', select('answersEventId', choices.events))}
        {field('answers', 'Which answers', select('answers', choices.answers))}
        {field('taskGroup', 'Task group', select('taskGroup', choices.taskGroups))}
        {field('team', 'Team', select('team', choices.teams))}
        {sendingFields(field, form, set)}
        {error && !(error instanceof ApiError && error.body.fields?.length) ? <Problem error={error} /> : null}
        <p role="status" aria-live="polite">
          {sample ? sample.reach : 'Fill in the form to see who it reaches.'}
        </p>
        <ConfirmSend body={body} disabled={!sample} sent={sent} />
      </div>
      <div>
        <h3>What people will see</h3>
        <div className={styles.preview}>{sample ? <AdaptiveCardView card={sample.card} /> : <Button disabled>No preview yet</Button>}</div>
      </div>
    </div>
  );
}

type FieldOf = (key: string, label: string, input: ReactNode) => ReactNode;
type SetOf = (key: string) => (_: unknown, d: { value: string }) => void;

/** What any broadcast may carry: a note above its card, and a London date and time to go at. */
function sendingFields(field: FieldOf, form: Form, set: SetOf): ReactNode {
  return (
    <>
      {field('note', 'A note above the card (optional)', <Textarea value={form.note ?? ''} onChange={set('note')} rows={2} resize="vertical" />)}
      {field('sendDate', 'Send on (optional, London time)', <Input type="date" value={form.sendDate ?? ''} onChange={set('sendDate')} />)}
      {field('sendTime', 'at', <Input type="time" value={form.sendTime ?? ''} onChange={set('sendTime')} />)}
    </>
  );
}

/** The live sample of what the form would send: it saves nothing, and is asked for a moment after the last keystroke. */
function useSample(bodyText: string): { sample?: BroadcastSample; error?: Error } {
  const [sample, setSample] = useState<BroadcastSample>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    const timer = setTimeout(() => {
      postJson<BroadcastSample>('broadcasts/sample', JSON.parse(bodyText)).then(
        (s) => (setSample(s), setError(undefined)),
        (e: Error) => (setSample(undefined), setError(e)),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [bodyText]);
  return { sample, error };
}
