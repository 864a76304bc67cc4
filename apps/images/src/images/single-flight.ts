/**
 * Runs one piece of work per key at a time within this process: callers asking for a key
 * whose work is already running wait for that result instead of starting it again.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  async run(key: string, work: () => Promise<T>): Promise<{ value: T; shared: boolean }> {
    const running = this.#running.get(key);
    if (running) return { value: await running, shared: true };
    const started = work().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return { value: await started, shared: false };
  }

  /** Keys whose work is running now. */
  get size(): number {
    return this.#running.size;
  }
}
