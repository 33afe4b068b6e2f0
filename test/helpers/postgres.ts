// A throw-away PostgreSQL server for one test process: initdb into a temp folder, a free
// loopback port, the socket in that folder, `pg_ctl start`; stopped and removed when the
// process exits. Each test file creates its own databases on it (createTestDatabase).
// PostgreSQL refuses to run as root, so as root the server runs as a system user of its
// own (created once with useradd) that owns the temp folder. Nothing is mocked.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/** The system user the server runs as when the tests run as root. */
const PG_USER = 'hookflow-pg';

const MISSING =
  "PostgreSQL's server programs (initdb, pg_ctl) were not found. The PostgreSQL tests start " +
  'a server of their own: install it with `apt-get install postgresql` (Debian/Ubuntu; the ' +
  'programs land in /usr/lib/postgresql/<version>/bin), or set HOOKFLOW_PG_BIN to the folder ' +
  'that holds initdb and pg_ctl.';

export interface TestPostgres {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust authentication on loopback). */
  url(database: string): string;
  /** Stops the server, as an outage would (fast shutdown: connections are cut). */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
}

let cluster: Promise<TestPostgres> | undefined;

/** The process's server, started on first use. */
export function testPostgres(): Promise<TestPostgres> {
  cluster ??= startCluster();
  return cluster;
}

/** A new, empty database on the process's server; its URL. */
export async function createTestDatabase(): Promise<string> {
  const server = await testPostgres();
  const name = `hookflow_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    // An identifier cannot be a parameter; the name is ours ([a-z0-9_] only).
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return server.url(name);
}

function findBinaries(): string {
  const fromEnv = process.env.HOOKFLOW_PG_BIN;
  const debian = '/usr/lib/postgresql';
  const candidates = fromEnv
    ? [fromEnv]
    : [
        ...(existsSync(debian)
          ? readdirSync(debian)
              .filter((version) => /^\d+$/.test(version))
              .sort((a, b) => Number(b) - Number(a))
              .map((version) => join(debian, version, 'bin'))
          : []),
        ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
      ];
  const found = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  if (!found) throw new Error(MISSING);
  return found;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** The server's user as root (created if missing): its uid and gid. */
function serverUser(): { uid: number; gid: number } {
  const lookup = () => ({
    uid: spawnSync('id', ['-u', PG_USER], { encoding: 'utf8' }),
    gid: spawnSync('id', ['-g', PG_USER], { encoding: 'utf8' }),
  });
  let ids = lookup();
  if (ids.uid.status !== 0) {
    // Another test process may create it at the same moment: look again either way.
    spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER]);
    ids = lookup();
  }
  if (ids.uid.status !== 0 || ids.gid.status !== 0) {
    throw new Error(`Could not create the system user ${PG_USER} to run PostgreSQL as (useradd)`);
  }
  return { uid: Number(ids.uid.stdout.trim()), gid: Number(ids.gid.stdout.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function startCluster(): Promise<TestPostgres> {
  const bin = findBinaries();
  const root = mkdtempSync(join(tmpdir(), 'hookflow-pg-'));
  const user = isRoot() ? serverUser() : undefined;
  if (user) chownSync(root, user.uid, user.gid);
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  const run = (program: string, args: string[]): SpawnSyncReturns<string> => {
    const command = user ? 'runuser' : join(bin, program);
    const argv = user ? ['-u', PG_USER, '--', join(bin, program), ...args] : args;
    return spawnSync(command, argv, { encoding: 'utf8', cwd: root });
  };
  const check = (what: string, result: SpawnSyncReturns<string>): void => {
    if (result.status === 0) return;
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    throw new Error(
      `${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n` +
        `${result.stdout}${result.stderr}${serverLog}`,
    );
  };
  check(
    'initdb',
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]),
  );

  let port = 0;
  const start = (): SpawnSyncReturns<string> =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      '-o',
      // Durability off: a test server's data is thrown away anyway.
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off ` +
        '-c synchronous_commit=off -c full_page_writes=off -c max_connections=200',
      'start',
    ]);
  const stop = (): SpawnSyncReturns<string> =>
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  // A free port can be taken by another process before the server binds it: try anew.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const started = start();
    if (started.status === 0) break;
    if (attempt === 3) check('pg_ctl start', started);
  }
  process.on('exit', () => {
    run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(root, { recursive: true, force: true });
  });
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => check('pg_ctl stop', stop()),
    start: () => check('pg_ctl start', start()),
  };
}
