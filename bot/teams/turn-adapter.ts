import { type Activity, type Request, type Response, StatusCodes, type TurnContext } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';

/** jsonwebtoken's own failures ("invalid signature", "jwt not active", ...). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Connector clients kept: one per (app, Teams service URL); Teams has a handful of regional ones. */
const CLIENTS_KEPT = 64;

/** The app id botbuilder builds a turn's clients for (ParameterizedBotFrameworkAuthentication's getAppId). */
const appIdOf = (identity: ClaimsIdentity): string =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';

/** A ConnectorFactory handing out the clients it made before for the same service URL and audience. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly made: Map<string, Promise<ConnectorClient>>,
    private readonly appId: string,
    private readonly inner: ConnectorFactory,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
    let client = this.made.get(key);
    if (!client) {
      if (this.made.size >= CLIENTS_KEPT) this.made.delete(this.made.keys().next().value as string);
      client = this.inner.create(serviceUrl, audience);
      // A failed creation is not kept: the next turn tries again.
      client.catch(() => this.made.delete(key));
      this.made.set(key, client);
    }
    return client;
  }
}

/**
 * teams-ai's TeamsAdapter with botbuilder's per-turn set-up done once. For every turn
 * CloudAdapter builds a new ConnectorClient and a new UserTokenClient (each a full HTTP
 * pipeline of policies) and, in `process`, new zod schemas to check a body the server
 * has already checked (`activity-shape.ts`); in a CPU profile of RSVPs at saturation
 * that was about a fifth of the bot's time, plus the garbage it left. Here the clients
 * are kept per (app, service URL, audience), as the credentials inside them already
 * cache their tokens, and the body goes straight to `processActivity`. Everything else
 * (token checks, the turn, the invoke response) is botbuilder's own.
 * test/teams/turn-adapter.test.ts fails if botbuilder stops calling what this relies on.
 */
export class TurnAdapter extends TeamsAdapter {
  private readonly connectorClients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication;
    const authenticate = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      let result: AuthenticateRequestResult;
      try {
        result = await authenticate(activity, authHeader);
      } catch (error) {
        // botbuilder answers 401 when a token's key id is unknown, but lets jsonwebtoken's
        // error escape (a 500) when a forged token names a trusted key: unauthenticated all the same.
        if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
          throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
        }
        throw error;
      }
      const inner = result.connectorFactory;
      return inner ? { ...result, connectorFactory: new ReusingConnectorFactory(this.connectorClients, appIdOf(result.claimsIdentity), inner) } : result;
    };
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (identity) => {
      const appId = appIdOf(identity);
      let client = this.tokenClients.get(appId);
      if (!client) {
        client = createUserTokenClient(identity);
        client.catch(() => this.tokenClients.delete(appId));
        this.tokenClients.set(appId, client);
      }
      return client;
    };
  }

  /**
   * One POST /api/messages whose body server.ts has read as JSON and checked to be an
   * activity: the token is checked, the turn run and the request answered as
   * CloudAdapter.process would (401 for a bad token, the invoke response, 500 otherwise).
   */
  async processTurn(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    res.header('User-Agent', this.userAgent);
    const end = (status: number, body?: unknown): void => {
      res.status(status);
      if (body !== undefined) res.send(body);
      res.end();
    };
    const header = req.headers.authorization ?? req.headers.Authorization;
    const authHeader = typeof header === 'string' ? header : '';
    try {
      const invokeResponse = await this.processActivity(authHeader, validateAndFixActivity(req.body as unknown as Activity), logic);
      end(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
    } catch (error) {
      const unauthorized = error instanceof AuthenticationError;
      end(unauthorized ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR, error instanceof Error ? error.message : String(error));
    }
  }
}
