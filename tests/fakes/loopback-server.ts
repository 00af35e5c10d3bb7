import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test server on 127.0.0.1 at a random port, with CORS for extension pages and the worker, and injectable hangs. */
export abstract class LoopbackServer {
  url = '';
  /** Responses held open by a "timeout" fault; released when the server stops. */
  protected readonly hanging = new Set<ServerResponse>();
  private server?: Server;

  /** How many requests a "timeout" fault holds open right now (their clients have not given up yet). */
  get held(): number {
    return this.hanging.size;
  }

  /** Hold a response open (a server that never answers) until the client gives up or the server stops. */
  protected hold(res: ServerResponse): void {
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
  }

  constructor(private readonly allowHeaders: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', this.allowHeaders);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      void this.handle(req, res);
    });
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The request body as text. */
export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
