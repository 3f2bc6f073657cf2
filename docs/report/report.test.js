// Opens the page `communique report` wrote ($COMMUNIQUE_REPORT) in headless
// Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) and checks what a reader
// would see: no console errors, no request leaving the page, every figure's
// SVG drawn with a nonzero size, every in-page link landing on an element.
// Saves a screenshot of the figures to $SCREENSHOT. Run by `make report-check`
// (part of make test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const html = resolve(process.env.COMMUNIQUE_REPORT || '../../.report-out/report.html');
const screenshot = process.env.SCREENSHOT || '';
const figures = ['fig-tables', 'fig-days', 'fig-actors', 'fig-targets', 'fig-matrix', 'fig-modality', 'fig-errors'];

let context, page, profile;
const consoleErrors = [];
const requests = [];

before(async () => {
  // A fresh profile, and none of Chromium's own traffic: the machine has no
  // network, and the page must not need one.
  profile = mkdtempSync(join(tmpdir(), 'communique-chromium-'));
  // (Playwright passes the profile to Chromium as --user-data-dir.)
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 900 },
  });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('no console errors, nothing loaded but the page', () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests.filter((u) => u !== pathToFileURL(html).href), []);
});

test('every figure is drawn with a nonzero size', async () => {
  for (const id of figures) {
    const svg = page.locator(`#${id} svg`);
    assert.equal(await svg.count(), 1, `${id}: want one svg`);
    const box = await svg.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 20, `${id}: svg box ${JSON.stringify(box)}`);
    const marks = await page.locator(`#${id} svg rect`).count();
    assert.ok(marks > 0, `${id}: no marks`);
    // The marks are painted: the first one has a size on the screen too.
    const mark = await page.locator(`#${id} svg rect`).first().boundingBox();
    assert.ok(mark && mark.width > 0 && mark.height > 0, `${id}: first mark ${JSON.stringify(mark)}`);
  }
});

test('every link lands on an element of the page', async () => {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 50, `only ${hrefs.length} links`);
  const missing = await page.$$eval('a[href]', (as) => as
    .map((a) => a.getAttribute('href'))
    .filter((h) => !h.startsWith('#') || h.length < 2 || !document.getElementById(h.slice(1))));
  assert.deepEqual(missing, []);
  // Each figure links to example rows, and the rows have their evidence.
  for (const id of figures) {
    const n = await page.locator(`#${id} svg a`).count();
    assert.ok(n > 0, `${id}: no links to examples`);
  }
});

test('a click on a matrix cell shows its positions with evidence', async () => {
  const cell = page.locator('#fig-matrix svg a:has(rect)').first();
  const href = await cell.getAttribute('href');
  await cell.click();
  assert.equal(new URL(page.url()).hash, href);
  const target = page.locator(href);
  assert.ok(await target.isVisible());
  const evidence = await target.locator('td.ev').first().textContent();
  assert.ok(evidence.trim().length > 10, `evidence: ${evidence}`);
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
});

test('screenshot of the figures', { skip: !screenshot && 'SCREENSHOT not set' }, async () => {
  const y = await page.locator('#examples').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1000, height: Math.ceil(y) } });
});
