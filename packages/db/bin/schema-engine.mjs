#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary (PostgreSQL only).
//
// Why: the Prisma 7 CLI downloads its native schema-engine from Prisma's own server for
// migrate/db commands; where that server is unreachable, Prisma Migrate cannot run.
// This script runs the official WebAssembly build of the same engine
// (@prisma/schema-engine-wasm) over @prisma/adapter-pg and speaks the native binary's
// interface, so the unmodified CLI can use it:
//
//   PRISMA_SCHEMA_ENGINE_BINARY=/path/to/schema-engine.mjs npx prisma migrate deploy
//
// Interface reproduced (as called by prisma 7.10.1):
//   schema-engine [-d|--datamodels <file>]... [--datasource <json {url, shadowDatabaseUrl}>]
//                 [--enabled-preview-features <a,b>] [--extension-types <json>]
//       JSON-RPC 2.0 server, one message per line on stdin/stdout, JSON log lines on stderr.
//   schema-engine --datasource <json> cli can-connect-to-database|create-database|drop-database
//   schema-engine --version
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import pg from 'pg';
import PgResult from 'pg/lib/result.js';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as wasmGlue from '@prisma/schema-engine-wasm/schema_engine_bg';

// ---- output helpers --------------------------------------------------------------------------
const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n');
// stderr lines use the native engine's JSON log format; the CLI shows `fields.message`.
const log = (level, message, extra = {}) =>
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      fields: { message, ...extra },
      target: 'schema_engine::logger',
    }) + '\n',
  );
const errorData = (message, extra) => ({
  code: 4466,
  message: 'An error happened. Check the data field for details.',
  data: { is_panic: false, message, ...extra },
});

let currentRequestId = null; // answered before dying, so the CLI never waits on a dead engine
function die(message) {
  if (panicMessage) message = `${panicMessage} (${message})`;
  if (currentRequestId !== null)
    send({ id: currentRequestId, error: errorData(`schema-engine shim: ${message}`) });
  log('ERROR', `schema-engine shim: ${message}`);
  process.exit(1);
}
process.on('uncaughtException', (e) => die(e?.stack ?? String(e)));
process.on('unhandledRejection', (e) => die(e?.stack ?? String(e)));

