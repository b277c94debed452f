// openapi.mjs KOHTAANTO_BIN CATALOG_DIR OPENAPI_JSON — validates real
// responses of `kohtaanto serve` against docs/openapi.json: every endpoint,
// success and error shapes. Three servers run on the bundled catalogue: a
// normal one, one with --no-feedback, and one whose index is missing. Each
// response must have a status the description lists for that path and
// method, a JSON body, and a body valid against the listed schema; every
// path and method must have been answered with a success and an error, and
// every route server/api.c answers must be in the description.
//
// The validator is small and strict: it knows the JSON Schema keywords the
// description uses (type, properties, required, additionalProperties, items,
// enum, const, minimum, maximum, exclusiveMinimum, minItems, maxItems,
// minLength, maxLength, pattern, $ref) and refuses a schema with any other,
// so a keyword cannot be silently ignored. Needs only Node (Debian's).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [bin, catalog, specFile] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const ANNOTATIONS = new Set(['description', 'default', 'title', 'example', 'format']);
const KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum',
  'const', 'minimum', 'maximum', 'exclusiveMinimum', 'minItems', 'maxItems', 'minLength',
  'maxLength', 'pattern', '$ref']);

function resolve(ref) {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let s = spec;
  for (const part of ref.slice(2).split('/')) {
    s = s[part];
    if (s === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return s;
}

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

// Errors of value v against schema s, as "path: problem" strings.
function validate(s, v, path = '$', errs = []) {
  for (const k of Object.keys(s))
    if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`schema keyword '${k}' at ${path} is not supported`);
  if (s.$ref) return validate(resolve(s.$ref), v, path, errs);
  const t = typeOf(v);
  if (s.type) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) {
      errs.push(`${path}: ${JSON.stringify(v)?.slice(0, 60)} is ${t}, not ${types.join('|')}`);
      return errs;
    }
  }
  if (s.enum && !s.enum.some((e) => e === v)) errs.push(`${path}: ${JSON.stringify(v)} not in ${JSON.stringify(s.enum)}`);
  if ('const' in s && s.const !== v) errs.push(`${path}: ${JSON.stringify(v)} is not ${JSON.stringify(s.const)}`);
  if (t === 'integer' || t === 'number') {
    if ('minimum' in s && v < s.minimum) errs.push(`${path}: ${v} < ${s.minimum}`);
    if ('maximum' in s && v > s.maximum) errs.push(`${path}: ${v} > ${s.maximum}`);
    if ('exclusiveMinimum' in s && v <= s.exclusiveMinimum) errs.push(`${path}: ${v} <= ${s.exclusiveMinimum}`);
  }
  if (t === 'string') {
    const n = [...v].length;
    if ('minLength' in s && n < s.minLength) errs.push(`${path}: shorter than ${s.minLength}`);
    if ('maxLength' in s && n > s.maxLength) errs.push(`${path}: longer than ${s.maxLength}`);
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) errs.push(`${path}: '${v}' does not match ${s.pattern}`);
  }
  if (t === 'array') {
    if ('minItems' in s && v.length < s.minItems) errs.push(`${path}: fewer than ${s.minItems} items`);
    if ('maxItems' in s && v.length > s.maxItems) errs.push(`${path}: more than ${s.maxItems} items`);
    if (s.items) v.forEach((x, i) => validate(s.items, x, `${path}[${i}]`, errs));
  }
  if (t === 'object') {
    for (const k of s.required || []) if (!(k in v)) errs.push(`${path}: '${k}' is missing`);
    const props = s.properties || {};
    for (const [k, x] of Object.entries(v)) {
      if (props[k]) validate(props[k], x, `${path}.${k}`, errs);
      else if (s.additionalProperties === false) errs.push(`${path}: '${k}' is not described`);
      else if (typeof s.additionalProperties === 'object') validate(s.additionalProperties, x, `${path}.${k}`, errs);
    }
  }
  return errs;
}

// Every schema of the description uses only known keywords and resolvable refs.
function walk(s, path) {
  if (!s || typeof s !== 'object') return;
  for (const k of Object.keys(s))
    if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`schema keyword '${k}' at ${path} is not supported`);
  if (s.$ref) resolve(s.$ref);
  for (const p of Object.values(s.properties || {})) walk(p, path);
  if (s.items) walk(s.items, path);
  if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, path);
}
for (const [name, s] of Object.entries(spec.components.schemas)) walk(s, name);

