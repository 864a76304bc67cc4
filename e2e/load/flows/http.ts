// Protocol-level shoppers for Artillery's HTTP engine: the same journeys as the browsers (the
// flows are built in lib/scripts.ts), request by request, without rendering. These functions are
// the flows' hooks: each virtual user is a client of its own (its own loopback address when the
// shop runs on this machine, as bench:checkout does), so the shop's per-address limits meet one
// shopper each, not the whole crowd at once.
import { randomUUID } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { firstScreenPictures } from '../lib/first-screen-pictures';

interface Context {
  vars: Record<string, unknown> & {
    $uuid: string;
    /** How long a closed-loop shopper keeps starting journeys, from its own arrival. */
    durationSeconds: number;
    deadline?: number;
    journey: string;
    /** Set by a failed answer during the current journey. */
    failed?: boolean;
    /** The last page's first-screen pictures (paths under /img/), fetched after its document. */
    pictures?: string[];
  };
}
interface Emitter {
  emit(kind: 'counter' | 'histogram', name: string, value: number): void;
}
type Done = (error?: Error) => void;

let shoppers = 0;

/**
 * Gives the new shopper an address of its own: 127.<worker>.<n / 250>.<n % 250 + 1>, used on
 * loopback targets (Artillery runs its workers as threads of one process).
 */
export function newShopper(context: Context, events: Emitter, next: Done): void {
  shoppers++;
  const hundreds = Math.floor(shoppers / 250) % 250;
  context.vars.localAddress = `127.${1 + (threadId % 250)}.${hundreds}.${1 + (shoppers % 250)}`;
  context.vars.deadline = Date.now() + Number(context.vars.durationSeconds) * 1000;
  for (const journey of ['browse', 'buy', 'account']) {
    events.emit('counter', `journeys.${journey}.completed`, 0);
    events.emit('counter', `journeys.${journey}.failed`, 0);
  }
  next();
}

/** Every request: from the shopper's address (loopback targets only), with the shop's origin. */
export function asShopper(
  request: { url: string; localAddress?: string; headers?: Record<string, string> },
  context: Context,
  _events: Emitter,
  next: Done,
): void {
  const url = new URL(request.url);
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
    request.localAddress = String(context.vars.localAddress);
  }
  request.headers = { ...request.headers, origin: url.origin };
  next();
}

/**
 * An answer the shopper did not expect fails the journey it belongs to (counted when the journey
 * ends): anything >= 400 is a failure. Answers the shop gives when it cannot serve (5xx, 429) are counted apart too: the
 * run's error rate.
 */
export function checkAnswer(
  _request: { url: string },
  response: { statusCode: number },
  context: Context,
  events: Emitter,
  next: Done,
): void {
  const { statusCode } = response;
  if (statusCode >= 400) context.vars.failed = true;
  events.emit('counter', 'shop.refused_answers', refused(statusCode) ? 1 : 0);
  next();
}

/**
 * A page's document: notes the pictures its first screen shows, for the loop that fetches them
 * next (lib/scripts.ts). A page that failed shows none, so no earlier page's pictures are fetched
 * again. Kept without their `/img/` prefix: the loop's URL starts with it, since Artillery puts
 * the shop's address before a URL only when it starts with `/` before it is filled in.
 */
export function notePictures(
  _request: unknown,
  response: { statusCode: number; body?: unknown },
  context: Context,
  _events: Emitter,
  next: Done,
): void {
  const { statusCode, body } = response;
  const pictures = statusCode < 400 && typeof body === 'string' ? firstScreenPictures(body) : [];
  context.vars.pictures = pictures.map((src) => src.slice('/img/'.length));
  next();
}

/** The shop could not serve: it failed, or it was too busy (429, 503). */
export const refused = (status: number) => status >= 500 || status === 429;

/** The start of a journey: fresh per-journey values (a new checkout key, a new email). */
function startJourney(journey: string) {
  return (context: Context, events: Emitter, next: Done): void => {
    events.emit('counter', `journeys.${journey}.started`, 1);
    context.vars.journey = journey;
    context.vars.failed = false;
    context.vars.started = Date.now();
    context.vars.idempotencyKey = randomUUID();
    context.vars.email = `load-${randomUUID()}@load.shopscale.test`;
    next();
  };
}
export const startBrowse = startJourney('browse');
export const startBuy = startJourney('buy');
export const startAccount = startJourney('account');

/** The end of a journey: counted as completed or failed, and timed. */
export function endJourney(context: Context, events: Emitter, next: Done): void {
  const { journey, failed, started } = context.vars;
  events.emit('counter', `journeys.${journey}.${failed ? 'failed' : 'completed'}`, 1);
  if (!failed)
    events.emit('histogram', `journeys.${journey}.duration`, Date.now() - Number(started));
  next();
}

/** Closed-loop shoppers go on for the run's duration from their arrival. */
export function stillShopping(context: Context, next: (more: boolean) => void): void {
  next(Date.now() < (context.vars.deadline ?? 0));
}
