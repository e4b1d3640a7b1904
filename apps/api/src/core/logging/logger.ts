import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { requestContext } from '../tenancy/request-context';
import { redactPaths, scrubEmails } from './redact';

/**
 * The API's logger: JSON lines (pretty only at a terminal outside production). Every line
 * written during an HTTP request carries its `reqId` (the `x-request-id` answered); no line
 * carries an e-mail address, password or token (see redact.ts).
 */
export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'production'>,
  destination?: DestinationStream,
): Logger {
  // Readable lines for a person at a terminal; JSON for log collectors.
  const pretty = !destination && !config.production && process.stdout.isTTY;
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: 'wissensnetz-api' },
    redact: { paths: redactPaths(), censor: '[redacted]' },
    mixin: () => {
      const id = requestContext().requestId;
      return id ? { reqId: id } : {};
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(scrubArgument) as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (error: Error) => {
        const serialized = pino.stdSerializers.err(error);
        if (typeof serialized.message === 'string')
          serialized.message = scrubEmails(serialized.message);
        if (typeof serialized.stack === 'string') serialized.stack = scrubEmails(serialized.stack);
        return serialized;
      },
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A log call's message, or the top-level texts of its fields object (Nest's `trace`, `context`). */
function scrubArgument(arg: unknown): unknown {
  if (typeof arg === 'string') return scrubEmails(arg);
  if (arg === null || typeof arg !== 'object' || arg instanceof Error || Array.isArray(arg))
    return arg;
  return Object.fromEntries(
    Object.entries(arg).map(([key, value]) => [
      key,
      typeof value === 'string' ? scrubEmails(value) : value,
    ]),
  );
}

/** Lets Nest's own messages go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    // Nest announces every module and route at this level; keep it out of normal logs.
    this.logger.debug({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
