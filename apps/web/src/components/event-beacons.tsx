'use client';

import { useEffect } from 'react';
import { showProduct, startHeartbeats } from '@/lib/shopper/record-event';

/**
 * The tab's heartbeat to the shop (who is online), every 30 s while the tab is visible. Mounted
 * once by the layout; renders nothing, so the page's HTML is the same for everyone.
 */
export function HeartbeatBeacon() {
  useEffect(() => startHeartbeats(), []);
  return null;
}

/** Records that a product page is seen, and names the product in the heartbeats while it is open. */
export function ProductViewBeacon({ productId }: { productId: string }) {
  useEffect(() => showProduct(productId), [productId]);
  return null;
}
