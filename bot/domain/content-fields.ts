import { z } from 'zod/v4';

/** A link people open from a card (join, book, respond, share): https only, of a sane length. */
export const httpsUrlSchema = z.url({ protocol: /^https$/ }).max(2000);

/**
 * What on a card is illustrative rather than taken from the source (demo data: a made-up
 * link, a date the letter does not give). The card shows it, labelled "Example", so no
 * invented detail passes for a fact.
 */
export const exampleSchema = z.string().trim().min(3).max(200);
