import type { IncomingMessage } from 'node:http';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import type { JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { type Actor, aadObjectIdSchema } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { LOOPBACK } from '../environment';
import { people as playgroundPeople } from './playground-people.json';

/**
 * Who is asking, for every call to /api/tab/: the person is the `oid` of a Teams single
 * sign-on token (authentication.getAuthToken() in the tab), checked here on every request
 * against the tenant's published keys, its issuer, audience, expiry and tenant. In local
 * mode (neither MicrosoftAppId nor TAB_APP_ID), the person is chosen with ?user= on
 * loopback only; with an app id that never works.
 */
export interface TabIdentitySettings {
  /** The bot's app id: set, local mode is off. */
  botAppId?: string;
  /** The tab's Entra app registration (TAB_APP_ID): the tokens' audience. */
  tabAppId?: string;
  /** The bot's public address: the other form of the audience is api://<its host>/<TAB_APP_ID>. */
  publicUrl?: string;
  allowedTenantIds: ReadonlySet<string>;
  /** Tests only: a loopback key set instead of Entra's. */
  keysUrl?: string;
}

export interface TabIdentity {
  local: boolean;
  actorOf(req: IncomingMessage, localUser: string | undefined): Promise<Actor>;
}

/** The header the tab sends the chosen person in, in local mode only. */
export const LOCAL_USER_HEADER = 'x-nlc-local-user';

/** Delegated scope the app registration exposes (infra/modules/tab-app.bicep); Teams asks for it. */
export const TAB_SCOPE = 'access_as_user';

const refused = (message: string): DomainError => new DomainError('no_identity', message, { hint: 'Open the NLC tab from Microsoft Teams, signed in with your work or school account.' });

type Jose = typeof JoseModule;
let josePromise: Promise<Jose> | undefined;
// jose is published as an ES module only; this CommonJS build loads it once, when first needed.
const jose = (): Promise<Jose> => (josePromise ??= import('jose'));

export const isLocalMode = (settings: Pick<TabIdentitySettings, 'botAppId' | 'tabAppId'>): boolean => !settings.botAppId && !settings.tabAppId;

export function tabIdentity(settings: TabIdentitySettings): TabIdentity {
  if (isLocalMode(settings)) return { local: true, actorOf: (req, user) => Promise.resolve(localActor(req, user)) };
  return { local: false, actorOf: (req) => tokenActor(settings, keySets(settings), req) };
}

function localActor(req: IncomingMessage, user: string | undefined): Actor {
  // The server listens on loopback in local mode (config-rules.ts); checked again here, per request.
  const from = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!LOOPBACK.has(from)) throw refused('Local mode answers this machine only.');
  const id = aadObjectIdSchema.safeParse(user);
  if (!id.success) throw refused('Choose who you are from the list first (local mode).');
  const name = LOCAL_PEOPLE.find((p) => p.aadObjectId === id.data)?.name;
  return { aadObjectId: id.data, teamsUserId: `8:orgid:${id.data}`, ...(name ? { name } : {}) };
}

/** The people local mode offers: the Agents Playground's, so the tab and the Playground are the same people. */
export const LOCAL_PEOPLE: readonly { aadObjectId: string; name: string }[] = playgroundPeople;

/** One cached key set per tenant: jose keeps the keys and fetches again only for an unknown key id (at most every 30 s). */
function keySets(settings: TabIdentitySettings): (tenantId: string) => Promise<JWTVerifyGetKey> {
  const sets = new Map<string, Promise<JWTVerifyGetKey>>();
  return (tenantId) => {
    const url = settings.keysUrl ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
    let set = sets.get(url);
    if (!set) sets.set(url, (set = jose().then((j) => j.createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 }))));
    return set;
  };
}

async function tokenActor(settings: TabIdentitySettings, keysFor: (tenantId: string) => Promise<JWTVerifyGetKey>, req: IncomingMessage): Promise<Actor> {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer ([A-Za-z0-9_.-]{20,8000})$/.exec(header)?.[1];
  if (!token) throw refused('Sign-in is needed: no token came with the request.');
  if (!settings.tabAppId || !settings.publicUrl) throw refused('The NLC tab is not set up on this server (TAB_APP_ID).');
  const j = await jose();
  const tenantId = unverifiedTenant(j, token);
  // Which keys to check against depends on the tenant, so the tenant is read before the
  // signature; it is checked again, signed, below.
  if (!settings.allowedTenantIds.has(tenantId)) throw refused('Your organisation is not one this NLC tab serves.');
  const audience = [settings.tabAppId, `api://${new URL(settings.publicUrl).host}/${settings.tabAppId}`];
  const issuer = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  try {
    const { payload } = await j.jwtVerify(token, await keysFor(tenantId), { audience, issuer, algorithms: ['RS256'], requiredClaims: ['exp', 'oid', 'tid'], clockTolerance: 60 });
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    const oid = aadObjectIdSchema.safeParse(payload.oid);
    if (String(payload.tid).toLowerCase() !== tenantId || !scopes.includes(TAB_SCOPE) || !oid.success) throw refused('This sign-in is not for the NLC tab.');
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 120) : undefined;
    return { aadObjectId: oid.data, teamsUserId: `8:orgid:${oid.data}`, ...(name ? { name } : {}) };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof j.errors.JOSEError && !(error instanceof j.errors.JWKSTimeout)) throw refused(`Sign-in was refused (${error.code}).`);
    throw error;
  }
}

function unverifiedTenant(j: Jose, token: string): string {
  try {
    const tid = j.decodeJwt(token).tid;
    return typeof tid === 'string' ? tid.toLowerCase() : '';
  } catch {
    // A token that does not even decode is refused like any other bad token.
    throw refused('Sign-in was refused (the token could not be read).');
  }
}
