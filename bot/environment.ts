import { z } from 'zod/v4';

/**
 * Reading settings from the environment: the pieces config.ts (the bot) and
 * manifest/settings.ts (packaging) share. A bad value stops the process with one message
 * naming every bad key.
 */

export const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

export const guid = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');

/** Comma-separated GUIDs, lower-cased. */
export const guidList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '')
      : value,
  z.array(guid.transform((id) => id.toLowerCase())).default([]),
);

export const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A URL on this machine only ("[::1]" included). */
export const isLoopbackUrl = (url: string): boolean => LOOPBACK.has(new URL(url).hostname.replace(/^\[|\]$/g, ''));

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment with `schema`; every bad key goes into one ConfigError (secrets not repeated). */
export function parseEnvironment<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(environment)';
    const shown = key in env && !/PASSWORD|KEY/i.test(key) ? ` (got ${JSON.stringify(env[key])})` : '';
    return `${key}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}
