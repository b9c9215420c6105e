import { DomainError } from '../domain/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Downloads a file someone sent the bot in Teams (its pre-authorised download link) as
 * UTF-8 text, refusing anything larger than `maxBytes` rather than reading it all.
 * Only https links are opened (plain http on loopback, for tests). The link comes in an
 * activity the Bot Connector signed, and only organisers' files are fetched at all.
 */
export async function downloadText(url: string, maxBytes: number, timeoutMs = 10_000): Promise<string> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && LOOPBACK.has(target.hostname))) {
    throw new DomainError('invalid_input', 'That file link is not one Teams would send, so it was not opened.');
  }
  let response: Response;
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DomainError('unavailable', 'The file could not be downloaded from Teams just now.', {
      hint: `Please send it again in a moment. (${error instanceof Error ? error.name : 'network error'})`,
    });
  }
  if (!response.ok || !response.body) {
    throw new DomainError('unavailable', `The file could not be downloaded from Teams (HTTP ${response.status}).`, { hint: 'Please send it again.' });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooBig(maxBytes);
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
