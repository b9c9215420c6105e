/**
 * Part of `npm run build`: bundles the organiser tab (tab/src, React with Fluent UI and
 * teams-js) with esbuild into dist/tab, which the bot serves under /tab/ (bot/tab-api/static.ts).
 * From npm packages only, offline. The chart and Adaptive Card libraries go into chunks of
 * their own, loaded when a page shows a chart or a card, so the first page comes sooner.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..');
export const TAB_OUT = join(ROOT, 'dist', 'tab');

export async function buildTab(outdir = TAB_OUT): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
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
  cpSync(join(ROOT, 'tab', 'index.html'), join(outdir, 'index.html'));
}

if (require.main === module) {
  buildTab().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
