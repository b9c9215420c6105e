/**
 * The framework's floor: a bare teams-ai app on the same adapter and server stack as
 * the bot, answering the RSVP invoke with a fixed card and no storage. bench/rsvp.ts
 * compares the bot's throughput with this one's, in the same run on the same machine.
 * Plain JavaScript so it runs as compiled code, like `npm start` runs the bot.
 */
const restify = require('restify');
const { ConfigurationServiceClientCredentialFactory } = require('botbuilder');
const { Application, TeamsAdapter } = require('@microsoft/teams-ai');

const settings = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
const app = new Application({ adapter, startTypingTimer: false });

const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Practice Week online conference: Learning', weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: "You're going. Change your answer?", wrap: true },
  ],
};
app.adaptiveCards.actionExecute('event.rsvp', () => Promise.resolve(card));

const server = restify.createServer();
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => app.run(context));
});
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.listen(Number(process.env.PORT || 3979), '127.0.0.1');
