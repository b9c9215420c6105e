/**
 * The embedded Cosmos DB server (@vercel/cosmosdb-server, patched by `npm ci`) as its own
 * process, so its data outlives a bot process that is killed with SIGKILL. The bot
 * reaches it with COSMOS_ENDPOINT=https://127.0.0.1:PORT and the embedded key.
 */
const { createHttpsServer } = require('@vercel/cosmosdb-server');

const server = createHttpsServer({ keepAlive: true });
server.listen(Number(process.env.PORT || 8081), '127.0.0.1', () => {
  if (process.send) process.send({ ready: true });
});
process.on('disconnect', () => process.exit(0));

// Requests served, for benchmarks that report Cosmos requests per unit of work ({ type: 'requests' } over IPC).
let requests = 0;
server.on('request', () => {
  requests++;
});
process.on('message', (message) => {
  if (message && message.type === 'requests' && process.send) process.send({ type: 'requests', requests });
});
