import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/**
 * A stand-in for the Bot Framework's token signing service, on loopback: it publishes an
 * OpenID metadata document and its keys (JWKS), and signs tokens the way the Bot
 * Framework signs the requests Teams sends to a bot. Point the bot at `metadataUrl`
 * (BOT_OPENID_METADATA_URL) and it trusts these keys instead of the public cloud's.
 */
export interface TokenService {
  metadataUrl: string;
  /** The key id the published key carries. */
  kid: string;
  /** A Bearer token for a request from Teams to `appId` about `serviceUrl`. */
  channelToken(options: ChannelTokenOptions): string;
  /** How many times the bot fetched the metadata or the keys. */
  fetches(): number;
  close(): Promise<void>;
}

export interface ChannelTokenOptions {
  appId: string;
  serviceUrl: string;
  /** Sign with this key instead of the published one (a key the bot does not trust). */
  key?: KeyObject;
  /** The header's key id (default: the published one's). */
  kid?: string;
  /** Seconds from now the token expires (negative = already expired). */
  expiresIn?: number;
}

/** The issuer of the tokens Teams' requests carry (the Bot Framework channel service). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export const newSigningKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(header: object, payload: object, key: KeyObject): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  return `${signingInput}.${sign('RSA-SHA256', Buffer.from(signingInput), key).toString('base64url')}`;
}

export async function startTokenService(): Promise<TokenService> {
  const key = newSigningKey();
  const kid = 'test-signing-key';
  let fetches = 0;
  let base = '';
  const server: Server = createServer((req, res) => {
    fetches++;
    const body =
      req.url === '/v1/.well-known/openidconfiguration'
        ? { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }
        : req.url === '/v1/.well-known/keys'
          ? // Bot Framework keys list the channels they may sign for ("endorsements").
            { keys: [{ ...createPublicKey(key).export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] }] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    fetches: () => fetches,
    channelToken: (options) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        { alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid },
        {
          iss: CHANNEL_ISSUER,
          aud: options.appId,
          serviceurl: options.serviceUrl,
          nbf: now - 60,
          iat: now - 60,
          exp: now + (options.expiresIn ?? 3600),
        },
        options.key ?? key,
      );
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
