#!/usr/bin/env node
// A real OpenID provider (oidc-provider) on loopback for the ModelRbac tests. Usage:
//   node oidc-server.mjs --jwks PRIVATE_JWKS_JSON [--port 0] [--ttl SECONDS] [--no-stdin-watch]
// Prints exactly one line to stdout once listening: "READY http://127.0.0.1:<port>"; all other
// output goes to stderr. Extra endpoints: GET /__stats -> {"jwks":N,"discovery":M},
// POST /__stats/reset -> zeroes the counters. Exits on SIGTERM/SIGINT, when stdin (a pipe or
// socket) reaches EOF, or after --ttl seconds if given.
import { readFileSync, fstatSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

// oidc-provider prints notices with console.info/log: keep stdout for the READY line only.
const toStderr = (...a) => console.error(...a);
console.log = toStderr;
console.info = toStderr;
console.debug = toStderr;

function usage(msg) {
  if (msg) process.stderr.write(`oidc-server: ${msg}\n`);
  process.stderr.write('usage: node oidc-server.mjs --jwks PRIVATE_JWKS_JSON [--port 0] [--ttl SECONDS] [--no-stdin-watch]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let jwksPath;
let port = 0;
let ttl = 0;
let watchStdin = true;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--jwks') jwksPath = args[++i] ?? usage('--jwks needs a value');
  else if (a === '--port') port = Number(args[++i] ?? usage('--port needs a value'));
  else if (a === '--ttl') ttl = Number(args[++i] ?? usage('--ttl needs a value'));
  else if (a === '--no-stdin-watch') watchStdin = false;
  else if (a === '-h' || a === '--help') usage();
  else usage(`unknown argument ${a}`);
}
if (!jwksPath) usage('--jwks is required');
if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be 0..65535');
if (!Number.isFinite(ttl) || ttl < 0) usage('--ttl must be a non-negative number');

const jwks = JSON.parse(readFileSync(jwksPath, 'utf8'));
if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) usage(`${jwksPath} holds no "keys" array`);

const { default: Provider } = await import('oidc-provider');

// Bind first so the ephemeral port is known before the issuer is fixed.
let handler = (req, res) => { res.statusCode = 503; res.end(); };
const server = createServer((req, res) => handler(req, res));
await new Promise((resolveListen, rejectListen) => {
  server.once('error', rejectListen);
  server.listen(port, '127.0.0.1', resolveListen);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  jwks,
  clients: [{
    client_id: 'modelrbac-test',
    client_secret: 'modelrbac-test-secret',
    redirect_uris: ['http://127.0.0.1/cb'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  features: { devInteractions: { enabled: false } },
});

const stats = { jwks: 0, discovery: 0 };
const jwksPathname = new URL(provider.urlFor('jwks')).pathname;
const discoveryPathname = '/.well-known/openid-configuration';
provider.use(async (ctx, next) => {
  if (ctx.path === '/__stats') {
    if (ctx.method === 'GET') { ctx.body = { ...stats }; return; }
    ctx.status = 405; return;
  }
  if (ctx.path === '/__stats/reset') {
    if (ctx.method === 'POST') { stats.jwks = 0; stats.discovery = 0; ctx.body = { ...stats }; return; }
    ctx.status = 405; return;
  }
  if (ctx.path === jwksPathname) stats.jwks += 1;
  else if (ctx.path === discoveryPathname) stats.discovery += 1;
  await next();
});
provider.on('server_error', (ctx, err) => process.stderr.write(`oidc-server: server_error ${err?.stack ?? err}\n`));
handler = provider.callback();

let stopping = false;
function stop(reason, code = 0) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`oidc-server: stopping (${reason})\n`);
  server.close(() => process.exit(code));
  server.closeAllConnections();
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGHUP', () => stop('SIGHUP'));

// Exit when the parent's end of stdin goes away. Only for a pipe or socket: a stdin that is
// /dev/null or a regular file reaches EOF at once, and a TTY is left alone.
if (watchStdin) {
  let st;
  try { st = fstatSync(0); } catch { st = undefined; }
  if (st && (st.isFIFO() || st.isSocket())) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }
}
if (ttl > 0) setTimeout(() => stop(`ttl ${ttl}s elapsed`), ttl * 1000).unref();

process.stdout.write(`READY ${issuer}\n`);
