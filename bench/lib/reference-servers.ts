// The baselines a tier is compared with: nginx serving the same bytes as a static file, and a
// bare node:http server answering fixed JSON. What the shop adds on top of them is its cost.
//
// Compression in the static nginx mirrors the edge (infra/nginx/edge.conf.template), so a client
// sending Accept-Encoding gets what it would get there, at the same cost:
// - a file with a `<name>.gz` sibling is answered with those stored bytes (gzip_static), as the
//   edge answers a cached page with the compressed bytes the storefront stored;
// - any other file is compressed per request with the edge's gzip settings (same level, types,
//   minimum length), as the edge does for API answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTools } from './tools';

/** The edge's gzip settings; `gzip_comp_level` is not set there, so it is nginx's default, 1. */
export const EDGE_GZIP = {
  level: 1,
  types: 'application/json text/css application/javascript image/svg+xml',
  minLength: 1024,
};

export interface ReferenceServers {
  staticUrl: (name: string) => string;
  bareNodeUrl: (name: string) => string;
  stop: () => Promise<void>;
}

async function waitForUrl(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await fetch(url).catch(() => null))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`reference server at ${url} did not come up`);
}

const BARE_NODE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const [files, host, port] = [JSON.parse(process.argv[1]), process.argv[2], Number(process.argv[3])];
const bodies = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(f)]));
http.createServer((req, res) => {
  const body = bodies[req.url.slice(1)];
  if (!body) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}).listen(port, host).keepAliveTimeout = 75000;
`;

/**
 * Starts both reference servers over `files` (name → bytes) in `folder`. A `<name>.gz` entry is
 * what the static nginx answers for `<name>` to a client accepting gzip.
 */
export async function startReferenceServers(
  folder: string,
  host: string,
  port: number,
  files: Record<string, Buffer>,
): Promise<ReferenceServers> {
  ensureTools('nginx');
  const root = join(folder, 'static');
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = join(root, name);
    writeFileSync(paths[name], bytes);
  }
  const conf = join(folder, 'nginx-static.conf');
  writeFileSync(
    conf,
    `worker_processes 2; pid ${folder}/nginx-static.pid; error_log ${folder}/nginx-static-error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types; default_type application/octet-stream;
  # No tcp_nopush: on Linux nginx never turns TCP_NODELAY on for a keep-alive connection once it
  # has corked it, so a response whose last segment waits behind a short one stalls ~40 ms on the
  # client's delayed ACK. sendfile stays on.
  sendfile on;
  keepalive_timeout 65s; keepalive_requests 10000;
  gzip on; gzip_comp_level ${EDGE_GZIP.level}; gzip_types ${EDGE_GZIP.types};
  gzip_min_length ${EDGE_GZIP.minLength}; gzip_static on;
  access_log ${folder}/nginx-static-access.log;
  client_body_temp_path ${root}/tmp; proxy_temp_path ${root}/tmp; fastcgi_temp_path ${root}/tmp;
  uwsgi_temp_path ${root}/tmp; scgi_temp_path ${root}/tmp;
  server { listen ${host}:${port}; root ${root}; }
}
`,
  );
  const children: ChildProcess[] = [
    spawn('/usr/sbin/nginx', ['-p', folder, '-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' }),
    spawn(
      process.execPath,
      ['-e', BARE_NODE_SERVER, JSON.stringify(paths), host, String(port + 1)],
      {
        stdio: 'inherit',
      },
    ),
  ];
  const servers: ReferenceServers = {
    staticUrl: (name) => `http://${host}:${port}/${name}`,
    bareNodeUrl: (name) => `http://${host}:${port + 1}/${name}`,
    stop: async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map(
          (c) =>
            new Promise((resolve) =>
              c.exitCode === null ? c.once('exit', resolve) : resolve(null),
            ),
        ),
      );
    },
  };
  const [first] = Object.keys(files);
  if (first) {
    await waitForUrl(servers.staticUrl(first)).catch(async (error: unknown) => {
      await servers.stop();
      throw error;
    });
    await waitForUrl(servers.bareNodeUrl(first));
  }
  return servers;
}
