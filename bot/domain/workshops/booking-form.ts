import { z } from 'zod/v4';
import { parseInput } from '../validation';

/** The roles the booking form offers, as stored (key) and as shown (label). */
export const ROLES = {
  headteacher: 'Headteacher',
  'senior-leader': 'Senior leader',
  senco: 'SENCO',
  'inclusion-lead': 'Inclusion lead',
  other: 'Other',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as [Role, ...Role[]];

export const MAX_SCHOOL_LENGTH = 120;
export const MAX_NEEDS_LENGTH = 500;

/** The booking form's inputs; the ids match the card's input ids, so problems land beside their field. */
export const bookingFormSchema = z.object({
  role: z.enum(ROLE_KEYS, { error: 'Choose your role from the list.' }),
  school: z
    .string({ error: 'Enter the name of your school or setting.' })
    .trim()
    .min(2, 'Enter the name of your school or setting.')
    .max(MAX_SCHOOL_LENGTH, `Keep the school or setting name to ${MAX_SCHOOL_LENGTH} characters.`),
  needs: z
    .string({ error: 'Access or dietary needs must be text.' })
    .trim()
    .max(MAX_NEEDS_LENGTH, `Keep access or dietary needs to ${MAX_NEEDS_LENGTH} characters; the organisers will contact you for more.`)
    .optional()
    .transform((needs) => needs ?? ''),
});
export type BookingForm = z.infer<typeof bookingFormSchema>;

/** What the person typed, as text, so an invalid form can come back with their values in it. */
export type FormValues = Record<keyof BookingForm, string>;

export const parseBookingForm = (values: unknown): BookingForm => parseInput(bookingFormSchema, values, 'booking form');
