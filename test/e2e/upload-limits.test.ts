import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BODY_BYTES } from '../../bot/server';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startConnector, type StandInConnector } from '../helpers/connector';

const MB = 1024 * 1024;
const BODY_BYTES = 30 * MB;
const CHUNK = 256 * 1024;

interface SlowPost {
  status: number;
  /** Bytes the client had handed to its socket when the answer came. */
  sentBeforeAnswer: number;
}

/**
 * POSTs a 30 MB body at about 60 MB/s in 256 KB pieces, as a large upload over a fast
 * link would come, and notes how much of it had gone out when the answer arrived. A
 * server that refuses at the limit answers after a few pieces; one that reads (or
 * stores) the whole body answers only at the end. A raw socket, not http.request: a
 * server that refuses early may close the connection while we still write, and on a
 * loaded machine the write's EPIPE can come before http.request hands over the answer
 * already received; here the answer is read as it arrives, whatever the writes do.
 */
function slowPost(url: string, headers: Record<string, string>, head: string, tail: string, chunked = false): Promise<SlowPost> {
  const { hostname, port, pathname } = new URL(url);
  const length = Buffer.byteLength(head) + BODY_BYTES + Buffer.byteLength(tail);
  const frame = (data: string | Buffer): Buffer | string => (chunked ? Buffer.concat([Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`), Buffer.from(data), Buffer.from('\r\n')]) : data);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answer = '';
    let sentBeforeAnswer: number | undefined;
    const socket = connect(Number(port), hostname);
    const lines = Object.entries({ host: `${hostname}:${port}`, ...headers, ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(length) }) });
    const finished = (): boolean => sentBeforeAnswer !== undefined || socket.destroyed;
    socket.on('data', (data: Buffer) => {
      sentBeforeAnswer ??= sent;
      answer += data.toString('latin1');
    });
    // Writes after the server closed fail (EPIPE, ECONNRESET): that is the point, the answer decides.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status && sentBeforeAnswer !== undefined) resolve({ status: Number(status[1]), sentBeforeAnswer });
      else reject(new Error(`the connection closed without an answer after ${sent} bytes`));
    });
    const piece = frame(Buffer.alloc(CHUNK, 'x'));
    const pump = async (): Promise<void> => {
      socket.write(`POST ${pathname} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\nconnection: close\r\n\r\n`);
      socket.write(frame(head));
      sent += Buffer.byteLength(head);
      while (sent < length - Buffer.byteLength(tail) && !finished()) {
        socket.write(piece);
        sent += CHUNK;
        await new Promise((r) => setTimeout(r, 4));
      }
      if (!finished()) socket.end(chunked ? Buffer.concat([Buffer.from(frame(tail)), Buffer.from('0\r\n\r\n')]) : tail);
      else socket.end();
    };
    void pump();
  });
}

/**
 * `/api/messages` reads JSON only, at most MAX_BODY_BYTES of it; every other body type
 * is refused unread (415). restify's general body parser used to hand multipart bodies to
 * formidable, which ignores the size limit and writes each upload to the temp directory.
 */
describe('request bodies: JSON only, never past the limit, never to disk', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let uploads: string;
  const previousTmp = process.env.TMPDIR;

  before(async () => {
    // A temp directory of this test's own, so another process's files cannot confuse it.
    uploads = mkdtempSync(join(tmpdir(), 'nlc-uploads-'));
    process.env.TMPDIR = uploads;
    connector = await startConnector();
    bot = await startTestBot({ demoData: false });
  });
  after(async () => {
    process.env.TMPDIR = previousTmp;
    if (previousTmp === undefined) delete process.env.TMPDIR;
    await bot.close();
    await connector.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const messages = (): string => `${bot.url}/api/messages`;

  it('when 30 MB of multipart/form-data is posted, then it is refused with 415 before the body is read and no file is written', async function () {
    this.timeout(60_000);
    const boundary = 'nlc-test-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const answer = await slowPost(messages(), { 'content-type': `multipart/form-data; boundary=${boundary}` }, head, `\r\n--${boundary}--\r\n`);
    assert.equal(answer.status, 415);
    assert.ok(answer.sentBeforeAnswer < 4 * MB, `${(answer.sentBeforeAnswer / MB).toFixed(1)} MB had gone out before the answer`);
    assert.deepEqual(readdirSync(uploads), [], 'nothing in the temp directory');
    assert.equal(connector.calls.length, 0);
  });

  for (const chunked of [false, true]) {
    it(`when 30 MB of JSON is posted ${chunked ? 'without a length (chunked)' : 'with its length'}, then it is refused with 413 once the limit is passed, not after reading it all`, async function () {
      this.timeout(60_000);
      const answer = await slowPost(messages(), { 'content-type': 'application/json' }, '{"type":"message","text":"', '"}', chunked);
      assert.equal(answer.status, 413);
      assert.ok(answer.sentBeforeAnswer < MAX_BODY_BYTES + 4 * MB, `${(answer.sentBeforeAnswer / MB).toFixed(1)} MB had gone out before the answer`);
      assert.deepEqual(readdirSync(uploads), []);
      assert.equal(connector.calls.length, 0);
    });
  }

  it('when a body is form-encoded, plain text or binary, then it is refused with 415 and says what to send', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream', 'application/jsonx']) {
      const response = await fetch(messages(), { method: 'POST', headers: { 'content-type': type }, body: 'type=message&text=help' });
      assert.equal(response.status, 415, String(type));
      assert.match(await response.text(), /application\/json/);
    }
    assert.equal(connector.calls.length, 0);
  });
});
