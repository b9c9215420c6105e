/**
 * Where the bot may send its Bot Connector token. Replies and proactive messages go to
 * a conversation's `serviceUrl`, which we store from incoming activities; with an app id
 * every such call carries the bot's bearer token, so a stored address that is not Teams'
 * (tampered data, a plain-http address) would hand that token to someone else.
 *
 * The hosts are the ones Microsoft documents for Teams' Bot Connector: the public cloud's
 * `smba.trafficmanager.net` (regional paths such as /amer/, /emea/, /teams/), and the
 * government clouds' proactive endpoints, GCC `smba.infra.gcc.teams.microsoft.com` and
 * GCC High `smba.infra.gov.teams.microsoft.us` (Teams docs, "Send proactive messages"),
 * plus DoD `smba.infra.dod.teams.microsoft.us` (the Microsoft 365 Agents SDK's
 * TeamsServiceEndpoints). https only, default port, no credentials in the URL.
 */
const TEAMS_CONNECTOR_HOSTS: ReadonlySet<string> = new Set([
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
]);

export function isTeamsServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    // Not a URL at all: certainly not Teams'.
    return false;
  }
  return url.protocol === 'https:' && url.port === '' && !url.username && !url.password && TEAMS_CONNECTOR_HOSTS.has(url.hostname);
}

/** A call the client refused to make, because its address is not one it may send the token to. */
export class ServiceUrlRefusedError extends Error {
  constructor(readonly host: string) {
    super(`not sent: ${host} is not a Teams connector address`);
    this.name = 'ServiceUrlRefusedError';
  }
}

/** The host of a service URL for logs and errors (never its path, which can carry ids). */
export function hostOf(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).host.slice(0, 200);
  } catch {
    return '(not a URL)';
  }
}