// ---- servers --------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'kt-openapi-'));
const env = { ...process.env, KOHTAANTO_FEEDBACK: join(tmp, 'nofeedback'), HOME: tmp };
const built = spawnSync(bin, ['index', '--catalog', catalog, '--index', join(tmp, 'index')], { env, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`kohtaanto index failed: ${built.stderr}`);
// The third server's index disappears once it has started (it refuses to
// start without one), so its workers find none: 503 no_index.
cpSync(join(tmp, 'index'), join(tmp, 'gone'), { recursive: true, verbatimSymlinks: true });
const servers = [];

function serve(args) {
  return new Promise((resolveP, reject) => {
    const p = spawn(bin, ['serve', '--port', '0', '--threads', '2', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    servers.push(p);
    let err = '';
    p.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/[^/]+)\//.exec(err);
      if (m) resolveP(m[1]);
    });
    p.on('exit', (code) => reject(new Error(`kohtaanto serve ${args.join(' ')} exited ${code}: ${err}`)));
  });
}

function call(base, method, path, body, headers = {}) {
  return new Promise((resolveP, reject) => {
    const data = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = request(base + path, { method, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolveP({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

// ---- checking one exchange -------------------------------------------------
let failures = 0;
const seen = new Map(); // "METHOD path" -> Set of status classes ("2xx", "err")
function specPath(path) {
  const p = path.split('?')[0];
  if (spec.paths[p]) return p;
  for (const tpl of Object.keys(spec.paths)) {
    const re = new RegExp('^' + tpl.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (re.test(p)) return tpl;
  }
  return null;
}

async function check(base, method, path, body, want, extra) {
  const res = await call(base, method, path, body);
  const name = `${method} ${path.length > 70 ? path.slice(0, 70) + '…' : path} -> ${res.status}`;
  const problems = [];
  if (res.status !== want.status) problems.push(`status ${res.status}, expected ${want.status}`);
  if (!/^application\/json; charset=utf-8$/.test(res.headers['content-type'] || '')) problems.push(`content-type ${res.headers['content-type']}`);
  let doc;
  try { doc = JSON.parse(res.text); } catch { problems.push('body is not JSON'); }
  const tpl = specPath(path);
  const op = tpl && spec.paths[tpl][method.toLowerCase()];
  const methods = tpl ? Object.keys(spec.paths[tpl]).map((m) => m.toUpperCase()) : [];
  if (tpl && !op) {
    // A method the path does not have: 405 with the path's methods in Allow.
    if (res.status !== 405) problems.push(`${method} ${tpl} answered ${res.status}, not 405`);
    const allow = (res.headers.allow || '').split(', ').sort().join(', ');
    const documented = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
    if (allow !== documented) problems.push(`Allow: ${res.headers.allow}; the description has ${documented}`);
    if (doc) problems.push(...validate({ $ref: '#/components/schemas/Error' }, doc));
  } else if (want.undocumentedPath) {
    if (tpl) problems.push('path is documented');
    if (doc) problems.push(...validate({ $ref: '#/components/schemas/Error' }, doc));
  } else if (!op) {
    problems.push(`${method} ${tpl || path} is not in the description`);
  } else {
    const r = op.responses[String(res.status)];
    if (!r) problems.push(`status ${res.status} is not described for ${method} ${tpl}`);
    else if (doc !== undefined) problems.push(...validate(r.content['application/json'].schema, doc));
    const key = `${method} ${tpl}`;
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key).add(res.status < 300 ? '2xx' : 'err');
  }
  if (doc && want.code && doc.error?.code !== want.code) problems.push(`error code ${doc.error?.code}, expected ${want.code}`);
  if (doc && extra) problems.push(...(extra(doc, res) || []));
  if (problems.length) {
    failures++;
    console.log(`FAIL ${name}\n  ${problems.slice(0, 12).join('\n  ')}`);
  } else {
    console.log(`ok   ${name}`);
  }
  return doc;
}

// Semantic checks the schema cannot state.
function searchChecks(explain) {
  return (d) => {
    const p = [];
    d.results.forEach((r, i) => {
      if (r.rank !== i + 1) p.push(`result ${i} has rank ${r.rank}`);
      if (r.need !== null && !(r.need < d.needs.length)) p.push(`result ${r.rank}: need ${r.need} is not an index into needs`);
      if (r.need !== null && !d.needs[r.need].ranks.includes(r.rank)) p.push(`needs[${r.need}].ranks lacks ${r.rank}`);
      for (const m of r.matches) if (('weight' in m) !== explain) p.push(`weight ${explain ? 'missing' : 'present'} without explain=${explain}`);
      const len = r.snippet === null ? 0 : Buffer.byteLength(r.snippet);
      for (const [a, b] of r.highlights) if (!(a < b && b <= len)) p.push(`highlight [${a}, ${b}) outside the snippet`);
    });
    for (const n of d.needs) for (const k of n.ranks) if (!(k >= 1 && k <= d.results.length)) p.push(`need ${n.id} rank ${k} is not a result`);
    if (d.matches < d.results.length) p.push('matches < results');
    return p;
  };
}

const need = '24v, keskeytti ammattikoulun, velkoja, haluaisi kokeilla töitä ravintola-alalla';
const ok = (status) => ({ status });
const bad = (status, code) => ({ status, code });

try {
  const A = await serve(['--index', join(tmp, 'index'), '--feedback', join(tmp, 'feedback')]);
  const Bn = await serve(['--index', join(tmp, 'index'), '--no-feedback']);
  const C = await serve(['--index', join(tmp, 'gone'), '--no-feedback']);
  rmSync(join(tmp, 'gone'), { recursive: true, force: true });

  // POST /api/search
  await check(A, 'POST', '/api/search', { text: need, limit: 5, explain: true, group_by_need: true }, ok(200), searchChecks(true));
  await check(A, 'POST', '/api/search', { text: need, limit: 5, filters: { category: ['koulutus', 'tuettu_tyo'], municipality: ['Helsinki'] } }, ok(200),
    (d) => [...searchChecks(false)(d), ...d.results.filter((r) => !['koulutus', 'tuettu_tyo'].includes(r.category)).map((r) => `${r.id} is ${r.category}`)]);
  await check(A, 'POST', '/api/search', { text: 'velat kasassa 131052-308T' }, ok(200), (d) => (d.redacted === 1 ? [] : [`redacted ${d.redacted}`]));
  await check(A, 'POST', '/api/search', { text: 'qwzx' }, ok(200), (d) => (d.results.length === 0 ? [] : ['results for nonsense']));
  // The constraints read from a note (ways of delivery, fee, provider) are signal kinds of the schema.
  await check(A, 'POST', '/api/search', { text: 'Nainen 40v, masennus. Vain puhelimitse, vain täysin maksuttomat ja Kelan palvelut.', limit: 5, explain: true }, ok(200),
    (d) => ['delivery', 'fee', 'provider'].filter((k) => !d.signals.some((s) => s.kind === k)).map((k) => `no ${k} signal`));
  await check(A, 'POST', '/api/search', '', bad(400, 'bad_json'));
  await check(A, 'POST', '/api/search', '{"text": "a", "text": "b"}', bad(400, 'bad_json'));
  await check(A, 'POST', '/api/search', Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), bad(400, 'invalid_utf8'));
  await check(A, 'POST', '/api/search', { text: 5 }, bad(400, 'wrong_type'));
  await check(A, 'POST', '/api/search', { text: 'x', limit: '5' }, bad(400, 'wrong_type'));
  await check(A, 'POST', '/api/search', { text: 'x', sort: 'name' }, bad(400, 'unknown_field'));
  await check(A, 'POST', '/api/search', { text: 'x', filters: { category: ['nope'] } }, bad(400, 'unknown_filter'));
  await check(A, 'POST', '/api/search', { text: 'x', filters: { colour: ['red'] } }, bad(400, 'unknown_filter'));
  await check(A, 'POST', '/api/search', { limit: 3 }, bad(400, 'missing_field'));
  await check(A, 'POST', '/api/search', { text: 'x', limit: 0 }, bad(400, 'invalid_value'));
  await check(A, 'POST', '/api/search', { text: 'a'.repeat(65537) }, bad(413, 'too_large'));
  await check(A, 'POST', '/api/search', { text: 'x', filters: { municipality: Array(65).fill('Espoo') } }, bad(413, 'too_large'));
  await check(A, 'DELETE', '/api/search', undefined, bad(405, 'method_not_allowed'));
  await check(C, 'POST', '/api/search', { text: need }, bad(503, 'no_index'));

  // GET /api/search
  await check(A, 'GET', `/api/search?q=${encodeURIComponent('työkokeilu ravintola')}&limit=3&category=tuettu_tyo&language=fi,sv&explain=1`, undefined, ok(200),
    (d) => [...searchChecks(true)(d), ...(d.results.length <= 3 ? [] : ['over limit']), ...d.results.filter((r) => r.category !== 'tuettu_tyo').map((r) => `${r.id} is ${r.category}`)]);
  await check(A, 'GET', '/api/search?limit=3', undefined, bad(400, 'missing_field'));
  await check(A, 'GET', '/api/search?q=a&q=b', undefined, bad(400, 'invalid_value'));
  await check(A, 'GET', '/api/search?q=a&limit=x', undefined, bad(400, 'wrong_type'));
  await check(A, 'GET', '/api/search?q=a&page=2', undefined, bad(400, 'unknown_field'));
  await check(C, 'GET', '/api/search?q=velat', undefined, bad(503, 'no_index'));

  // GET /api/services
  await check(A, 'GET', '/api/services', undefined, ok(200), (d) => (d.count === d.services.length && d.total === d.count ? [] : ['count/total']));
  await check(A, 'GET', '/api/services?category=nuoret&language=sv', undefined, ok(200),
    (d) => (d.count === d.services.length && d.services.every((s) => s.category === 'nuoret' && s.languages.includes('sv')) ? [] : ['filters not applied']));
  await check(A, 'GET', '/api/services?q=x', undefined, bad(400, 'unknown_field'));
  await check(A, 'GET', '/api/services?language=klingon', undefined, bad(400, 'unknown_filter'));
  await check(A, 'POST', '/api/services', '{}', bad(405, 'method_not_allowed'));
  await check(C, 'GET', '/api/services', undefined, bad(503, 'no_index'));

  // GET /api/services/{id}
  await check(A, 'GET', '/api/services/palkkatuki', undefined, ok(200), (d) => (d.id === 'palkkatuki' ? [] : ['wrong id']));
  await check(A, 'GET', '/api/services/talous-ja-velkaneuvonta', undefined, ok(200));
  await check(A, 'GET', '/api/services/no-such-service', undefined, bad(404, 'not_found'));
  await check(A, 'GET', '/api/services/Not_Valid', undefined, bad(404, 'not_found'));
  await check(A, 'DELETE', '/api/services/palkkatuki', undefined, bad(405, 'method_not_allowed'));
  await check(C, 'GET', '/api/services/palkkatuki', undefined, bad(503, 'no_index'));

  // GET /api/suggest, POST /api/suggest
  await check(A, 'GET', '/api/suggest?q=velk&lang=sv&limit=3', undefined, ok(200),
    (d) => (d.suggestions.length >= 1 && d.suggestions.length <= 3 && d.suggestions.some((s) => s.lang === 'sv') ? [] : ['no Swedish suggestions within the limit']));
  await check(A, 'GET', '/api/suggest?q=a', undefined, ok(200), (d) => (d.suggestions.length === 0 ? [] : ['suggestions for one letter']));
  await check(A, 'GET', '/api/suggest', undefined, bad(400, 'missing_field'));
  await check(A, 'GET', '/api/suggest?q=velk&limit=0', undefined, bad(400, 'invalid_value'));
  await check(A, 'GET', '/api/suggest?q=velk&page=2', undefined, bad(400, 'unknown_field'));
  await check(A, 'GET', `/api/suggest?q=${'a'.repeat(201)}`, undefined, bad(413, 'too_large'));
  await check(C, 'GET', '/api/suggest?q=velk', undefined, bad(503, 'no_index'));
  await check(A, 'POST', '/api/suggest', { text: 'palkatuki', lang: 'en', limit: 5 }, ok(200),
    (d) => (d.suggestions.some((s) => s.id === 'palkkatuki') ? [] : ['palkatuki does not find palkkatuki']));
  await check(A, 'POST', '/api/suggest', { lang: 'fi' }, bad(400, 'missing_field'));
  await check(A, 'POST', '/api/suggest', { text: 'velk', sort: 'name' }, bad(400, 'unknown_field'));
  await check(A, 'POST', '/api/suggest', { text: 'a'.repeat(201) }, bad(413, 'too_large'));
  await check(A, 'DELETE', '/api/suggest', undefined, bad(405, 'method_not_allowed'));
  await check(C, 'POST', '/api/suggest', { text: 'velk' }, bad(503, 'no_index'));

  // GET /api/concepts
  await check(A, 'GET', '/api/concepts', undefined, ok(200),
    (d) => (d.concepts.length > 0 && d.concepts.some((c) => c.label.sv && c.label.en) ? [] : ['no concepts with Swedish and English labels']));
  await check(A, 'POST', '/api/concepts', '{}', bad(405, 'method_not_allowed'));
  await check(C, 'GET', '/api/concepts', undefined, bad(503, 'no_index'));

  // GET /api/schema: needs no index, so the server without one answers too.
  await check(A, 'GET', '/api/schema', undefined, ok(200),
    (d) => (d.vocabularies.target_group.some((g) => g.id === 'pitkaaikaistyottomat' && g.sv === 'långtidsarbetslösa') ? [] : ['target groups without their words']));
  await check(C, 'GET', '/api/schema', undefined, ok(200));
  await check(A, 'POST', '/api/schema', '{}', bad(405, 'method_not_allowed'));

  // GET /api/version, /healthz
  await check(A, 'GET', '/api/version', undefined, ok(200));
  await check(A, 'POST', '/api/version', '{}', bad(405, 'method_not_allowed'));
  await check(C, 'GET', '/api/version', undefined, bad(503, 'no_index'));
  await check(A, 'GET', '/healthz', undefined, ok(200));
  await check(A, 'PUT', '/healthz', '{}', bad(405, 'method_not_allowed'));
  await check(C, 'GET', '/healthz', undefined, bad(503, 'no_index'));

  // POST /api/feedback, GET /api/feedback/stats
  await check(A, 'POST', '/api/feedback', { text: 'velat kasassa, ulosotto', service: 'talous-ja-velkaneuvonta', kind: 'referred' }, ok(201),
    (d) => (d.events === 1 ? [] : [`events ${d.events}`]));
  await check(A, 'POST', '/api/feedback', { text: 'nuori 24v', service: 'palkkatuki', kind: 'not_suitable', reason: 'target_group' }, ok(201),
    (d) => (d.events === 2 ? [] : [`events ${d.events}`]));
  await check(A, 'POST', '/api/feedback', { text: 'x', service: 'palkkatuki', kind: 'ohjattu' }, bad(400, 'invalid_value'));
  await check(A, 'POST', '/api/feedback', { text: 'x', service: 'palkkatuki', kind: 'useful', reason: 'area' }, bad(400, 'invalid_value'));
  await check(A, 'POST', '/api/feedback', { text: 'x', kind: 'useful' }, bad(400, 'missing_field'));
  await check(A, 'POST', '/api/feedback', { text: 'x', service: 'palkkatuki', kind: 'useful', note: 'y' }, bad(400, 'unknown_field'));
  await check(A, 'POST', '/api/feedback', { text: 'x', service: 'no-such-service', kind: 'useful' }, bad(400, 'unknown_service'));
  await check(A, 'POST', '/api/feedback', { text: 'a'.repeat(65537), service: 'palkkatuki', kind: 'useful' }, bad(413, 'too_large'));
  await check(A, 'GET', '/api/feedback', undefined, bad(405, 'method_not_allowed'));
  await check(Bn, 'POST', '/api/feedback', { text: 'x', service: 'palkkatuki', kind: 'useful' }, bad(503, 'feedback_disabled'));
  await check(A, 'GET', '/api/feedback/stats', undefined, ok(200),
    (d) => (d.services.some((s) => s.id === 'talous-ja-velkaneuvonta' && s.referred === 1) ? [] : ['the referral is not counted']));
  await check(A, 'POST', '/api/feedback/stats', '{}', bad(405, 'method_not_allowed'));
  await check(Bn, 'GET', '/api/feedback/stats', undefined, bad(503, 'feedback_disabled'));

  // A path the server does not have: an Error body, and not in the description.
  await check(A, 'GET', '/api/nothing-here', undefined, { status: 404, code: 'not_found', undocumentedPath: true });

  // The counsellor's guide, docs/opas.md, served as a page at /opas.
  {
    const res = await call(A, 'GET', '/opas');
    const md = readFileSync(join(specFile, '..', 'opas.md'), 'utf8');
    const headings = [...md.matchAll(/^#+ (.*)$/gm)].map((m) => m[1]);
    const problems = [];
    if (res.status !== 200) problems.push(`status ${res.status}`);
    if (res.headers['content-type'] !== 'text/html; charset=utf-8') problems.push(`content-type ${res.headers['content-type']}`);
    if (!/default-src 'none'/.test(res.headers['content-security-policy'] || '')) problems.push('no Content-Security-Policy');
    for (const h of headings) if (!res.text.includes(h.replace(/&/g, '&amp;'))) problems.push(`heading '${h}' missing`);
    if (!res.text.includes('<strong>Älä kirjoita asiakkaan nimeä')) problems.push('the privacy rule is not rendered');
    if (problems.length) { failures++; console.log(`FAIL GET /opas\n  ${problems.join('\n  ')}`); }
    else console.log(`ok   GET /opas -> 200 (${headings.length} headings of docs/opas.md)`);
  }

  // docs/api.md's main example: its response is valid and keeps its own request's filters.
  {
    const md = readFileSync(join(specFile, '..', 'api.md'), 'utf8');
    const section = md.split('## `POST /api/search`')[1].split('\n## ')[0];
    const req = JSON.parse(/-d '(\{[\s\S]*?\})'/.exec(section)[1]);
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)[1]);
    const problems = validate({ $ref: '#/components/schemas/SearchResponse' }, example);
    for (const r of example.results) {
      if (req.filters?.category && !req.filters.category.includes(r.category)) problems.push(`${r.id} is ${r.category}, outside the example's filters`);
      if (r.need !== null && !(example.needs[r.need]?.ranks || []).includes(r.rank)) problems.push(`${r.id}: need ${r.need} does not list rank ${r.rank}`);
      if (!req.explain && r.matches.some((m) => 'weight' in m)) problems.push('weights without explain');
    }
    if (problems.length) { failures++; console.log(`FAIL docs/api.md example\n  ${problems.join('\n  ')}`); }
    else console.log('ok   docs/api.md: the POST /api/search example is valid and consistent');
  }

  // Every route the server answers is in the description, with the methods
  // it takes: each path server/api.c routes ("/api/..." and "/healthz"; a
  // prefix such as "/api/services/" with an id after it) is asked with a
  // method no path has, and the 405's Allow must list the described ones.
  // A route missing from the description fails as "not in the description".
  {
    const api = readFileSync(join(specFile, '..', '..', 'server', 'api.c'), 'utf8');
    const routes = [...new Set([...api.matchAll(/"(\/api\/[^"\s]*|\/healthz)"/g)].map((m) => m[1]))];
    if (!routes.includes('/api/search') || !routes.includes('/api/schema')) {
      failures++;
      console.log(`FAIL server/api.c: the routes were not found (${routes.join(', ')})`);
    }
    for (const r of routes)
      await check(A, 'DELETE', r.endsWith('/') ? `${r}palkkatuki` : r, undefined, bad(405, 'method_not_allowed'));
  }

  // Every path and method of the description answered with a success and an
  // error; GET /api/schema has no error to provoke (it needs no index; only
  // running out of memory fails it).
  const noError = new Set(['GET /api/schema']);
  for (const [p, ops] of Object.entries(spec.paths))
    for (const m of Object.keys(ops)) {
      const key = `${m.toUpperCase()} ${p}`;
      const got = seen.get(key) || new Set();
      for (const cls of ['2xx', 'err'])
        if (!got.has(cls) && !(cls === 'err' && noError.has(key))) { failures++; console.log(`FAIL ${key}: no ${cls} response checked`); }
    }
} finally {
  for (const p of servers) p.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(failures ? `openapi: ${failures} failures` : 'openapi: ok');
process.exit(failures ? 1 : 0);
