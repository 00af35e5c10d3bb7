import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server';

/** A plain web site on 127.0.0.1 (a test maps real-looking host names to it): each path answers with its name. */
export class SiteServer extends LoopbackServer {
  /** Every path asked for, with its host, in order. */
  readonly visits: string[] = [];

  constructor() {
    super('');
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.visits.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Site</title><h1>Site page ${req.url ?? ''}</h1></html>`);
  }
}
