import fc from 'fast-check';

/** The raw material of hostile cases: broken fields, wrong values, huge strings, lookalike ids. */

/** An activity's own fields that a broken client could get wrong. */
export const ENVELOPE_FIELDS = ['from', 'conversation', 'recipient', 'entities', 'attachments', 'channelData', 'serviceUrl', 'locale', 'id', 'channelId', 'replyToId', 'timestamp'];
export const OBJECT_FIELDS = ['from', 'conversation', 'recipient', 'entities', 'attachments', 'channelData'];
/** Every activity has these; a case sometimes leaves them out altogether. */
export const REQUIRED_FIELDS = ['from', 'conversation'];
export const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

export const HUGE = [5_000, 70_000];
/** Well past the server's 256 KB body limit: refused with 413 before any handler. */
export const OVER_LIMIT = 300_000;

/** Values of every wrong kind, including the awkward ones (prototype names, template syntax, NUL). */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', '${title}', '{{x}}', '<at>NLC</at>', '\u0000', '../../etc/passwd', 'NaN', '1e309'),
  fc.constantFrom(...HUGE).map((n) => 'x'.repeat(n)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

const CLASSES = ['abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'];

/**
 * A different value of the same shape: up to six of the last letters and digits moved
 * along within their class (hex letters stay hex), never back to themselves. An id
 * that passes the id's format and names nothing.
 */
export function lookalike(value: string, random: number): string {
  const chars = [...value];
  for (let i = chars.length - 1, changed = 0; i >= 0 && changed < 6; i--) {
    const cls = CLASSES.find((c) => c.includes(chars[i]!));
    if (!cls) continue;
    const step = 1 + ((random >> changed) % (cls.length - 1));
    chars[i] = cls[(cls.indexOf(chars[i]!) + step) % cls.length]!;
    changed++;
  }
  return chars.join('');
}
