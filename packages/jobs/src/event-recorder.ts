import type { Redis } from 'ioredis';
import { encodeBatch, EVENTS_STREAM, type ShopperEvent } from './events';

/** Where a dropped batch is reported (a pino logger fits). */
interface WarningLog {
  warn(details: object, message: string): void;
}

export interface RecorderSettings {
  /** A batch is written when it holds this many events... */
  maxBatch: number;
  /** ...or this long after its first event, whichever comes first. */
  flushMs: number;
  /** Events held while Redis is slow or away; past this, new ones are dropped (and counted). */
  maxBuffered: number;
}

/** The stream keeps at most about this many batches while no worker reads it. */
const STREAM_MAX_BATCHES = 100_000;

/**
 * Shopper events leave the request path at once: `record` only appends to this process's
 * buffer, and one XADD writes the whole buffer as one stream entry, when it is full or a few
 * milliseconds after its first event. A busy process thus spends one Redis round trip on
 * hundreds of events; an idle one writes each event within `flushMs`. Events are analytics: when
 * Redis fails, the batch is dropped with a warning rather than retried forever.
 */
export class EventRecorder {
  #buffer: ShopperEvent[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  readonly stats = { recorded: 0, dropped: 0, batches: 0 };

  constructor(
    private readonly redis: Redis,
    private readonly settings: RecorderSettings,
    private readonly log?: WarningLog,
  ) {}

  record(event: ShopperEvent): void {
    if (this.#buffer.length >= this.settings.maxBuffered) {
      this.stats.dropped++;
      return;
    }
    this.#buffer.push(event);
    this.stats.recorded++;
    if (this.#buffer.length >= this.settings.maxBatch) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.settings.flushMs);
  }

  /** Writes what is buffered now (batches leave in order); resolves once it is written. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const events = this.#buffer;
    this.#buffer = [];
    if (events.length === 0) return this.#writing;
    this.#writing = this.#writing.then(() => this.write(events));
    return this.#writing;
  }

  private async write(events: ShopperEvent[]): Promise<void> {
    try {
      await this.redis.xadd(
        EVENTS_STREAM,
        'MAXLEN',
        '~',
        STREAM_MAX_BATCHES,
        '*',
        ...encodeBatch(Date.now(), events),
      );
      this.stats.batches++;
    } catch (error) {
      this.stats.dropped += events.length;
      this.log?.warn({ err: error, events: events.length }, 'could not record shopper events');
    }
  }
}
