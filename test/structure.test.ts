import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Small files and short functions, kept so: the production code (bot/, cards/ and the tab's tab/) has no
 * file over 200 lines and no function over 60. A function's length runs from its first
 * line to its last, so a factory is as long as everything it returns; split one by concern.
 */
const ROOT = join(__dirname, '..');
const MAX_FILE_LINES = 200;
const MAX_FUNCTION_LINES = 60;

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return codeFiles(path);
    return /\.(ts|tsx|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const FILES = [...codeFiles('bot'), ...codeFiles('cards'), ...codeFiles('tab')];
const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Every function with a body (declarations, expressions, arrows, methods, accessors), with its name where it has one. */
function longFunctions(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const lineOf = (position: number): number => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - first + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${path}:${first} ${nameOf(node) ?? '(anonymous)'} has ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function nameOf(node: ts.Node): string | undefined {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return undefined;
}

describe('code size (bot/, cards/ and tab/)', () => {
  it('when the code files are counted, then there are some (the folders were found)', () => {
    assert.ok(FILES.length > 100, `only ${FILES.length} files found`);
    assert.ok(FILES.filter((f) => f.startsWith('tab/')).length > 10, 'the tab\'s files are counted too');
  });

  it(`when each file's lines are counted, then none has more than ${MAX_FILE_LINES}`, () => {
    const long = FILES.map((path) => ({ path, lines: lineCount(readFileSync(join(ROOT, path), 'utf8')) })).filter((f) => f.lines > MAX_FILE_LINES);
    assert.deepEqual(long.map((f) => `${f.path} has ${f.lines} lines`), []);
  });

  it(`when each function's lines are counted, then none has more than ${MAX_FUNCTION_LINES}`, () => {
    assert.deepEqual(FILES.flatMap((path) => longFunctions(path, readFileSync(join(ROOT, path), 'utf8'))), []);
  });
});
