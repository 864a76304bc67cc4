// The browser's shopper events (POST /api/events): a product page seen, and a heartbeat while a
// page of the shop is open. They feed "Trending now" and "looking at this now"; nothing a shopper
// does waits for them, and a lost or refused event is simply not counted.

export type ShopperEvent =
  { kind: 'view'; productId: string } | { kind: 'seen'; productId?: string };

/** A heartbeat at most this often while the tab is visible (the API's contract). */
export const HEARTBEAT_MS = 30_000;

/** When this tab last sent an event, kept across reloads and full page loads of the tab. */
const LAST_SENT_KEY = 'shop:last-event-at';

let queue: Promise<void> = Promise.resolve();
let lastSentAt: number | undefined;
let pageProduct: string | null = null;
let heartbeat: ReturnType<typeof setTimeout> | undefined;
let running = false;

function readLastSentAt(): number {
  if (lastSentAt === undefined) {
    try {
      lastSentAt = Number(sessionStorage.getItem(LAST_SENT_KEY)) || 0;
    } catch {
      lastSentAt = 0; // Storage turned off: a heartbeat per page load, then every interval.
    }
  }
  return lastSentAt;
}

function noteSent(at: number): void {
  lastSentAt = at;
  try {
    sessionStorage.setItem(LAST_SENT_KEY, String(at));
  } catch {
    // Storage turned off or full: this page still keeps the time.
  }
}

async function send(event: ShopperEvent): Promise<void> {
  try {
    await fetch('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      credentials: 'same-origin',
      // Sent even when the shopper leaves the page right away.
      keepalive: true,
    });
  } catch {
    // Offline or refused: the event is not counted, and nobody needs to know.
  }
}

/**
 * Sends one event, after the ones before it have been answered: a browser without a session
 * gets one from its first event, and two events racing without the cookie would make two
 * sessions, that is two visitors where there is one.
 */
export function recordEvent(event: ShopperEvent): void {
  // Every event says the visitor is here, so the next heartbeat is due a full interval later.
  noteSent(Date.now());
  scheduleHeartbeat();
  queue = queue.then(() => send(event));
}

function beat(): void {
  recordEvent(pageProduct ? { kind: 'seen', productId: pageProduct } : { kind: 'seen' });
}

/** Arms the next heartbeat while the tab is visible; sends it now when one is due. */
function scheduleHeartbeat(): void {
  clearTimeout(heartbeat);
  heartbeat = undefined;
  if (!running || document.visibilityState !== 'visible') return;
  const now = Date.now();
  // A time ahead of the clock (the clock was set back) counts as long ago.
  const last = readLastSentAt();
  const due = (last > now ? 0 : last) + HEARTBEAT_MS - now;
  if (due <= 0) beat();
  else heartbeat = setTimeout(beat, due);
}

/**
 * Starts the tab's heartbeats: one now unless the tab sent an event less than HEARTBEAT_MS ago,
 * then one every HEARTBEAT_MS while the tab is visible, none while it is hidden.
 */
export function startHeartbeats(): () => void {
  running = true;
  document.addEventListener('visibilitychange', scheduleHeartbeat);
  scheduleHeartbeat();
  return () => {
    running = false;
    document.removeEventListener('visibilitychange', scheduleHeartbeat);
    scheduleHeartbeat();
  };
}

/**
 * Records that the product page is seen (once it is visible: not while it waits in a background
 * tab) and makes the heartbeats name the product while the page is open. Returns the cleanup for
 * when the shopper leaves the page.
 */
export function showProduct(productId: string): () => void {
  pageProduct = productId;
  let viewed = false;
  const view = () => {
    if (viewed || document.visibilityState !== 'visible') return;
    viewed = true;
    document.removeEventListener('visibilitychange', view);
    recordEvent({ kind: 'view', productId });
  };
  document.addEventListener('visibilitychange', view);
  view();
  return () => {
    document.removeEventListener('visibilitychange', view);
    if (pageProduct === productId) pageProduct = null;
  };
}
