import type { PgListener } from './pg-listener';

export interface DrainLoopOptions {
  /** Named in log lines: "<name> drain failed". */
  name: string;
  /** Processes what is due; resolves when nothing more is (or the loop stopped). */
  drain: () => Promise<void>;
  /** Counts what is still due, for settle(). */
  due: () => Promise<number>;
  logError: (message: string) => void;
}

/**
 * How an outbox worker runs (the search outbox, the notification outbox): one drain
 * at a time per process, woken by a LISTEN channel (a row's trigger NOTIFYs on
 * commit), after every reconnect of that connection (wake-ups sent while it was down
 * are lost), and by a poll that catches retries whose back-off has passed. A wake-up
 * during a drain runs one more drain after it. Rows are claimed with SKIP LOCKED by
 * the drain itself, so any number of replicas may run the same loop.
 */
export class DrainLoop {
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stoppedFlag = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly options: DrainLoopOptions) {}

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  async start(listener: PgListener, channel: string, pollMs: number): Promise<void> {
    await listener.listen(channel, () => this.kick());
    listener.onReconnect(() => this.kick());
    this.timer = setInterval(() => this.kick(), pollMs);
    this.kick();
  }

  /** Stops waking up; waits for a drain in flight, at most `boundMs` when given. */
  async stop(boundMs?: number): Promise<void> {
    this.stoppedFlag = true;
    if (this.timer) clearInterval(this.timer);
    if (boundMs === undefined) {
      await this.idle;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((done) => {
      timer = setTimeout(done, boundMs);
    });
    await Promise.race([this.idle, bound]);
    clearTimeout(timer);
  }

  kick(): void {
    if (this.stoppedFlag) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.idle = this.options
      .drain()
      .catch((error: unknown) =>
        this.options.logError(`${this.options.name} drain failed: ${String(error)}`),
      )
      .finally(() => {
        this.running = false;
        if (this.again && !this.stoppedFlag) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Resolves once everything committed so far is processed (tests, reindex, start-up):
   * drains here too, and waits for rows a concurrent drain has claimed.
   */
  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.options.drain();
      if ((await this.options.due()) === 0) return;
      if (Date.now() > deadline) throw new Error(`${this.options.name} did not settle in time`);
      await new Promise((done) => setTimeout(done, 25));
    }
  }
}
