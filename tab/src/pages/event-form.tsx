import type { ReactNode } from 'react';
import type { FormDto } from '../../../bot/tab-api/contract';
import { postJson } from '../api';
import { FieldForm } from '../components/field-form';
import { Loaded, useLoad } from '../components/load';
import { go } from '../routes';

/** Create (kind given) or edit (event id given) an event or workshop, with the cards' own form and rules. */
export function EventFormPage({ kind, eventId }: { kind?: string; eventId?: string }): ReactNode {
  const load = useLoad<FormDto>(eventId ? `events/${encodeURIComponent(eventId)}/form` : `forms/${kind ?? 'event'}`);
  return (
    <Loaded load={load}>
      {(form) => (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{form.heading}</h2>
          <p>Dates and times are London time.</p>
          <FieldForm
            fields={form.fields}
            initial={form.values}
            submitLabel={form.id ? 'Save changes' : 'Create'}
            onSubmit={async (values) => {
              const saved = await postJson<{ id: string }>(`forms/${form.kind}`, { ...(form.id ? { id: form.id, shown: form.values } : {}), values });
              go(`event/${saved.id}`);
            }}
          />
        </section>
      )}
    </Loaded>
  );
}
