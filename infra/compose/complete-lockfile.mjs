// Completes the lockfile that `turbo prune --docker` writes, so `npm ci` can install from it.
//
// turbo prune leaves out some packages the pruned workspaces need (the `prisma` CLI of
// @shop/db, for one), and `npm ci` then refuses the lockfile. This walks the pruned workspaces'
// dependencies the way Node resolves them (node_modules folders from the package outward) and
// copies every missing entry verbatim from the repository's own lockfile: the install stays
// frozen to exactly the versions and integrity hashes committed there.
//
// Usage: node complete-lockfile.mjs <full package-lock.json> <pruned package-lock.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [fullPath, prunedPath] = process.argv.slice(2);
if (!fullPath || !prunedPath) {
  console.error('usage: node complete-lockfile.mjs <full lockfile> <pruned lockfile>');
  process.exit(2);
}
const full = JSON.parse(readFileSync(fullPath, 'utf8'));
const pruned = JSON.parse(readFileSync(prunedPath, 'utf8'));

/** Where `name`, required by the package at `from`, is found: the nearest node_modules. */
function resolve(from, name) {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (full.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

const seen = new Set();
// The pruned tree's own workspaces (and the root) are where the walk starts.
const queue = Object.keys(pruned.packages).filter((path) => !path.includes('node_modules/'));
let added = 0;
while (queue.length > 0) {
  const path = queue.pop();
  if (seen.has(path)) continue;
  seen.add(path);
  const entry = full.packages[path];
  if (!entry) continue;
  if (!pruned.packages[path]) {
    pruned.packages[path] = entry;
    added++;
  }
  if (entry.link && entry.resolved) queue.push(entry.resolved);
  const names = {
    ...entry.dependencies,
    ...entry.optionalDependencies,
    ...entry.peerDependencies,
    ...entry.devDependencies,
  };
  for (const name of Object.keys(names)) {
    const found = resolve(path, name);
    if (found) queue.push(found);
  }
}
writeFileSync(prunedPath, `${JSON.stringify(pruned, null, 2)}\n`);
console.log(`complete-lockfile: ${added} entries added from ${fullPath}`);
