/**
 * Part of `npm run build`: bundles the organiser tab (tab/src, React with Fluent UI and
 * teams-js) with esbuild into dist/tab, which the bot serves under /tab/ (bot/tab-api/static.ts).
 * From npm packages only, offline. The chart and Adaptive Card libraries go into chunks of
 * their own, loaded when a page shows a chart or a card, so the first page comes sooner.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..');
export const TAB_OUT = join(ROOT, 'dist', 'tab');

export async function buildTab(outdir = TAB_OUT): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    metafile: true,
    entryPoints: { app: join(ROOT, 'tab', 'src', 'main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir,
    chunkNames: 'chunk-[hash]',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The chunks the entry imports at once are fetched beside it, not after it has been read.
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined)?.[1];
  const preloads = (entry?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => `<link rel="modulepreload" href="${i.path.split('/').pop()}" />`);
  const page = readFileSync(join(ROOT, 'tab', 'index.html'), 'utf8').replace('</head>', `  ${preloads.join('\n    ')}\n  </head>`);
  writeFileSync(join(outdir, 'index.html'), page);
}

if (require.main === module) {
  buildTab().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
