#!/usr/bin/env node
// Signs one JWT with jose and prints it to stdout (no trailing newline). Usage:
//   node sign-jwt.mjs --jwks PRIVATE_JWKS_JSON --payload JSON|@FILE [--kid KID] [--alg ALG]
//                     [--no-kid-header] [--lifetime SECONDS]
// --kid picks the key (default: the first key); the header carries that kid unless
// --no-kid-header. --alg defaults to the key's "alg", else RS256 (RSA) / ES256 (EC P-256).
// --lifetime N fills in iat/nbf (now - 30 s) and exp (now + N) where the payload lacks them.
import { readFileSync } from 'node:fs';
import { importJWK, SignJWT } from 'jose';

function usage(msg) {
  if (msg) process.stderr.write(`sign-jwt: ${msg}\n`);
  process.stderr.write('usage: node sign-jwt.mjs --jwks PRIVATE_JWKS_JSON --payload JSON|@FILE [--kid KID] [--alg ALG] [--no-kid-header] [--lifetime SECONDS]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const opt = { kidHeader: true };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const val = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--jwks') opt.jwks = val();
  else if (a === '--payload') opt.payload = val();
  else if (a === '--kid') opt.kid = val();
  else if (a === '--alg') opt.alg = val();
  else if (a === '--lifetime') opt.lifetime = Number(val());
  else if (a === '--no-kid-header') opt.kidHeader = false;
  else usage(`unknown argument ${a}`);
}
if (!opt.jwks || !opt.payload) usage('--jwks and --payload are required');

const { keys } = JSON.parse(readFileSync(opt.jwks, 'utf8'));
const jwk = opt.kid === undefined ? keys?.[0] : keys?.find((k) => k.kid === opt.kid);
if (!jwk) usage(`no key ${opt.kid ?? '(first)'} in ${opt.jwks}`);
const alg = opt.alg ?? jwk.alg ?? ({ RSA: 'RS256', EC: 'ES256' })[jwk.kty] ?? usage('--alg is required for this key');

const payload = JSON.parse(opt.payload.startsWith('@') ? readFileSync(opt.payload.slice(1), 'utf8') : opt.payload);
if (opt.lifetime !== undefined) {
  if (!Number.isFinite(opt.lifetime)) usage('--lifetime must be a number');
  const now = Math.floor(Date.now() / 1000);
  payload.iat ??= now - 30;
  payload.nbf ??= now - 30;
  payload.exp ??= now + opt.lifetime;
}

const header = { alg, typ: 'JWT' };
if (opt.kidHeader && jwk.kid !== undefined) header.kid = jwk.kid;
const { alg: _ignored, ...keyForImport } = jwk; // let rsa-2 style keys sign any RSA alg
const token = await new SignJWT(payload).setProtectedHeader(header).sign(await importJWK(keyForImport, alg));
process.stdout.write(token);