// ---- arguments -------------------------------------------------------------------------------
let opt, positionals;
try {
  ({ values: opt, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      datamodels: { type: 'string', short: 'd', multiple: true },
      datasource: { type: 'string' },
      'enabled-preview-features': { type: 'string' }, // not supported by the wasm engine: ignored
      'extension-types': { type: 'string' }, // not supported by the wasm engine: ignored
      version: { type: 'boolean', short: 'V' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  die(e.message);
}
if (opt.help) {
  console.log(
    'usage: schema-engine [-d <schema.prisma>]... [--datasource <json>] [cli can-connect-to-database|create-database|drop-database]',
  );
  process.exit(0);
}
let datasource;
try {
  datasource = JSON.parse(opt.datasource ?? '{}');
} catch {
  die('--datasource is not valid JSON');
}
const datamodels = (opt.datamodels ?? []).map((f) => [f, fs.readFileSync(path.resolve(f), 'utf8')]);

// ---- wasm engine -----------------------------------------------------------------------------
function loadWasm() {
  const gluePath = createRequire(import.meta.url).resolve(
    '@prisma/schema-engine-wasm/schema_engine_bg',
  );
  const module = new WebAssembly.Module(fs.readFileSync(gluePath.replace(/\.js$/, '.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': wasmGlue });
  wasmGlue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return wasmGlue;
}
// Rust panics report their message through this global before trapping.
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (m) => {
    panicMessage = m;
  },
};

if (opt.version) {
  console.log(`schema-engine-cli ${loadWasm().version()} (wasm shim)`);
  process.exit(0);
}

// ---- database access -------------------------------------------------------------------------
// The engine's catalog queries return Postgres' internal one-byte `"char"` type (OID 18:
// pg_constraint.contype, confdeltype, ...), which @prisma/adapter-pg rejects as unsupported.
// It must still reach the engine as a Character value, as the native engine gets it: reading a
// Text value, `get_expect_char("constraint_type")` (sql-schema-describer's query of CHECK and
// EXCLUDE constraints) panics ("... as char failed", RuntimeError: unreachable). So pg parses
// these columns as text (OID 25), and withCharColumns() reports them as Character.
const charColumns = new WeakMap(); // pg result's rows array -> indexes of its "char" columns
const addFields = PgResult.prototype.addFields;
PgResult.prototype.addFields = function (fields) {
  const chars = fields.flatMap((f, i) => (f.dataTypeID === 18 ? [i] : []));
  for (const i of chars) fields[i].dataTypeID = 25;
  if (chars.length) charColumns.set(this.rows, chars);
  return addFields.call(this, fields);
};
// Wraps an adapter-pg connection or transaction (adapter-pg returns pg's rows array as is).
function withCharColumns(queryable) {
  const { queryRaw, startTransaction } = queryable;
  queryable.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(result.rows) ?? [])
      result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (startTransaction)
    queryable.startTransaction = async function (...args) {
      return withCharColumns(await startTransaction.apply(this, args));
    };
  return queryable;
}

function checkUrl(url, what) {
  if (!url) throw new Error(`no ${what} given (set datasource.url in prisma.config.ts)`);
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error(
      `${what} must be a postgres:// or postgresql:// URL (this shim supports PostgreSQL only)`,
    );
  return url;
}
const dbName = (url) => decodeURIComponent(new URL(url).pathname.slice(1));
const withDb = (url, db) => {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(db);
  return u.href;
};
const hostPort = (url) =>
  `${new URL(url).searchParams.get('host') ?? new URL(url).hostname}:${new URL(url).port || 5432}`;
const sameDb = (a, b) => hostPort(a) === hostPort(b) && dbName(a) === dbName(b);
// `?schema=` selects the Postgres schema, as with the native engine.
function pgAdapter(url) {
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const options =
    schema && `-c search_path=${pg.escapeIdentifier(schema).replace(/[\\ ]/g, '\\$&')}`;
  const factory = new PrismaPg({ connectionString: url, ...(options && { options }) }, { schema });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => withCharColumns(await connect());
  return factory;
}

// Run statements on a short-lived plain pg connection.
async function sql(url, ...statements) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    for (const s of statements) await client.query(s);
  } finally {
    await client.end().catch(() => {});
  }
}

// NB: adapter-pg's own connectToShadowDb() must not be used: it connects with
// `{ connectionString, database }`, where pg lets the URL win, so the "shadow" replay of all
// migrations silently runs against the MAIN database.
async function connectToShadowDb(url, shadowUrl) {
  if (shadowUrl) {
    // explicit shadow database (like the native engine): wipe it, then use it
    await sql(
      shadowUrl,
      `DO $$ DECLARE s text; BEGIN
      FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
      LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP;
      CREATE SCHEMA public; END $$`,
    );
    return pgAdapter(shadowUrl).connect();
  }
  // otherwise a temporary database (needs CREATEDB), dropped when the engine disposes of it
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
  await sql(url, `CREATE DATABASE "${name}"`);
  const shadow = await pgAdapter(withDb(url, name)).connect();
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await sql(url, `DROP DATABASE IF EXISTS "${name}"`);
  };
  return shadow;
}

function adapterFactory() {
  const url = checkUrl(datasource.url, 'datasource url');
  const shadowUrl =
    datasource.shadowDatabaseUrl && checkUrl(datasource.shadowDatabaseUrl, 'shadowDatabaseUrl');
  if (shadowUrl && sameDb(url, shadowUrl))
    throw new Error(
      'shadowDatabaseUrl points at the main database; it must be a separate database',
    );
  const factory = pgAdapter(url);
  factory.connectToShadowDb = () => connectToShadowDb(url, shadowUrl);
  // The wasm engine needs the error-capturing wrapper (without it: `externalPool` errors).
  return bindMigrationAwareSqlAdapterFactory(factory);
}

