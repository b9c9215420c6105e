/**
 * Just enough Markdown reading for the documentation tests: sections by heading, the first
 * cell of table rows, links, and GitHub's heading anchors. Code is blanked out first, since
 * `[a](b)` inside backticks or a fenced block is text, not a link.
 */

const withoutCode = (markdown: string): string =>
  markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '``');

/** The lines under `heading` (e.g. "## Configuration") up to the next heading of its level or higher. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Every `name` in backticks in the first cell of a table row (headers and rules hold none). */
export function firstCellNames(markdown: string): string[] {
  const firstCells = markdown.split('\n').flatMap((line) => (line.startsWith('|') ? [line.split('|')[1] ?? ''] : []));
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map(([, name]) => name ?? ''));
}

/** Link targets, `[text](target)`, outside code. */
export const linkTargets = (markdown: string): string[] =>
  [...withoutCode(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target ?? '');

/**
 * The anchors GitHub gives the headings: lower case, punctuation dropped (hyphens and
 * underscores kept), spaces to hyphens, and "-1", "-2" after repeats.
 */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, text = ''] of withoutCodeBlocks(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

// Headings keep their inline code (its text is part of the anchor); only fenced blocks go.
const withoutCodeBlocks = (markdown: string): string => markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
