import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Reply {
  status: number;
  ms: number;
  body: string;
}

/** A keep-alive JSON client: the load generator should cost as little as possible. */
export function jsonClient(
  baseUrl: string,
  maxSockets = 256,
): { post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL(baseUrl);
  return {
    post: (path, body, headers = {}) =>
      new Promise((resolve, reject) => {
        const payload = Buffer.from(JSON.stringify(body));
        const started = performance.now();
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
