import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** package-lock.json (lockfileVersion 3): every installed copy, keyed by its node_modules path. */
interface Lock {
  packages: Record<string, { dev?: boolean }>;
}

const readLock = (root: string): Lock => JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;

/** "node_modules/a/node_modules/@s/b" -> "@s/b". */
const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/**
 * The packages `npm ci --omit=dev` leaves out, as the lock file decides it (npm marks a
 * copy `dev` when only development dependencies reach it). A name with any production
 * copy is not in the list.
 */
export function devOnlyPackages(root: string): Set<string> {
  const entries = Object.entries(readLock(root).packages).filter(([path]) => path.includes('node_modules/'));
  const production = new Set(entries.filter(([, pkg]) => !pkg.dev).map(([path]) => nameOf(path)));
  return new Set(entries.filter(([path, pkg]) => pkg.dev && !production.has(nameOf(path))).map(([path]) => nameOf(path)));
}

/** The package a bare module request names ("@s/b/x" -> "@s/b"); undefined for paths and "node:" names. */
export function packageOfRequest(request: string): string | undefined {
  if (/^(\.|\/|node:)/.test(request) || /^[A-Za-z]:\\/.test(request)) return undefined;
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The package a file belongs to, when it is inside node_modules. */
export function packageOfFile(file: string): string | undefined {
  const at = file.replace(/\\/g, '/').lastIndexOf('/node_modules/');
  return at < 0 ? undefined : packageOfRequest(file.slice(at + '/node_modules/'.length).replace(/\\/g, '/'));
}
