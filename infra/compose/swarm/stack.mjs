// Renders a swarm stack file from the compose deployment, as `docker compose config` (or
// docker-compose v1's) printed it, interpolated. `docker stack deploy` takes compose files but
// not all of them: it refuses the conditions of `depends_on` (a swarm has no start order; each
// service is restarted until what it needs answers) and ignores `restart:` and `build:`. Here:
//
// - `depends_on` and `build` are dropped; `restart:` becomes deploy.restart_policy (unless the
//   service sets one);
// - `cpu_shares` is dropped: a swarm refuses it (it knows only deploy.resources' limits and
//   reservations); it weighs services sharing one machine's CPUs, which a swarm spreads out;
// - credentials leave the environment: each becomes a swarm secret, mounted at
//   /run/secrets/<name>, and the service reads it through NAME_FILE (the shop's apps, the
//   official Postgres image and the shop's scripts all understand it);
// - networks become overlay networks (attachable, for one-off `docker run` checks); aliases
//   `tasks.<service>` are dropped (compose.yml gives them for compose, which lacks the names the
//   swarm itself gives every service's tasks);
// - ports published on all addresses go through the swarm's routing mesh; ports published on
//   127.0.0.1 only (the mail catcher's inbox) cannot be, and are left out.
//
// With --without-ipvs, for nodes whose kernel has no IPVS (the swarm's virtual addresses and
// its routing mesh need it): every service resolves to its tasks' addresses (`dnsrr`) and the
// ports are published on the node that runs the task (`mode: host`).
//
// Usage: node stack.mjs --stack NAME --secrets DIR [--without-ipvs] < rendered.yml > stack.yml
// DIR receives the secrets' files (mode 600); `docker stack deploy` reads them, then they can go.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';

/** The settings that are credentials, wherever a service has them. */
const SECRET_SETTINGS = [
  'DATABASE_URL',
  'DATABASE_REPLICA_URL',
  'SESSION_SECRET',
  'REVALIDATE_SECRET',
  'POSTGRES_PASSWORD',
  'REPLICATION_PASSWORD',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'MINIO_ROOT_USER',
  'MINIO_ROOT_PASSWORD',
  // The Postgres exporters' (they read DATA_SOURCE_PASS_FILE).
  'DATA_SOURCE_PASS',
];

const RESTART_CONDITIONS = {
  always: 'any',
  'unless-stopped': 'any',
  'on-failure': 'on-failure',
  no: 'none',
};

const { values: args } = parseArgs({
  options: {
    stack: { type: 'string' },
    secrets: { type: 'string' },
    'without-ipvs': { type: 'boolean', default: false },
  },
});
if (!args.stack || !args.secrets) {
  console.error('usage: node stack.mjs --stack NAME --secrets DIR < rendered.yml > stack.yml');
  process.exit(2);
}
const stackName = args.stack;
const secretsDir = args.secrets;
const portMode = args['without-ipvs'] ? 'host' : 'ingress';

const compose = parse(readFileSync(0, 'utf8'));
const secrets = {};

/** A credential as a secret: named after the setting and its content (secrets never change). */
function secretFor(setting, value, service) {
  const name = setting.toLowerCase();
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 12);
  const existing = secrets[name];
  if (existing && existing.name !== `${stackName}_${name}_${hash}`) {
    throw new Error(`${setting} differs between services (${service} has another value)`);
  }
  if (!existing) {
    const file = join(secretsDir, name);
    writeFileSync(file, value, { mode: 0o600 });
    secrets[name] = { file, name: `${stackName}_${name}_${hash}` };
  }
  return name;
}

/** "[ip:]published:target[/protocol]" (or the long form) as the swarm's long form; null to drop. */
function swarmPort(port, service) {
  if (typeof port === 'object') {
    if (port.host_ip && port.host_ip !== '0.0.0.0') return leftOut(port.host_ip, service);
    const { host_ip: _hostIp, ...rest } = port;
    return { mode: portMode, protocol: 'tcp', ...rest };
  }
  const [spec, protocol = 'tcp'] = String(port).split('/');
  const parts = spec.split(':');
  const [ip, published, target] = parts.length === 3 ? parts : ['0.0.0.0', ...parts];
  if (ip !== '0.0.0.0') return leftOut(ip, service);
  return { target: Number(target), published: Number(published), protocol, mode: portMode };
}

function leftOut(ip, service) {
  console.error(
    `stack: ${service}'s port on ${ip} is not published (a swarm publishes on every node)`,
  );
  return null;
}

mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
for (const [name, service] of Object.entries(compose.services ?? {})) {
  delete service.build;
  delete service.depends_on;
  delete service.cpu_shares;
  const restart = service.restart;
  delete service.restart;
  service.deploy ??= {};
  if (args['without-ipvs']) service.deploy.endpoint_mode = 'dnsrr';
  if (!service.deploy.restart_policy && restart) {
    service.deploy.restart_policy = { condition: RESTART_CONDITIONS[restart] ?? 'any' };
  }
  for (const network of Object.values(service.networks ?? {})) {
    if (!network?.aliases) continue;
    network.aliases = network.aliases.filter((alias) => !String(alias).startsWith('tasks.'));
    if (network.aliases.length === 0) delete network.aliases;
  }
  if (service.ports) {
    service.ports = service.ports.map((port) => swarmPort(port, name)).filter(Boolean);
    if (service.ports.length === 0) delete service.ports;
  }
  const environment = service.environment ?? {};
  for (const setting of SECRET_SETTINGS) {
    const value = environment[setting];
    if (value === undefined || value === null || value === '') continue;
    const secret = secretFor(setting, String(value), name);
    delete environment[setting];
    environment[`${setting}_FILE`] = `/run/secrets/${secret}`;
    service.secrets = [...new Set([...(service.secrets ?? []), secret])];
  }
}
for (const network of Object.values(compose.networks ?? {})) {
  if (network?.external) continue;
  network.driver = 'overlay';
  network.attachable = true;
}
compose.version = '3.8';
compose.secrets = { ...compose.secrets, ...secrets };
process.stdout.write(stringify(compose, { lineWidth: 0 }));
