import { z } from 'zod';

// Shopper events travel from the API to the worker on one Redis stream. The API appends them in
// batches (one stream entry per batch, not per event: a busy API process writes one entry every
// few milliseconds); the worker's fold job reads them with a consumer group.

export const EVENTS_STREAM = 'shop:events';
export const EVENTS_GROUP = 'hotlists';

/**
 * view: a product page seen (the browser's beacon); cart: added to a cart (the API itself);
 * purchase: bought (the outbox relay); seen: a heartbeat of an open page (presence only).
 */
export const eventKinds = ['view', 'cart', 'purchase', 'seen'] as const;
export type EventKind = (typeof eventKinds)[number];

export interface ShopperEvent {
  kind: EventKind;
  /** The product, for everything but a heartbeat away from product pages. */
  productId: string | null;
  /** Who: an opaque key of the browser's session (never the session id itself). */
  visitor: string;
  /** The client address the edge saw, for the per-address cap; '' for the shop's own (purchases). */
  address: string;
}

const encodedEvent = z.tuple([
  z.enum(eventKinds),
  z.string().max(64),
  z.string().min(1).max(64),
  z.string().max(64),
]);
const encodedBatch = z.array(encodedEvent);

/** A batch as one stream entry's fields: when it was written, and its events. */
export function encodeBatch(at: number, events: ShopperEvent[]): [string, string, string, string] {
  const rows = events.map((e) => [e.kind, e.productId ?? '', e.visitor, e.address]);
  return ['at', String(at), 'events', JSON.stringify(rows)];
}

export interface EventBatch {
  at: number;
  events: ShopperEvent[];
}

/** Reads a stream entry's fields back; null for an entry that is not a batch (dropped). */
export function decodeBatch(fields: string[]): EventBatch | null {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] ?? '', fields[i + 1] ?? '');
  const at = Number(map.get('at'));
  let rows: unknown;
  try {
    rows = JSON.parse(map.get('events') ?? '');
  } catch {
    return null;
  }
  const parsed = encodedBatch.safeParse(rows);
  if (!Number.isFinite(at) || !parsed.success) return null;
  return {
    at,
    events: parsed.data.map(([kind, productId, visitor, address]) => ({
      kind,
      productId: productId || null,
      visitor,
      address,
    })),
  };
}
