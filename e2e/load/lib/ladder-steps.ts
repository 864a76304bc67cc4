// The scalability ladder's steps: the local stack from a LAMP-style baseline to the full shop,
// one scaling step at a time. Each is the settings `shop start` reads (infra/local/env.sh); a
// setting left unset means the full stack's default.

/** The settings the ladder varies; restoring the stack leaves every one of them unset. */
export const ladderSettingNames = [
  'API_REPLICAS',
  'CATALOG_CACHE',
  'READ_REPLICA',
  'CDN_CACHE',
  'PAGE_CACHE',
] as const;
type LadderSetting = (typeof ladderSettingNames)[number];

export interface LadderStep {
  id: number;
  label: string;
  /** One sentence: what the step adds to the one before. */
  adds: string;
  settings: Record<LadderSetting, string>;
}

export const ladderSteps: readonly LadderStep[] = [
  {
    id: 1,
    label: 'LAMP-style baseline',
    adds: 'One API process that reads the catalog from the primary database on every request; the storefront renders every page and the image service serves every picture.',
    settings: {
      API_REPLICAS: '1',
      CATALOG_CACHE: 'off',
      READ_REPLICA: 'off',
      CDN_CACHE: 'off',
      PAGE_CACHE: 'off',
    },
  },
  {
    id: 2,
    label: '+ cache tier',
    adds: 'The API answers catalog reads from its in-process cache and the Redis cache tier instead of asking Postgres each time.',
    settings: {
      API_REPLICAS: '1',
      CATALOG_CACHE: 'on',
      READ_REPLICA: 'off',
      CDN_CACHE: 'off',
      PAGE_CACHE: 'off',
    },
  },
  {
    id: 3,
    label: '+ read replica',
    adds: 'The API and the workers read from the streaming replica, leaving the primary to the writes.',
    settings: {
      API_REPLICAS: '1',
      CATALOG_CACHE: 'on',
      READ_REPLICA: 'on',
      CDN_CACHE: 'off',
      PAGE_CACHE: 'off',
    },
  },
  {
    id: 4,
    label: '+ second API replica',
    adds: 'The edge balances requests over two stateless API processes instead of one.',
    settings: {
      API_REPLICAS: '2',
      CATALOG_CACHE: 'on',
      READ_REPLICA: 'on',
      CDN_CACHE: 'off',
      PAGE_CACHE: 'off',
    },
  },
  {
    id: 5,
    label: '+ CDN cache for images',
    adds: 'The edge’s CDN cache keeps every picture it served, so picture requests stop reaching the image service.',
    settings: {
      API_REPLICAS: '2',
      CATALOG_CACHE: 'on',
      READ_REPLICA: 'on',
      CDN_CACHE: 'on',
      PAGE_CACHE: 'off',
    },
  },
  {
    id: 6,
    label: '+ edge page cache (full stack)',
    adds: 'The edge’s page cache and the storefront’s own cache answer catalog pages without rendering them again.',
    settings: {
      API_REPLICAS: '2',
      CATALOG_CACHE: 'on',
      READ_REPLICA: 'on',
      CDN_CACHE: 'on',
      PAGE_CACHE: 'on',
    },
  },
];

/** `NAME=value ...`, as a person would type it before `npm start`. */
export function describeSettings(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}
