import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Just enough reading of our own Bicep (infra/) for the consistency tests: named blocks,
 * object entries and parameters, as we write them (one property per line). Not a Bicep
 * parser; the files are kept simple and conventional so this stays true.
 */
export const INFRA_DIR = join(__dirname, '../../infra');

export const readBicep = (file: string): string => readFileSync(join(INFRA_DIR, file), 'utf8');

/** Every .bicep file under infra/, as one text (for "appears nowhere" checks). */
export function allBicep(): string {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.bicep') ? [join(dir, entry.name)] : [],
    );
  return files(INFRA_DIR)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/** The source without // comments (a // inside a string, as in 'https://...', stays). */
const withoutComments = (source: string): string => source.replace(/^((?:[^'\n/]|'(?:[^'\\\n]|\\.)*'|\/(?!\/))*)\/\/.*$/gm, '$1');

/** The bracketed value of `var <name> = [...]` or `{...}`, brackets included. */
export function varBlock(source: string, name: string): string {
  const text = withoutComments(source);
  const start = new RegExp(`^var ${name} = ([\\[{])`, 'm').exec(text);
  if (!start) throw new Error(`no "var ${name} = [" or "{" in the Bicep`);
  const open = start.index + start[0].length - 1;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[' || text[i] === '{') depth++;
    if (text[i] === ']' || text[i] === '}') depth--;
    if (depth === 0) return text.slice(open, i + 1);
  }
  throw new Error(`unbalanced brackets after "var ${name}"`);
}

/** `key: value` lines at the top level of an object block, in order. */
export function objectEntries(block: string): [string, string][] {
  return block
    .slice(1, -1)
    .split('\n')
    .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*):\s*(.+?)\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!]);
}

/** The objects of an array block, each as its `key: value` entries. */
export function arrayObjects(block: string): Record<string, string>[] {
  return [...block.matchAll(/\{([^{}]*)\}/g)].map((match) => Object.fromEntries(objectEntries(`{${match[1]}}`)));
}

/** A Bicep string literal's value ('it\'s' -> it's), or undefined for any other expression (an interpolated string too). */
export function literal(expression: string): string | undefined {
  const match = /^'((?:[^'\\]|\\.)*)'$/.exec(expression);
  if (!match || /(^|[^\\])\$\{/.test(match[1]!)) return undefined;
  return match[1]!.replace(/\\(.)/g, '$1');
}

export interface BicepParam {
  name: string;
  type: string;
  defaultValue?: string;
  /** The decorators above it (@description(...), @allowed(...), ...), as written. */
  decorators: string;
}

/** Every `param` of a file, with its default and decorators. */
export function params(source: string): BicepParam[] {
  const found: BicepParam[] = [];
  let decorators = '';
  for (const line of withoutComments(source).split('\n')) {
    const param = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line.trim());
    if (param) {
      found.push({ name: param[1]!, type: param[2]!, defaultValue: param[3], decorators });
      decorators = '';
    } else if (line.trim() === '') {
      decorators = '';
    } else {
      decorators += `${line}\n`;
    }
  }
  return found;
}

/** The value of the first `key: value` line in a file, e.g. healthCheckPath. */
export function propertyValue(source: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}:\\s*(.+?)\\s*$`, 'm').exec(withoutComments(source))?.[1];
}

/** The expression of a one-line `var <name> = ...`. */
export function varExpression(source: string, name: string): string {
  const match = new RegExp(`^var ${name} = (.+)$`, 'm').exec(withoutComments(source));
  if (!match) throw new Error(`no one-line "var ${name} =" in the Bicep`);
  return match[1]!.trim();
}

/** The body (after =>) of a one-line user-defined function. */
export function funcBody(source: string, name: string): string {
  const match = new RegExp(`^func ${name}\\(.*?\\) \\w+ => (.+)$`, 'm').exec(withoutComments(source));
  if (!match) throw new Error(`no one-line "func ${name}" in the Bicep`);
  return match[1]!;
}

/** Every `output <name> <type> = <expression>` of a file. */
export function outputs(source: string): { name: string; expression: string }[] {
  return [...withoutComments(source).matchAll(/^output (\w+) \w+ = (.+)$/gm)].map((m) => ({ name: m[1]!, expression: m[2]!.trim() }));
}

/** A parameter's value in a .bicepparam file: a literal, or an environment variable with a default. */
export interface BicepParamValue {
  expression: string;
  /** The value when no environment variable says otherwise. */
  value: string;
  /** readEnvironmentVariable('NAME', ...): the variable it reads. */
  environmentVariable?: string;
}

/** Every `param <name> = <value>` of a .bicepparam file, and the file it is `using`. */
export function bicepParams(file: string): { using: string; params: Map<string, BicepParamValue> } {
  const text = withoutComments(readBicep(file));
  const using = literal(/^using (.+)$/m.exec(text)?.[1]?.trim() ?? '') ?? '';
  const params = new Map<string, BicepParamValue>();
  for (const [, name, raw] of text.matchAll(/^param (\w+) = (.+)$/gm)) {
    const expression = raw!.trim();
    const fromEnv = /^readEnvironmentVariable\('(\w+)', (.+)\)$/.exec(expression);
    params.set(name!, fromEnv ? { expression, value: fromEnv[2]!, environmentVariable: fromEnv[1] } : { expression, value: expression });
  }
  return { using, params };
}
