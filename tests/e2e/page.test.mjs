// End-to-end test of the counsellor's search page in headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core). run.sh starts the
// server and passes KT_BASE_URL; screenshots are written to KT_ARTIFACT_DIR.
// The steps share one page and run in order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.KT_BASE_URL;
const artifacts = process.env.KT_ARTIFACT_DIR || '.';
const NEED = 'velat kasassa, ulosotto vie palkan, ei jaksa';
const NEED_WORDS = ['velat', 'kasassa', 'ulosotto', 'vie', 'palkan', 'jaksa', 'velat kasassa'];

let browser, context, page;
const foreign = [];
const pageErrors = [];

before(async () => {
  assert.ok(base, 'KT_BASE_URL is set');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
  page = await context.newPage();
  // The page must not load anything from anywhere else.
  const origin = new URL(base).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) foreign.push(u);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

after(async () => {
  await browser?.close();
});

test('the page loads in Finnish with filters and their counts', async () => {
  await page.goto(base);
  await page.waitForSelector('#filters fieldset[data-facet="category"] label');
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  assert.equal((await page.textContent('#search-button')).trim(), 'Hae palvelut');
  const counts = await page.$$eval('#filters [data-facet="category"] .count', (els) => els.map((e) => +e.textContent));
  assert.ok(counts.length >= 5, 'category facet values are listed');
  assert.ok(counts.every((n) => Number.isInteger(n)) && counts.some((n) => n > 0), 'with counts');
  // With no need text the page lists the catalogue.
  await page.waitForSelector('#result-list .card.service');
});

test('typing a need and pressing Ctrl+Enter shows ranked results', async () => {
  await page.fill('#need', NEED);
  await page.press('#need', 'Control+Enter');
  await page.waitForSelector('#result-list .card.result');
  const ranks = await page.$$eval('.card.result .rank', (els) => els.map((e) => parseInt(e.textContent, 10)));
  assert.ok(ranks.length >= 3, `at least 3 results, got ${ranks.length}`);
  assert.deepEqual(ranks, ranks.map((_, i) => i + 1), 'ranked 1..n in order');
  const cats = await page.$$eval('.card.result', (els) => els.slice(0, 5).map((e) => e.dataset.category));
  assert.ok(cats.includes('talous_asuminen'), `a money/debt service in the top 5 (${cats})`);
  assert.match(await page.textContent('#status'), /osumaa/);
  // The search is in the URL fragment, so the link can be shared.
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.equal(hash.get('q'), NEED);
  await page.screenshot({ path: path.join(artifacts, 'e2e-results.png'), fullPage: true });
});

test('a result explains why it matched', async () => {
  const card = page.locator('.card.result').first();
  await card.locator('details.why > summary').click();
  const words = await card.locator('.matches .word').allTextContents();
  assert.ok(words.length > 0, 'matched words are listed');
  assert.ok(words.some((w) => NEED_WORDS.includes(w.toLowerCase())), `matched words come from the need (${words})`);
  const item = await card.locator('.matches li').first().textContent();
  assert.match(item, /\((nimi|tiivistelmä|kuvaus|avainsanat|kohderyhmä|ehdot|järjestäjä)/, 'with the fields it matched');
  assert.match(item, /\d+ %/, 'and its share of the score');
  // Highlights, when the engine gives them, are <mark>s inside the snippet text.
  const marks = await page.$$eval('.snippet mark', (els) => els.map((e) => e.textContent));
  for (const m of marks) assert.ok(m.length > 0 && !m.includes('<'), 'a highlight is plain text');
});

test('a counsellor can mark a result as referred (giving the token once)', async () => {
  const card = page.locator('.card.result').first();
  // The server wants a bearer token for feedback: the page asks for it.
  page.once('dialog', (d) => d.accept(process.env.KT_TOKEN));
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.status() === 201),
    card.locator('button.fb-referred').click(),
  ]);
  assert.match(await card.locator('.fb-status').textContent(), /Palaute tallennettu/);
});

test('a filter narrows the results and shows in the URL', async () => {
  const box = page.locator('#filters [data-facet="category"] label[data-value="talous_asuminen"] input');
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/search') && r.request().method() === 'POST'),
    box.check(),
  ]);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.card.result')].every((c) => c.dataset.category === 'talous_asuminen'));
  const cats = await page.$$eval('.card.result', (els) => els.map((e) => e.dataset.category));
  assert.ok(cats.length > 0, 'results remain');
  assert.ok(cats.every((c) => c === 'talous_asuminen'), 'all in the chosen category');
  assert.equal((await page.textContent('#filter-count')).trim(), '1');
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.equal(hash.get('category'), 'talous_asuminen');
});

test('a result opens its detail view', async () => {
  const name = (await page.locator('.card.result .name').first().textContent()).trim();
  await page.locator('.card.result .name').first().click();
  await page.waitForSelector('#detail:not([hidden])');
  assert.equal((await page.textContent('#detail-name')).trim(), name);
  const paras = await page.locator('#detail-description p').count();
  assert.ok(paras >= 1, 'the description is shown');
  const facts = await page.locator('#detail-facts dt').allTextContents();
  assert.ok(facts.includes('Ehdot') && facts.includes('Kielet'), `facts listed (${facts})`);
  await page.screenshot({ path: path.join(artifacts, 'e2e-detail.png'), fullPage: false });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#detail', { state: 'hidden' });
});

test('a shared link reproduces the search', async () => {
  const url = page.url();
  const first = await page.locator('.card.result').first().getAttribute('data-id');
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForSelector('#result-list .card.result');
  assert.equal(await other.locator('.card.result').first().getAttribute('data-id'), first);
  assert.equal(await other.inputValue('#need'), NEED);
  assert.ok(await other.isChecked('#filters label[data-value="talous_asuminen"] input'));
  await other.close();
});

test('the interface switches to Swedish and English', async () => {
  await page.click('.langs button[data-lang="sv"]');
  assert.equal((await page.textContent('#search-button')).trim(), 'Sök tjänster');
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  await page.click('.langs button[data-lang="en"]');
  assert.equal((await page.textContent('#search-button')).trim(), 'Find services');
  await page.click('.langs button[data-lang="fi"]');
  assert.equal((await page.textContent('#search-button')).trim(), 'Hae palvelut');
});

test('an identity code is removed from the need text', async () => {
  await page.click('#clear-filters');
  await page.fill('#need', 'asiakas 131052-308T, velat kasassa');
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/search')),
    page.click('#search-button'),
  ]);
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.textContent('#notice'), /henkilötunnus/);
  assert.ok(!(await page.inputValue('#need')).includes('131052-308T'), 'gone from the text box');
  assert.ok(!page.url().includes('131052'), 'and from the URL');
});

test('the page works on a phone-sized screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.fill('#need', NEED);
  await page.press('#need', 'Control+Enter');
  await page.waitForSelector('.card.result');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px too wide)`);
  await page.screenshot({ path: path.join(artifacts, 'e2e-phone.png'), fullPage: false });
});

test('nothing was loaded from elsewhere and no script failed', () => {
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
});
