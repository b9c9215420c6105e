import { Field, ProgressBar } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { EventRow } from '../../../bot/tab-api/contract';

/** Places taken against capacity: a bar to glance at, the numbers in words beside it. */
export function Places({ places }: { places: NonNullable<EventRow['places']> }): ReactNode {
  const text = `${places.booked} of ${places.capacity} places taken${places.waiting ? `, ${places.waiting} on the waiting list` : ''}${places.closed ? ' (booking closed)' : ''}`;
  return (
    <Field validationMessage={text} validationState="none">
      <ProgressBar value={Math.min(1, places.booked / Math.max(1, places.capacity))} thickness="large" aria-label={text} color={places.booked >= places.capacity ? 'warning' : 'brand'} />
    </Field>
  );
}

export function answersText(counts: NonNullable<EventRow['counts']>): string {
  return `${counts.going} going, ${counts.maybe} maybe, ${counts.notGoing} can't go`;
}