// ---- `cli` subcommands: the CLI uses them to check for / create the database ----------------
async function runCli(command) {
  let url;
  try {
    url = checkUrl(datasource.url, 'datasource url');
    const admin = withDb(url, 'postgres');
    const ident = pg.escapeIdentifier(dbName(url));
    if (command === 'can-connect-to-database') await sql(url);
    else if (command === 'create-database') await sql(admin, `CREATE DATABASE ${ident}`);
    else if (command === 'drop-database') await sql(admin, `DROP DATABASE ${ident}`);
    else throw new Error(`unknown cli command: ${command}`);
  } catch (e) {
    const code = {
      '3D000': 'P1003',
      '28P01': 'P1000',
      28000: 'P1000',
      ECONNREFUSED: 'P1001',
      ENOTFOUND: 'P1001',
      ETIMEDOUT: 'P1001',
    }[e.code];
    const message =
      code === 'P1003'
        ? `Database \`${dbName(url)}\` does not exist on the database server at \`${hostPort(url)}\`.`
        : code === 'P1001'
          ? `Can't reach database server at \`${hostPort(url)}\``
          : e.message;
    process.stderr.write('schema-engine shim\n'); // the CLI skips the first stderr line, then parses JSON lines
    log('ERROR', message, code ? { error_code: code } : {});
    process.exit(1);
  }
  process.exit(0);
}

// ---- JSON-RPC server (default mode) ----------------------------------------------------------
async function serve() {
  const { SchemaEngine } = loadWasm();
  // Created eagerly (it connects to the database); failures are reported on each request.
  const engine = (async () =>
    SchemaEngine.new(
      { datamodels: datamodels.length ? datamodels : undefined },
      (line) => process.stderr.write(String(line).trimEnd() + '\n'), // already native-format JSON logs
      adapterFactory(),
    ))();
  engine.catch(() => {});

  async function handle({ id, method, params }) {
    currentRequestId = id;
    panicMessage = undefined;
    try {
      if (method === 'getDatabaseVersion') method = 'version'; // the only renamed method
      if (method === 'free' || typeof SchemaEngine.prototype[method] !== 'function')
        throw new Error(`method not supported by the wasm schema engine: ${method}`);
      const eng = await engine;
      let result = await eng[method](params).catch(async (e) => {
        // The wasm engine's evaluateDataLoss/createMigration cannot open a shadow database: they
        // reuse the migrations' schema that devDiagnostic cached, keyed by the migrations applied
        // at that time. After `migrate dev` has applied pending ones (fresh database, a pulled
        // migration), that cache misses and they fail with this error. diagnoseMigrationHistory
        // (which gets the shadow database factory) caches it for the migrations now applied.
        if (!/shadow DB must be provided through an external factory/.test(e?.message)) throw e;
        const { migrationsList, filters } = params;
        await eng.diagnoseMigrationHistory({
          migrationsList,
          filters,
          optInToShadowDatabase: true,
        });
        return eng[method](params);
      });
      if (method === 'diff' && result?.stdout != null) {
        // The native engine prints diff output through a `print` request to the CLI.
        send({ id: `print-${id}`, method: 'print', params: { content: result.stdout } });
        result = { ...result, stdout: null };
      }
      send({ id, result: result === undefined ? {} : result });
    } catch (e) {
      if (panicMessage) {
        // the wasm instance is unusable after a panic
        send({
          id,
          error: {
            ...errorData(panicMessage),
            data: { is_panic: true, message: panicMessage, error: { message: panicMessage } },
          },
        });
        process.exit(101);
      }
      // User-facing engine errors carry a Prisma error code (P1012, P3005, P3018, ...).
      send({
        id,
        error: errorData(
          e?.message ?? String(e),
          typeof e?.code === 'string' ? { error_code: e.code, meta: e.meta } : {},
        ),
      });
    }
    currentRequestId = null;
  }

  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return die(`invalid JSON-RPC message: ${line.slice(0, 200)}`);
    }
    if (msg.method) queue = queue.then(() => handle(msg)); // (messages without a method answer our `print`)
  });
  lines.on('close', () => queue.then(() => process.exit(0)));
}

if (positionals[0] === 'cli') await runCli(positionals[1]);
else if (positionals.length) die(`unexpected arguments: ${positionals.join(' ')}`);
else await serve();
