// The embedded Cosmos DB server's thread (see embedded.ts). Plain JavaScript so
// the same file runs under tsx (tests) and, bundled by scripts/build.ts, from dist/ (npm start).
//
// It starts @vercel/cosmosdb-server on a loopback port and, when given a data directory,
// keeps its contents across restarts: it loads the last snapshot before reporting ready,
// writes a new one every `saveIntervalMs` when something changed, and once more when
// told to close. A hard kill loses at most the writes of the last interval.
'use strict';

const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { createHttpsServer } = require('@vercel/cosmosdb-server');
const { CosmosClient } = require('@azure/cosmos');
const { writeFileDurably } = require('./snapshot-file.js');

const { port, dataDir, saveIntervalMs, key } = workerData;
const SNAPSHOT = dataDir ? path.join(dataDir, 'embedded-cosmos.json') : undefined;

const server = createHttpsServer({ keepAlive: true });
let dirty = false;
// Anything but a read or a query changes data: that is when a snapshot is worth writing.
server.prependListener('request', (req) => {
  const isQuery = String(req.headers['x-ms-documentdb-isquery'] || '').toLowerCase() === 'true';
  if (req.method !== 'GET' && !isQuery) dirty = true;
});

const client = () =>
  new CosmosClient({
    endpoint: `https://127.0.0.1:${server.address().port}`,
    key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 8 }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });

/** The documents of one container as stored, without the server's own fields, in _rid order (as `SELECT * FROM c` gives them). */
function documentsOf(collection) {
  const docs = Array.from(collection.documents._data.values(), (item) => item.read());
  docs.sort((a, b) => (a._rid < b._rid ? -1 : a._rid > b._rid ? 1 : 0));
  return docs.map(({ _rid, _self, _etag, _attachments, _ts, ...doc }) => doc);
}

/**
 * Read straight from the server's memory (the patched server exposes it), not by
 * querying it over HTTP: that serialised and parsed every document again, on this same
 * thread, and held every other request back for seconds once a container was large.
 */
function save() {
  const snapshot = { version: 1, savedAt: new Date().toISOString(), databases: [] };
  for (const database of server.account.databases._data.values()) {
    const entry = { id: database.read().id, containers: [] };
    for (const collection of database.collections._data.values()) {
      const { id, partitionKey } = collection.read();
      entry.containers.push({ id, partitionKey, docs: documentsOf(collection) });
    }
    snapshot.databases.push(entry);
  }
  // A crash or power cut mid-write leaves the previous snapshot whole (see snapshot-file.js).
  writeFileDurably(SNAPSHOT, JSON.stringify(snapshot));
}

async function load(cosmos) {
  if (!SNAPSHOT || !fs.existsSync(SNAPSHOT)) return 0;
  const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
  let count = 0;
  for (const db of snapshot.databases) {
    const { database } = await cosmos.databases.createIfNotExists({ id: db.id });
    for (const c of db.containers) {
      const { container } = await database.containers.createIfNotExists({ id: c.id, partitionKey: c.partitionKey });
      // Sixteen at a time: quick, without flooding our own server.
      for (let i = 0; i < c.docs.length; i += 16) {
        await Promise.all(c.docs.slice(i, i + 16).map((doc) => container.items.upsert(doc)));
      }
      count += c.docs.length;
    }
  }
  return count;
}

server.on('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen(port, '127.0.0.1', async () => {
  try {
    const cosmos = SNAPSHOT ? client() : undefined;
    const restored = cosmos ? await load(cosmos) : 0;
    dirty = false;
    let saving = Promise.resolve();
    const saveIfDirty = () => {
      if (!cosmos || !dirty) return saving;
      dirty = false;
      saving = saving.then(save).catch((error) => {
        dirty = true;
        parentPort.postMessage({ warning: `could not save the embedded data: ${error.message}` });
      });
      return saving;
    };
    const timer = cosmos ? setInterval(saveIfDirty, saveIntervalMs) : undefined;
    parentPort.on('message', async (message) => {
      if (message !== 'close') return;
      if (timer) clearInterval(timer);
      await saveIfDirty();
      if (cosmos) cosmos.dispose();
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
    parentPort.postMessage({ port: server.address().port, restored });
  } catch (error) {
    parentPort.postMessage({ error: `could not load ${SNAPSHOT}: ${error.message}` });
  }
});
