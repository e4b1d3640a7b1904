import { createServer, type Server, type Socket } from 'node:net';

/** One message as the sink received it: the envelope and the decoded text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and the decoded body (quoted-printable or base64 undone). */
  headers: string;
  text: string;
}

/** What happened on the sink, in order (for ordering assertions). */
export type SinkEvent = 'connected' | 'greeted' | 'closed-by-client-before-greeting' | 'delivered';

/**
 * A minimal SMTP server for tests (nodemailer cannot receive, and no SMTP server package
 * is installed): enough of RFC 5321 for nodemailer to deliver plain messages. `hold()`
 * makes it a mail server that accepts connections and never answers (until `release()`),
 * i.e. a slow or hung one.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  readonly events: SinkEvent[] = [];
  private server?: Server;
  private holding = false;
  private readonly held = new Set<Socket>();
  private readonly sockets = new Set<Socket>();

  /** Listens on this port (a free one when 0); resolves with the port. */
  async listen(port = 0): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => done());
    });
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('sink has no address');
    return address.port;
  }

  /** From now on, connections get no greeting (the client waits). */
  hold(): void {
    this.holding = true;
  }

  /** Greets the held connections and every later one. */
  release(): void {
    this.holding = false;
    for (const socket of this.held) this.greet(socket);
    this.held.clear();
  }

  get heldConnections(): number {
    return this.held.size;
  }

  /** Messages whose text contains `token`. */
  containing(token: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.text.includes(token));
  }

  async close(): Promise<void> {
    this.held.clear();
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    this.events.push('connected');
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (this.held.delete(socket)) this.events.push('closed-by-client-before-greeting');
    });
    if (this.holding) this.held.add(socket);
    else this.greet(socket);
  }

  private greet(socket: Socket): void {
    if (socket.destroyed) return;
    this.events.push('greeted');
    let buffer = '';
    let data: string[] | null = null;
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            this.mails.push({ ...envelope, ...decode(data.join('\r\n')) });
            this.events.push('delivered');
            data = null;
            envelope = { from: '', to: [] };
            reply('250 2.0.0 queued');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO') reply('250-sink\r\n250 8BITMIME');
        else if (command === 'HELO') reply('250 sink');
        else if (command === 'MAIL') {
          envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 ok');
        } else if (command === 'RCPT') {
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 ok');
        } else if (command === 'DATA') {
          data = [];
          reply('354 go ahead');
        } else if (command === 'RSET') {
          envelope = { from: '', to: [] };
          reply('250 ok');
        } else if (command === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
    reply('220 sink ESMTP');
  }
}

/** Splits headers from body and undoes the body's transfer encoding (single-part messages). */
function decode(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return { headers, text: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') {
    const bytes = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
    return { headers, text: bytes.toString('utf8') };
  }
  return { headers, text: Buffer.from(body, 'latin1').toString('utf8') };
}
