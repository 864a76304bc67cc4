import PQueue from 'p-queue';
import { AppError } from './app-error';

export interface AdmissionLimits {
  /** Pieces of work running at once. */
  concurrency: number;
  /** Pieces of work waiting for a slot; one more is refused at once. */
  queue: number;
  /** How long a piece of work may wait for a slot before it is refused (default: no limit). */
  maxWaitMs?: number;
}

export interface AdmissionAnswers {
  /** What the refused are told, when the queue is full and when they waited too long. */
  full: string;
  waited?: string;
  /** Seconds they are asked to wait before trying again (Retry-After). */
  retryAfterSeconds: number;
  /** Called for every refusal, e.g. to count it. */
  onRefused?: () => void;
}

/**
 * Bounded work: a semaphore of `concurrency` slots with a bounded FIFO queue (p-queue). Past the
 * queue, work is refused at once with 503 SERVICE_BUSY and Retry-After, rather than piling up
 * until pool waits and timeouts fail everything. Waiting work leaves the queue when its signal
 * aborts (the client went away) or when it waited `maxWaitMs`; once started, it runs to the end.
 */
export class Admission {
  readonly #queue: PQueue;

  constructor(
    readonly limits: AdmissionLimits,
    private readonly answers: AdmissionAnswers,
  ) {
    this.#queue = new PQueue({ concurrency: limits.concurrency });
  }

  /**
   * Runs `work` in a slot. Throws SERVICE_BUSY when the queue is full or the wait runs out, and
   * the signal's reason when it aborts while the work still waits.
   */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.waiting >= this.limits.queue && this.running >= this.limits.concurrency) {
      throw this.refuse(this.answers.full);
    }
    // A free slot and nobody ahead: the work starts at once, so there is no wait to cancel (and
    // no abort signal and timer to pay for on every request of a process that is not busy).
    if (this.waiting === 0 && this.running < this.limits.concurrency) {
      return this.#queue.add(work);
    }
    // Cancels the work only while it waits: p-queue would also abandon running work on abort.
    const wait = new AbortController();
    const deadline =
      this.limits.maxWaitMs === undefined
        ? undefined
        : setTimeout(
            () => wait.abort(this.refuse(this.answers.waited ?? this.answers.full)),
            this.limits.maxWaitMs,
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
          return work();
        },
        { signal: wait.signal },
      );
    } finally {
      started();
    }
  }

  /** Work running now. */
  get running(): number {
    return this.#queue.pending;
  }

  /** Work waiting for a slot now. */
  get waiting(): number {
    return this.#queue.size;
  }

  private refuse(message: string): AppError {
    this.answers.onRefused?.();
    return new AppError('SERVICE_BUSY', message, undefined, {
      retryAfterSeconds: this.answers.retryAfterSeconds,
    });
  }
}
