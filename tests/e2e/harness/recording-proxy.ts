/**
 * An HTTP proxy on 127.0.0.1 that records every request a browser sends
 * through it (plain requests, CONNECT tunnels, WebSocket upgrades) and
 * forwards only those for allowed origins (the fixture server); anything else
 * is recorded and refused, so nothing reaches the network.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The absolute URL asked for (`host:port` for a CONNECT tunnel). */
  url: string;
  headers: IncomingHttpHeaders;
  /** Whether it was forwarded (its origin is allowed) or refused. */
  forwarded: boolean;
}

export interface RecordingProxy {
  readonly host: string;
  readonly port: number;
  /** Every request so far, in the order they arrived. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(allowedOrigins: () => readonly string[]): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? '';
    let target: URL | undefined;
    try {
      target = new URL(url);
    } catch {
      // Not a proxy request (a relative path): recorded, refused.
    }
    const forwarded = target !== undefined && allowedOrigins().includes(target.origin);
    requests.push({ method: incoming.method ?? '', url, headers: incoming.headers, forwarded });
    if (!forwarded || !target) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the recording proxy');
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: `${target.pathname}${target.search}`, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.headersSent || outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Tunnels (https, wss) and upgrades are never forwarded: recorded and closed.
  server.on('connect', (incoming, socket: Socket) => {
    requests.push({ method: 'CONNECT', url: incoming.url ?? '', headers: incoming.headers, forwarded: false });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (incoming, socket: Socket) => {
    requests.push({ method: `${incoming.method ?? ''} (upgrade)`, url: incoming.url ?? '', headers: incoming.headers, forwarded: false });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
