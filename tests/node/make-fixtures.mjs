#!/usr/bin/env node
// Generates fresh keys and JWT fixtures for the ModelRbac tests, using jose only
// (an implementation independent of .NET). Usage:
//   node make-fixtures.mjs OUT_DIR [--issuer URL] [--audience AUD]
// Every run creates new keys; all files in OUT_DIR with the same names are overwritten.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  generateKeyPair, exportJWK, exportSPKI, exportPKCS8, importJWK, SignJWT, base64url, decodeJwt, decodeProtectedHeader,
} from 'jose';

function usage(msg) {
  if (msg) process.stderr.write(`make-fixtures: ${msg}\n`);
  process.stderr.write('usage: node make-fixtures.mjs OUT_DIR [--issuer URL] [--audience AUD]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let outDir;
let issuer = 'https://idp.test';
let audience = 'modelrbac';
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--issuer') { issuer = args[++i] ?? usage('--issuer needs a value'); }
  else if (a === '--audience') { audience = args[++i] ?? usage('--audience needs a value'); }
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (outDir === undefined) outDir = a;
  else usage(`unexpected argument ${a}`);
}
if (!outDir) usage('OUT_DIR is required');
outDir = resolve(outDir);
mkdirSync(outDir, { recursive: true });

const write = (name, text) => writeFileSync(join(outDir, name), text);
const writeJson = (name, obj) => write(name, `${JSON.stringify(obj, null, 2)}\n`);

// ---- keys ---------------------------------------------------------------------------------
// The CryptoKeys jose makes are bound to one algorithm, so keys are kept as private JWKs and
// imported for whichever algorithm a token is signed with.
async function newKey(genAlg, extra) {
  const { privateKey } = await generateKeyPair(genAlg, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, ...extra };
}
const publicOf = (jwk) => {
  const { d, p, q, dp, dq, qi, oth, ...pub } = jwk;
  return pub;
};

// rsa-1 and ec-1 carry an "alg" member (as Keycloak/Entra publish them); rsa-2 deliberately
// has none, so it can sign PS256 and RS384 tokens as well.
const rsa1 = await newKey('RS256', { kid: 'rsa-1', use: 'sig', alg: 'RS256' });
const rsa2 = await newKey('RS256', { kid: 'rsa-2', use: 'sig' });
const ec1 = await newKey('ES256', { kid: 'ec-1', use: 'sig', alg: 'ES256' });
const single = await newKey('RS256', { use: 'sig' }); // no kid on purpose
const keys = { 'rsa-1': rsa1, 'rsa-2': rsa2, 'ec-1': ec1, single };

writeJson('jwks-private.json', { keys: [rsa1, rsa2, ec1] }); // accepted by oidc-provider's `jwks`
writeJson('jwks-multi.json', { keys: [rsa1, rsa2, ec1].map(publicOf) });
writeJson('jwks-single-nokid-private.json', { keys: [single] });
writeJson('jwks-single-nokid.json', { keys: [publicOf(single)] });

const rsaPublicPem = await exportSPKI(await importJWK(publicOf(rsa1), 'RS256'));
write('rsa-public.pem', rsaPublicPem);
write('rsa-private.pem', await exportPKCS8(await importJWK(rsa1, 'RS256', { extractable: true })));
write('ec-public.pem', await exportSPKI(await importJWK(publicOf(ec1), 'ES256')));
// No rsa-cert.pem: jose cannot create X.509 certificates.

// ---- claims -------------------------------------------------------------------------------
const now = Math.floor(Date.now() / 1000);
const HOUR = 3600;
// iat/nbf are 30 s in the past so a validator with zero clock skew accepts them at once.
function claims(overrides = {}) {
  return {
    sub: '5b0f1c2e-7d3a-4e8b-9c1d-2f3a4b5c6d7e',
    preferred_username: 'alice',
    email: 'alice@example.test',
    iss: issuer,
    aud: audience,
    iat: now - 30,
    nbf: now - 30,
    exp: now + HOUR,
    scope: 'openid profile',
    resource_access: { litellm: { roles: ['proxy_admin'] } },
    jti: randomUUID(),
    ...overrides,
  };
}

const manifest = {
  version: 1,
  generatedAt: new Date(now * 1000).toISOString(),
  issuer,
  audience,
  jwks: {
    multi: 'jwks-multi.json',
    singleNoKid: 'jwks-single-nokid.json',
    private: 'jwks-private.json',
    singleNoKidPrivate: 'jwks-single-nokid-private.json',
  },
  pems: { 'rsa-1': 'rsa-public.pem', 'ec-1': 'ec-public.pem' },
  tokens: [],
};

function record(file, token, { alg, kid, signedWith, jwks, expected, description }) {
  write(file, token); // no trailing newline
  const header = decodeProtectedHeader(token);
  manifest.tokens.push({
    file,
    alg,
    kid: kid ?? null,
    signedWith,
    jwks,
    expected,
    description,
    header,
    payload: decodeJwt(token),
  });
}

async function sign(payload, { alg, key, kid, typ = 'JWT' }) {
  const header = { alg, typ };
  if (kid !== undefined) header.kid = kid;
  const k = key instanceof Uint8Array ? key : await importJWK(key, alg);
  return new SignJWT(payload).setProtectedHeader(header).sign(k);
}

// One token per case; every negative case has exactly one defect.
const cases = [
  { file: 'rs256.jwt', alg: 'RS256', key: 'rsa-1', kid: 'rsa-1', expected: 'valid', description: 'RS256 signed by rsa-1' },
  { file: 'ps256.jwt', alg: 'PS256', key: 'rsa-2', kid: 'rsa-2', expected: 'valid', description: 'PS256 signed by rsa-2 (key without alg member)' },
  { file: 'es256.jwt', alg: 'ES256', key: 'ec-1', kid: 'ec-1', expected: 'valid', description: 'ES256 signed by ec-1' },
  { file: 'rs384.jwt', alg: 'RS384', key: 'rsa-2', kid: 'rsa-2', expected: 'valid', description: 'RS384 signed by rsa-2 (key without alg member)' },
  {
    file: 'rs256-nokid.jwt', alg: 'RS256', key: 'single', kid: undefined, jwks: 'singleNoKid', expected: 'valid',
    description: 'no kid in header, validated against a JWKS holding exactly one key (also without kid)',
  },
  {
    file: 'rs256-nokid-multi.jwt', alg: 'RS256', key: 'rsa-1', kid: undefined, expected: 'key-not-found',
    description: 'signed by rsa-1 but no kid in header; the multi-key JWKS is ambiguous, so no key is chosen',
  },
  {
    file: 'expired.jwt', alg: 'RS256', key: 'rsa-1', kid: 'rsa-1', expected: 'expired',
    claims: { iat: now - 2 * HOUR, nbf: now - 2 * HOUR, exp: now - HOUR }, description: 'exp one hour ago',
  },
  {
    file: 'notyet.jwt', alg: 'RS256', key: 'rsa-1', kid: 'rsa-1', expected: 'notyet',
    claims: { nbf: now + HOUR, exp: now + 2 * HOUR }, description: 'nbf one hour ahead',
  },
  {
    file: 'wrong-aud.jwt', alg: 'RS256', key: 'rsa-1', kid: 'rsa-1', expected: 'wrong-aud',
    claims: { aud: 'someone-else' }, description: 'aud is "someone-else"',
  },
  {
    file: 'wrong-iss.jwt', alg: 'RS256', key: 'rsa-1', kid: 'rsa-1', expected: 'wrong-iss',
    claims: { iss: 'https://evil.test' }, description: 'iss is "https://evil.test"',
  },
  { file: 'unknown-kid.jwt', alg: 'RS256', key: 'rsa-1', kid: 'nope', expected: 'key-not-found', description: 'kid "nope" is in no JWKS' },
  {
    file: 'rs256-wrongkey.jwt', alg: 'RS256', key: 'rsa-2', kid: 'rsa-1', expected: 'signature-invalid',
    description: 'header says kid rsa-1 but the token is signed by rsa-2',
  },
];

for (const c of cases) {
  const token = await sign(claims(c.claims), { alg: c.alg, key: keys[c.key], kid: c.kid });
  record(c.file, token, {
    alg: c.alg, kid: c.kid, signedWith: c.key, jwks: c.jwks ?? 'multi', expected: c.expected, description: c.description,
  });
}

// alg "none": hand-built, empty signature segment.
{
  const enc = (o) => base64url.encode(JSON.stringify(o));
  const token = `${enc({ alg: 'none' })}.${enc(claims())}.`;
  record('alg-none.jwt', token, {
    alg: 'none', kid: undefined, signedWith: null, jwks: 'multi', expected: 'alg-not-allowed',
    description: 'unsecured JWT: header {"alg":"none"}, empty signature',
  });
}

// Key confusion: HS256 whose HMAC secret is the bytes of rsa-public.pem (exactly as written).
{
  const secret = new TextEncoder().encode(rsaPublicPem);
  const token = await sign(claims(), { alg: 'HS256', key: secret, kid: 'rsa-1' });
  record('hs256-keyconfusion.jwt', token, {
    alg: 'HS256', kid: 'rsa-1', signedWith: 'hmac:rsa-public.pem', jwks: 'multi', expected: 'alg-not-allowed',
    description: 'HS256 with the rsa-1 SPKI PEM text as HMAC secret, kid rsa-1 (algorithm confusion)',
  });
}

// Tampered: rs256.jwt with its payload replaced (sub and roles changed), signature kept.
{
  const original = manifest.tokens.find((t) => t.file === 'rs256.jwt');
  const [h, , s] = readFileSync(join(outDir, 'rs256.jwt'), 'utf8').split('.');
  const forged = {
    ...original.payload, sub: 'mallory', preferred_username: 'mallory', resource_access: { litellm: { roles: ['proxy_admin', 'org_admin'] } },
  };
  const token = `${h}.${base64url.encode(JSON.stringify(forged))}.${s}`;
  record('tampered.jwt', token, {
    alg: 'RS256', kid: 'rsa-1', signedWith: 'rsa-1', jwks: 'multi', expected: 'signature-invalid',
    description: 'rs256.jwt with a different payload segment and the original signature',
  });
}

writeJson('manifest.json', manifest);
process.stderr.write(`make-fixtures: wrote ${manifest.tokens.length} tokens to ${outDir}\n`);
