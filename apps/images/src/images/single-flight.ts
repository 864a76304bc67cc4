interface Flight<T> {
  result: Promise<T>;
  /** Callers still waiting for the result. */
  callers: number;
  /** Aborts the work once every caller has gone. */
  abandon: AbortController;
}

/**
 * Runs one piece of work per key at a time within this process: callers asking for a key
 * whose work is already running wait for that result instead of starting it again. A caller
 * whose signal aborts stops waiting; when the last one has gone, the work's own signal aborts,
 * so work nobody waits for any more can be dropped.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Flight<T>>();

  async run(
    key: string,
    work: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<{ value: T; shared: boolean }> {
    signal?.throwIfAborted();
    const running = this.#running.get(key);
    const flight = running ?? this.#start(key, work);
    flight.callers++;
    const shared = running !== undefined;
    if (!signal) return { value: await flight.result, shared };

    let stopWaiting = () => {};
    const gone = new Promise<never>((_resolve, reject) => {
      const leave = () => {
        flight.callers--;
        if (flight.callers === 0) {
          this.#forget(key, flight);
          flight.abandon.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      stopWaiting = () => signal.removeEventListener('abort', leave);
    });
    try {
      return { value: await Promise.race([flight.result, gone]), shared };
    } finally {
      stopWaiting();
    }
  }

  /** Keys whose work is running now. */
  get size(): number {
    return this.#running.size;
  }

  #start(key: string, work: (signal: AbortSignal) => Promise<T>): Flight<T> {
    const abandon = new AbortController();
    const flight: Flight<T> = { result: work(abandon.signal), callers: 0, abandon };
    void flight.result.then(
      () => this.#forget(key, flight),
      // Its callers see the failure; this only ends the flight (and keeps it from going unhandled
      // when every caller has left).
      () => this.#forget(key, flight),
    );
    this.#running.set(key, flight);
    return flight;
  }

  #forget(key: string, flight: Flight<T>): void {
    if (this.#running.get(key) === flight) this.#running.delete(key);
  }
}
