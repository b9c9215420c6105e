import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { newSigningKey, signJwt } from './bot-framework-tokens';

/**
 * A stand-in for Microsoft Entra's published signing keys, on loopback: a JWKS the tab API
 * trusts through TAB_KEYS_URL, and Teams single sign-on tokens signed with it, as
 * authentication.getAuthToken() hands them to the tab (v2 issuer unless told otherwise).
 */
export interface EntraStandIn {
  keysUrl: string;
  token(claims: TokenClaims, options?: { key?: KeyObject; expiresIn?: number }): string;
  close(): Promise<void>;
}

export interface TokenClaims {
  oid: string;
  tid: string;
  aud: string;
  iss?: string;
  scp?: string;
  name?: string;
}

export async function startEntraStandIn(): Promise<EntraStandIn> {
  const key = newSigningKey();
  const kid = 'entra-test-key';
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [{ ...createPublicKey(key).export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
  return {
    keysUrl: url,
    token: (claims, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: `https://login.microsoftonline.com/${claims.tid}/v2.0`, scp: 'access_as_user', ver: '2.0', ...claims, nbf: now - 60, iat: now - 60, exp: now + (options.expiresIn ?? 3600) };
      return signJwt({ alg: 'RS256', typ: 'JWT', kid }, payload, options.key ?? key);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
