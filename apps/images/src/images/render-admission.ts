import { AppError } from '@shop/http';
import PQueue from 'p-queue';

export interface RenderAdmissionSettings {
  /** Renders running at once (about the number of cores). */
  concurrency: number;
  /** Renders waiting for a slot; one more is refused at once. */
  queueSize: number;
  /** How long a render may wait for a slot before it is refused. */
  maxWaitMs: number;
}

/** Seconds a refused client is told to wait: a full queue drains in about that at usual sizes. */
const RETRY_AFTER_SECONDS = 2;

const busy = (message: string) =>
  new AppError('SERVICE_BUSY', message, undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS });

/**
 * Admission control for renders: a semaphore of `concurrency` slots with a bounded FIFO queue
 * (p-queue). Past the queue a render is refused at once with SERVICE_BUSY (503 + Retry-After),
 * rather than piling up until timeouts cut every request. A waiting render leaves the queue when
 * its caller's signal aborts (the client went away) or when it waited too long; once started, a
 * render runs to the end so its result can be stored.
 */
export class RenderAdmission {
  readonly #queue: PQueue;
  readonly #settings: RenderAdmissionSettings;

  constructor(settings: RenderAdmissionSettings) {
    this.#settings = settings;
    this.#queue = new PQueue({ concurrency: settings.concurrency });
  }

  /**
   * Runs `render` in a slot. Throws SERVICE_BUSY when the queue is full or the wait runs out,
   * and the signal's reason when it aborts while the render still waits.
   */
  async run<T>(render: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.waiting >= this.#settings.queueSize && this.running >= this.#settings.concurrency) {
      throw busy('Too many images are being rendered; try again shortly');
    }
    // Cancels the render only while it waits: p-queue would also abandon a running task on abort.
    const wait = new AbortController();
    const deadline = setTimeout(
      () => wait.abort(busy('Waited too long for a render slot; try again shortly')),
      this.#settings.maxWaitMs,
    );
    const leave = () => wait.abort(signal?.reason);
    signal?.addEventListener('abort', leave, { once: true });
    const started = () => {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', leave);
    };
    try {
      return await this.#queue.add(
        () => {
          started();
          return render();
        },
        { signal: wait.signal },
      );
    } finally {
      started();
    }
  }

  /** Renders running now. */
  get running(): number {
    return this.#queue.pending;
  }

  /** Renders waiting for a slot now. */
  get waiting(): number {
    return this.#queue.size;
  }
}
