import { resolve4 } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { CatalogChange } from './catalog-cache';
import type { Storefront } from './catalog-changes';

/** The IPv4 addresses a name has in DNS (a compose or swarm service name: one per replica). */
export type Resolve = (hostname: string) => Promise<string[]>;

/**
 * Posts changes to the storefront's internal revalidation route on every storefront process
 * (reached directly, not through the edge, which refuses that route). Each process keeps a
 * cache of its own, so a URL whose host name has several addresses (a service scaled to
 * several replicas: compose's service names, a swarm's `dnsrr` ones) is posted to each of them.
 * A name DNS does not know (localhost, a name from /etc/hosts) is used as it is.
 */
export class StorefrontRevalidation implements Storefront {
  constructor(
    private readonly urls: string[],
    private readonly secret: string,
    private readonly log: { warn: (details: object, message: string) => void },
    private readonly resolve: Resolve = resolve4,
  ) {}

  async revalidate(change: CatalogChange): Promise<void> {
    const targets = (
      await Promise.all(this.urls.map(async (url) => this.everyReplica(url)))
    ).flat();
    await Promise.all(
      targets.map(async (url) => {
        try {
          const response = await fetch(new URL('/internal/revalidate', url), {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${this.secret}` },
            body: JSON.stringify(change),
            signal: AbortSignal.timeout(5_000),
          });
          if (!response.ok) throw new Error(`answered ${response.status}`);
        } catch (error) {
          this.log.warn({ err: String(error), url }, 'storefront revalidation failed');
        }
      }),
    );
  }

  /** The URL once per address its host name has (the URL itself when DNS has none). */
  private async everyReplica(url: string): Promise<string[]> {
    const parsed = new URL(url);
    if (isIP(parsed.hostname) !== 0) return [url];
    const addresses = await this.resolve(parsed.hostname).catch(() => []);
    if (addresses.length === 0) return [url];
    return addresses.map((address) => {
      const each = new URL(url);
      each.hostname = address;
      return each.toString();
    });
  }
}
