import { DomainError } from '../domain/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface FileDownloadPolicy {
  /** Local mode only (no app id): tests and the Agents Playground serve files on loopback. */
  allowLoopback: boolean;
}

/**
 * Whether a file link is one Teams gives a bot. A file sent in a personal chat is first
 * uploaded to the sender's OneDrive for Business, and the bot gets a pre-authorised
 * `downloadUrl` to that copy (Teams docs, "Send and receive files using bot": "OneDrive
 * URL for fetching the content of the file"), so on a SharePoint Online host
 * (`<tenant>-my.sharepoint.com`, `*.sharepoint.com`). https, default port, no credentials.
 */
export function isTeamsFileUrl(url: URL, policy: FileDownloadPolicy): boolean {
  if (policy.allowLoopback && LOOPBACK.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
  return url.protocol === 'https:' && url.port === '' && !url.username && !url.password && url.hostname.endsWith('.sharepoint.com');
}

/**
 * Downloads a file someone sent the bot in Teams (its pre-authorised download link) as
 * UTF-8 text, refusing anything larger than `maxBytes` rather than reading it all.
 * Only Teams' file hosts are asked (see isTeamsFileUrl), and a redirect is never
 * followed: it could lead anywhere, the bot's own network included. The link comes in an
 * activity the Bot Connector signed, and only organisers' files are fetched at all.
 */
export async function downloadText(url: string, maxBytes: number, policy: FileDownloadPolicy, timeoutMs = 10_000): Promise<string> {
  const target = new URL(url);
  if (!isTeamsFileUrl(target, policy)) {
    throw new DomainError('invalid_input', 'That file link is not one Teams would send, so it was not opened.');
  }
  let response: Response;
  try {
    response = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DomainError('unavailable', 'The file could not be downloaded from Teams just now.', {
      hint: `Please send it again in a moment. (${error instanceof Error ? error.name : 'network error'})`,
    });
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new DomainError('invalid_input', 'The file link sent me somewhere else, so the file was not opened.', {
      hint: 'Send the file again from Teams, in this chat.',
    });
  }
  if (!response.ok || !response.body) {
    throw new DomainError('unavailable', `The file could not be downloaded from Teams (HTTP ${response.status}).`, { hint: 'Please send it again.' });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body.cancel();
    throw tooBig(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooBig(maxBytes);
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

const tooBig = (maxBytes: number): DomainError =>
  new DomainError('invalid_input', `The file is larger than ${Math.round(maxBytes / 1024)} KB, so it was not imported.`, {
    hint: 'Import the programme in several smaller files.',
  });
