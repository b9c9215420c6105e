// `npm run playground`: Microsoft 365 Agents Playground (a local, Teams-like web client)
// talking to the bot you already run with `npm start` in another terminal. Offline: no
// browser is opened, telemetry is off. Facts behind the choices: docs/playground-notes.md.
//
// Env: PORT = the bot's port (default 3978, as for the bot); PLAYGROUND_PORT = the web
// client's port (default 56150); PLAYGROUND_CONFIG = your own playground .yml (optional).
//
// test/helpers/playground/process.ts requires this file too, so people and tests get the same
// flags and the same Teams context (users, chats, team).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

/**
 * The Teams context the playground pretends to be in. Its built-in default uses ids such
 * as 00000000-0000-0000-0000-0000000000020 (13 digits at the end: not a GUID), which our
 * actor check rightly rejects, so every card action would fail. Ids here are shaped like
 * Teams' own: GUIDs for tenant and Entra objects, 28:/29: for bot and users, 19:...@thread
 * for group chat and channels (the General channel's id is the team's id, as in Teams).
 * The schema demands exactly five users besides the current one and at most one channel
 * besides General.
 */
/** The people, shared with the organiser tab's local-mode picker. */
const PEOPLE = require('../bot/tab-api/playground-people.json').people;

function userLine(p) {
  const [givenName, surname] = p.name.split(' ');
  return `{ id: "${p.id}", name: ${p.name}, userPrincipleName: ${p.upn}, aadObjectId: ${p.aadObjectId}, givenName: ${givenName}, surname: ${surname}, email: ${p.upn} }`;
}

const CONFIG_YAML = `version: "0.1.1"
tenantId: 00000000-0000-4000-8000-000000000001
bot:
  id: "28:00000000-0000-4000-8000-0000000000b0"
  name: NLC Bot
currentUser:
  ${userLine(PEOPLE[0])}
users:
${PEOPLE.slice(1).map((person) => `  - ${userLine(person)}`).join('\n')}
personalChat:
  id: "a:playground-personal-chat"
groupChat:
  id: "19:playground-group-chat@thread.v2"
  name: Group Chat
team:
  id: "19:playground-general@thread.tacv2"
  name: My Team
  aadGroupId: 00000000-0000-4000-8000-0000000000c1
  channels:
    - { id: "19:playground-announcements@thread.tacv2", name: Announcements }
`;

/** Writes CONFIG_YAML into `dir` and returns its path. */
function writePlaygroundConfig(dir) {
  const file = path.join(dir, 'playground.yml');
  fs.writeFileSync(file, CONFIG_YAML);
  return file;
}

/**
 * The command that starts the playground. Runs the package's cli.js with this Node rather
 * than node_modules/.bin or npx: no shell and no npx registry lookup, and the child's pid
 * is the server itself (it starts no children), so stopping it leaves nothing behind.
 */
function playgroundCommand({ botEndpoint, port, configPath, logPath }) {
  const cli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  return {
    command: process.execPath,
    args: [cli, '-e', botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    env: {
      ...process.env,
      // Without it the CLI tries to open a browser and exits on a headless machine.
      TEAMSAPPTESTER_BROWSER: 'none',
      // Otherwise it reads .m365agentsplayground.yml from the working directory.
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      // Otherwise it writes ./devTools/m365agentsplayground.log into the working directory.
      M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
    },
  };
}

/** GETs `url`: its body when something answers (any status), undefined after `ms` or on error. */
function get(url, ms) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: ms }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

async function main() {
  const botPort = process.env.PORT || '3978';
  const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
  const port = Number(process.env.PLAYGROUND_PORT || 56150);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlc-playground-'));
  const configPath = process.env.PLAYGROUND_CONFIG || writePlaygroundConfig(dir);
  const logPath = path.join(dir, 'playground.log');

  if ((await get(botEndpoint, 1000)) === undefined) {
    console.warn(`Nothing answers at ${botEndpoint} yet: start the bot with \`npm start\` in another terminal.`);
  }

  const { command, args, env } = playgroundCommand({ botEndpoint, port, configPath, logPath });
  // stdout is piped so we can read the real port: the CLI silently picks a random one
  // when PLAYGROUND_PORT is taken.
  const child = spawn(command, args, { env, stdio: ['inherit', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const match = /Listening on (\d+)/.exec(String(chunk));
    if (match) {
      if (Number(match[1]) !== port) console.warn(`Port ${port} is taken, so the playground chose ${match[1]}.`);
      console.log(`\n  Agents Playground: http://localhost:${match[1]}`);
      console.log(`  Bot endpoint:      ${botEndpoint}`);
      console.log(`  Teams context:     ${configPath}`);
      console.log(`  Playground log:    ${logPath}`);
      console.log('  Ctrl-C to stop.\n');
      void checkStarted(`http://127.0.0.1:${match[1]}`, logPath, child);
    }
  });

  // Ctrl-C in a terminal reaches the child too (same process group); forwarding covers
  // signals sent to this process alone (kill <pid>, process managers). We exit only when
  // the child has.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Could not start the playground: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    fs.rmSync(dir, { recursive: true, force: true });
    // Shell convention for a child killed by a signal: 128 + its number.
    process.exit(code ?? 128 + (os.constants.signals[signal] || 0));
  });
}

/**
 * A bad config file does not stop the CLI: it says "Listening", never answers, and writes
 * the reason only to its log file. So ask; without an answer show the log's errors and stop.
 */
async function checkStarted(url, logPath, child) {
  if ((await get(`${url}/_debug/ping`, 3000)) === 'pong') return;
  const log = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : '';
  const errors = log.split('\n').filter((line) => line.startsWith('error '));
  console.error(`The playground does not answer at ${url}.\n${(errors.length ? errors : [log || '(empty log)']).join('\n')}`);
  child.kill('SIGTERM');
}

module.exports = { CONFIG_YAML, writePlaygroundConfig, playgroundCommand };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
