/**
 * Preloaded (`--require`) into a bot process after tsx: the development-only packages
 * (those `npm ci --omit=dev` leaves out of the Azure bundle) cannot be loaded by our code
 * or by a production package, as in the bundle. Development tools may still load each
 * other (tsx loads esbuild to run the TypeScript source).
 */
import Module from 'node:module';
import { join } from 'node:path';
import { devOnlyPackages, packageOfFile, packageOfRequest } from '../../scripts/lib/packages';

const devOnly = devOnlyPackages(join(__dirname, '..', '..'));

type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;

loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
  // A built-in (punycode) wins over an npm package of the same name.
  const wanted = Module.isBuiltin(request) ? undefined : packageOfRequest(request);
  const from = parent?.filename ? packageOfFile(parent.filename) : undefined;
  if (wanted && devOnly.has(wanted) && !(from && devOnly.has(from))) {
    throw Object.assign(new Error(`Cannot find module '${request}' (a development dependency: not in the Azure bundle)`), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, parent, ...rest);
};
