import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { headingAnchors, linkTargets } from './helpers/markdown';

const ROOT = resolve(__dirname, '..');
const markdownFiles = (): string[] => [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];

/** What is wrong with one relative link in `file`, or undefined when it leads somewhere real. */
function brokenLink(file: string, target: string): string | undefined {
  const [path = '', anchor] = target.split('#', 2);
  const resolved = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), decodeURIComponent(path));
  if (relative(ROOT, resolved).startsWith('..')) return 'leaves the repository';
  if (!existsSync(resolved)) return 'no such file';
  if (anchor === undefined || !resolved.endsWith('.md')) return undefined;
  return headingAnchors(readFileSync(resolved, 'utf8')).has(anchor) ? undefined : `no heading #${anchor}`;
}

describe('documentation links', () => {
  it('when README.md and docs/ are read, then every relative link leads to a file in the repository, and every #anchor to a heading in it', () => {
    const files = markdownFiles();
    assert.ok(files.length > 5, `only ${files.length} Markdown files found`);
    const broken = files.flatMap((file) =>
      linkTargets(readFileSync(join(ROOT, file), 'utf8'))
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
        .flatMap((target) => {
          const problem = brokenLink(file, target);
          return problem ? [`${file}: ${target} (${problem})`] : [];
        }),
    );
    assert.deepEqual(broken, []);
  });
});
