import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IMPORT_CHARS } from '../../bot/domain/authoring/programme-file';
import { downloadText, isTeamsFileUrl } from '../../bot/teams/files';
import { startTestBot, type TestBot } from '../helpers/bot';
import { organiserEnv } from '../helpers/broadcasts';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { PRACTICE_WEEK_CSV, sendFile } from '../helpers/reminders';

interface Host {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A loopback web server answering every request with `answer`, recording each path. */
async function startHost(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Host> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Programme files people send the bot: Teams gives a pre-authorised link to the copy in
 * the sender's OneDrive for Business. Only such links are opened, redirects are never
 * followed, and the size cap holds whether or not the length is declared.
 */
describe('programme files sent to the bot', () => {
  it('when a link is https on SharePoint / OneDrive for Business, then it may be opened; anything else is refused, loopback only in local mode', () => {
    const allowed = ['https://contoso-my.sharepoint.com/personal/ann_contoso_com/_layouts/15/download.aspx?UniqueId=1', 'https://norfolk.sharepoint.com/sites/nlc/file.csv'];
    for (const url of allowed) assert.ok(isTeamsFileUrl(new URL(url), { allowLoopback: false }), url);
    const refused = [
      'http://contoso-my.sharepoint.com/personal/x/file.csv',
      'https://attacker.example/file.csv',
      'https://contoso.sharepoint.com.attacker.example/file.csv',
      'https://evilsharepoint.com/file.csv',
      'https://contoso-my.sharepoint.com:8443/file.csv',
      'https://user:pass@contoso-my.sharepoint.com/file.csv',
      'http://169.254.169.254/metadata',
      'http://127.0.0.1:8080/file.csv',
    ];
    for (const url of refused) assert.ok(!isTeamsFileUrl(new URL(url), { allowLoopback: false }), url);
    assert.ok(isTeamsFileUrl(new URL('http://127.0.0.1:8080/file.csv'), { allowLoopback: true }), 'tests and the Agents Playground, in local mode');
    assert.ok(!isTeamsFileUrl(new URL('https://attacker.example/file.csv'), { allowLoopback: true }));
  });

  it('when the bot has an app id and a link is not a SharePoint one, then nothing is fetched', async () => {
    const host = await startHost((_req, res) => res.end('title,starts\n'));
    try {
      await assert.rejects(downloadText(`${host.url}/file.csv`, 1000, { allowLoopback: false }), /not one Teams would send/);
      assert.deepEqual(host.requests, []);
    } finally {
      await host.close();
    }
  });

  describe('an organiser sending a file (local mode)', () => {
    let connector: StandInConnector;
    let bot: TestBot;
    let target: Host;

    before(async () => {
      connector = await startConnector();
      bot = await startTestBot({ env: organiserEnv(), demoData: false });
      // Where a redirect would lead: it serves a valid programme, so following it would "work".
      target = await startHost((_req, res) => res.end(PRACTICE_WEEK_CSV));
    });
    after(async () => {
      await bot.close();
      await connector.close();
      await target.close();
    });

    for (const status of [301, 302, 307, 308]) {
      it(`when the file link answers ${status} to somewhere else, then the redirect is not followed and the organiser is told why`, async () => {
        const redirecting = await startHost((_req, res) => {
          res.writeHead(status, { location: `${target.url}/practice-week-2024.csv` });
          res.end();
        });
        try {
          const answer = await sendFile(bot, connector, 'practice-week-2024.csv', `${redirecting.url}/practice-week-2024.csv`);
          assert.deepEqual(redirecting.requests, ['/practice-week-2024.csv']);
          assert.deepEqual(target.requests, [], 'the redirect was not followed');
          assert.match(cardText(answer), /sent me somewhere else/);
          assert.doesNotMatch(cardText(answer), /Import preview/);
        } finally {
          await redirecting.close();
        }
      });
    }

    for (const declared of [true, false]) {
      it(`when the file is larger than the cap ${declared ? 'and says so' : 'and does not say its length'}, then it is refused`, async () => {
        const cap = MAX_IMPORT_CHARS * 4;
        let written = 0;
        const big = await startHost((_req, res) => {
          res.writeHead(200, declared ? { 'content-length': String(cap * 4) } : {});
          const piece = Buffer.alloc(16 * 1024, 'a');
          const pump = (): void => {
            while (written < cap * 4 && !res.destroyed) {
              written += piece.length;
              if (!res.write(piece)) return void res.once('drain', pump);
            }
            res.end();
          };
          res.on('error', () => undefined);
          pump();
        });
        try {
          const answer = await sendFile(bot, connector, 'programme.csv', `${big.url}/programme.csv`);
          assert.match(cardText(answer), /larger than/);
        } finally {
          await big.close();
        }
      });
    }

    it('when the link serves the file directly, then the preview is shown as before', async () => {
      const direct = await startHost((_req, res) => res.end(PRACTICE_WEEK_CSV));
      try {
        const answer = await sendFile(bot, connector, 'practice-week-2024.csv', `${direct.url}/practice-week-2024.csv`);
        assert.match(cardText(answer), /Import preview: 5 sessions/);
      } finally {
        await direct.close();
      }
    });
  });
});
