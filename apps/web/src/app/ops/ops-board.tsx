'use client';

import type { OpsSnapshot, OpsTraffic } from '@shop/domain';
import { useEffect, useState, type ReactNode } from 'react';
import { callApi, ShopApiError } from '@/lib/shopper/call-api';
import styles from './ops.module.css';

/** How often the figures are asked for (Prometheus scrapes every 5 s; rates are per minute). */
const EVERY_MS = 2_000;

const dash = '—';
const rate = (value: number | null) => (value === null ? dash : `${value.toFixed(1)}/s`);
const ms = (value: number | null) => (value === null ? dash : `${Math.round(value)} ms`);
const share = (value: number | null) =>
  value === null ? dash : `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)} %`;
const seconds = (value: number | null) => (value === null ? dash : `${value.toFixed(1)} s`);
const cores = (value: number | null) =>
  value === null ? dash : `${Math.round(value * 100)} % of a core`;
const bytes = (value: number | null) =>
  value === null ? dash : value < 1024 ? `${value} B` : `${(value / 1024).toFixed(1)} KiB`;

/** Polls GET /api/admin/ops while the tab is visible and draws the shop's tiers with it. */
export function OpsBoard() {
  const [snapshot, setSnapshot] = useState<OpsSnapshot | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const next = await callApi<OpsSnapshot>('/api/admin/ops');
          if (!stopped) {
            setSnapshot(next);
            setFailure(null);
          }
        } catch (error) {
          if (!stopped) {
            setFailure(error instanceof ShopApiError ? error.message : 'The shop did not answer.');
          }
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), EVERY_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <div className={styles.board}>
      <header className={styles.head}>
        <h1 className={styles.title}>The running shop</h1>
        <p className={styles.lede}>
          Each tier as Prometheus sees it over the last minute, asked again every {EVERY_MS / 1000}{' '}
          s.{' '}
          {snapshot ? (
            <span data-testid="ops-updated">
              Figures of {new Date(snapshot.at).toLocaleTimeString('en-GB')}.
            </span>
          ) : null}
        </p>
        {failure ? (
          <p className={styles.alert} role="alert">
            No new figures: {failure}
          </p>
        ) : null}
        {snapshot?.metrics === 'down' ? (
          <p className={styles.alert} role="alert">
            Prometheus does not answer, so the figures are missing. The shop itself goes on.
          </p>
        ) : null}
      </header>
      {snapshot ? <Tiers snapshot={snapshot} /> : <p className={styles.muted}>Loading…</p>}
    </div>
  );
}

function Tiers({ snapshot }: { snapshot: OpsSnapshot }) {
  const { edge, storefront, api, images, cache, replica, queues } = snapshot;
  return (
    <>
      <Tier name="Shoppers">
        <Card title="Online now">
          <Figure label="seen in the last 5 minutes" value={snapshot.shoppersOnline ?? dash} />
        </Card>
      </Tier>
      <Tier name="Edge (nginx): page cache, CDN, load balancer">
        <Card title="Edge">
          <Figure label="requests" value={rate(edge.requestsPerSecond)} />
          <Figure label="open connections" value={edge.activeConnections ?? dash} />
          <Figure label="pages from the page cache" value={share(edge.pageCacheHitRatio)} />
          <Figure label="pictures from the CDN cache" value={share(edge.cdnHitRatio)} />
        </Card>
      </Tier>
      <Tier name="Storefront and API replicas">
        <Card title="Storefront (Next.js)">
          <Figure label="CPU" value={cores(storefront.cpu)} />
        </Card>
        {api.length === 0 ? <p className={styles.muted}>No API replica reports traffic.</p> : null}
        {api.map((replica) => (
          <Card key={replica.instance} title={replica.instance} testId="ops-api-replica">
            <Traffic traffic={replica} />
            <Figure label="CPU" value={cores(replica.cpu)} />
          </Card>
        ))}
      </Tier>
      <Tier name="Data">
        <Card title="Cache tier (process, Redis)">
          {cache.length === 0 ? <p className={styles.muted}>No catalog reads yet.</p> : null}
          {cache.map((entry) => (
            <Figure key={entry.cache} label={`${entry.cache} hits`} value={share(entry.hitRatio)} />
          ))}
        </Card>
        <Card title="Postgres">
          <Figure label="catalog reads past the cache" value={rate(replica.bypassReadsPerSecond)} />
          {replica.primaryReads.map((reads) => (
            <Figure
              key={reads.reason}
              label={`to the primary: ${reads.reason.replaceAll('_', ' ')}`}
              value={rate(reads.perSecond)}
            />
          ))}
          <Figure label="replica behind by" value={seconds(replica.lagSeconds)} />
          <Figure label="WAL not yet replayed" value={bytes(replica.lagBytes)} />
        </Card>
      </Tier>
      <Tier name="Images and background work">
        <Card title="Image service">
          <Traffic traffic={images} />
          <Figure label="variants from S3" value={share(images.storedRatio)} />
          <Figure label="CPU" value={cores(images.cpu)} />
        </Card>
        <Card title="Workers (BullMQ)">
          {queues.map((queue) => (
            <Figure
              key={queue.queue}
              label={`${queue.queue}: waiting (failed)`}
              value={`${queue.backlog ?? dash} (${queue.failed ?? dash})`}
            />
          ))}
          <Figure label="hot lists folded" value={`${seconds(snapshot.hotListAgeSeconds)} ago`} />
        </Card>
      </Tier>
      <section className={styles.tier} aria-labelledby="ops-components">
        <h2 id="ops-components" className={styles.tierName}>
          Components
        </h2>
        <ul className={styles.components}>
          {snapshot.components.map((component) => (
            <li
              key={`${component.job}/${component.instance}`}
              className={component.up ? styles.up : styles.down}
              data-testid="ops-component"
            >
              <span className={styles.dot} aria-hidden="true" />
              {component.job} <span className={styles.muted}>{component.instance}</span>{' '}
              <span className={styles.state}>{component.up ? 'up' : 'down'}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Tier({ name, children }: { name: string; children: ReactNode }) {
  return (
    <section className={styles.tier} aria-label={name}>
      <h2 className={styles.tierName}>{name}</h2>
      <div className={styles.cards}>{children}</div>
    </section>
  );
}

function Card({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <article className={styles.card} data-testid={testId}>
      <h3 className={styles.cardTitle}>{title}</h3>
      <dl className={styles.figures}>{children}</dl>
    </article>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className={styles.figure}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Traffic({ traffic }: { traffic: OpsTraffic }) {
  return (
    <>
      <Figure label="requests" value={rate(traffic.requestsPerSecond)} />
      <Figure label="p95" value={ms(traffic.p95Ms)} />
      <Figure label="answered 5xx" value={share(traffic.errorRatio)} />
    </>
  );
}
