import { Admission } from '@shop/http';

export interface RenderAdmissionSettings {
  /** Renders running at once (about the number of cores). */
  concurrency: number;
  /** Renders waiting for a slot; one more is refused at once. */
  queueSize: number;
  /** How long a render may wait for a slot before it is refused. */
  maxWaitMs: number;
}

/**
 * Admission control for renders (see Admission in @shop/http): past the queue, or after waiting
 * too long, a render is refused with 503 SERVICE_BUSY; a render whose client went away leaves
 * the queue; once started, a render runs to the end so its result can be stored.
 */
export class RenderAdmission extends Admission {
  constructor(settings: RenderAdmissionSettings) {
    super(
      {
        concurrency: settings.concurrency,
        queue: settings.queueSize,
        maxWaitMs: settings.maxWaitMs,
      },
      {
        full: 'Too many images are being rendered; try again shortly',
        waited: 'Waited too long for a render slot; try again shortly',
        // A full queue drains in about that at usual sizes.
        retryAfterSeconds: 2,
      },
    );
  }
}
