import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { allowedOrigins, originOf, type AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ErrorCode } from '../errors/error-code';

/**
 * Whether a WebSocket upgrade may proceed: its Origin must be one of the platform's own
 * (`allowedOrigins`, with the port the request actually came to). A browser always sends
 * Origin with a WebSocket upgrade, and sends the session cookie whatever page opened the
 * socket, so a foreign origin would read live notes in the victim's name (cross-site
 * WebSocket hijacking). An upgrade without Origin is refused too: it is no browser on our
 * page, and a cookie it carries is not to be trusted; other clients send the origin of
 * PUBLIC_URL, as the web app does.
 */
export function webSocketOriginAllowed(
  origin: string | undefined,
  allowed: readonly string[],
): boolean {
  const normalized = originOf(origin);
  return normalized !== undefined && allowed.some((entry) => originOf(entry) === normalized);
}

export function upgradeOriginAllowed(config: AppConfig, request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  return webSocketOriginAllowed(
    Array.isArray(origin) ? origin[0] : origin,
    allowedOrigins(config, request.socket.localPort ?? config.port),
  );
}

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Puts the origin check in front of every WebSocket upgrade of the HTTP server (graphql-ws
 * registers its own upgrade listener when the GraphQL module starts): a refused upgrade
 * gets a plain 403 and never reaches the WebSocket server.
 */
@Injectable()
export class WebSocketOriginGate implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebSocketOriginGate.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const listeners = server.listeners('upgrade') as UpgradeListener[];
    // graphql-ws registers when the GraphQL module starts; if that ever moves after this
    // hook, onConnect's origin check still refuses (4403), but say so.
    if (listeners.length === 0) this.logger.warn('no WebSocket upgrade listener to guard yet');
    server.removeAllListeners('upgrade');
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!upgradeOriginAllowed(this.config, request)) {
        this.logger.warn(
          `WebSocket upgrade refused: origin ${String(request.headers.origin).slice(0, 200)}`,
        );
        refuse(socket);
        return;
      }
      for (const listener of listeners) listener.call(server, request, socket, head);
    });
  }
}

function refuse(socket: Duplex): void {
  const body = JSON.stringify({
    errors: [
      {
        message: 'WebSocket connections are accepted from the platform’s own pages only',
        extensions: { code: ErrorCode.FORBIDDEN, reason: 'ORIGIN_NOT_ALLOWED' },
      },
    ],
  });
  socket.end(
    'HTTP/1.1 403 Forbidden\r\n' +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
