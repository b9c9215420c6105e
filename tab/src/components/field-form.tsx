import { Button, Checkbox, Field, Input, makeStyles, Select, Switch, Textarea, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { FieldSpec } from '../../../bot/domain/forms';
import { ApiError } from '../api';
import { Problem } from './load';

/**
 * A form drawn from the same field descriptions the cards are drawn from
 * (bot/domain/forms.ts): the server checks what it sends with the same rules, and each
 * problem it finds appears beside its field. Dates and times are London's, as the
 * labels say; the browser's own date and time pickers fill them.
 */
const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  choices: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Values = Record<string, string>;

function Input1({ field, value, set }: { field: FieldSpec; value: string; set: (v: string) => void }): ReactNode {
  switch (field.kind) {
    case 'text':
      return field.multiline ? <Textarea value={value} onChange={(_, d) => set(d.value)} maxLength={field.maxLength} resize="vertical" /> : <Input value={value} onChange={(_, d) => set(d.value)} maxLength={field.maxLength} placeholder={field.placeholder} />;
    case 'url':
      return <Input type="url" value={value} onChange={(_, d) => set(d.value)} placeholder={field.placeholder} />;
    case 'number':
      return <Input type="number" value={value} min={field.min} max={field.max} onChange={(_, d) => set(d.value)} />;
    case 'date':
      return <Input type="date" value={value} onChange={(_, d) => set(d.value)} />;
    case 'time':
      return <Input type="time" value={value} onChange={(_, d) => set(d.value)} />;
    case 'toggle':
      return <Switch checked={value === 'true'} onChange={(_, d) => set(String(d.checked))} />;
    case 'choice':
    case 'titledChoice': {
      const options = field.kind === 'choice' ? field.choices.map((c) => ({ title: c, value: c })) : field.options;
      return (
        <Select value={value} onChange={(_, d) => set(d.value)}>
          {field.required ? null : <option value="">(none)</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.title}
            </option>
          ))}
        </Select>
      );
    }
    case 'multiChoice':
      return <MultiChoice options={field.options} value={value} set={set} />;
  }
}

function MultiChoice({ options, value, set }: { options: readonly { title: string; value: string }[]; value: string; set: (v: string) => void }): ReactNode {
  const styles = useStyles();
  const chosen = new Set(value.split(',').filter(Boolean));
  const toggle = (v: string, on: boolean): void => set(options.map((o) => o.value).filter((o) => (o === v ? on : chosen.has(o))).join(','));
  return (
    <div className={styles.choices}>
      {options.map((o) => (
        <Checkbox key={o.value} label={o.title} checked={chosen.has(o.value)} onChange={(_, d) => toggle(o.value, d.checked === true)} />
      ))}
    </div>
  );
}

export function FieldForm({ fields, initial, submitLabel, onSubmit }: { fields: readonly FieldSpec[]; initial: Values; submitLabel: string; onSubmit: (values: Values) => Promise<void> }): ReactNode {
  const styles = useStyles();
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  const problem = (id: string): string | undefined => (error instanceof ApiError ? error.fieldProblem(id) : undefined);
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      {error ? <Problem error={error} title="Nothing was saved" /> : null}
      {fields.map((field) => (
        <Field key={field.id} label={field.label} required={'required' in field && field.required} validationMessage={problem(field.id)} validationState={problem(field.id) ? 'error' : 'none'}>
          <Input1 field={field} value={values[field.id] ?? ''} set={(v) => setValues({ ...values, [field.id]: v })} />
        </Field>
      ))}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
