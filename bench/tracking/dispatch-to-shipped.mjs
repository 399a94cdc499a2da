// Time from the carrier's Dispatch click on the back-office page to the tracking page showing SHIPPED, over N orders,
// in Debian's Chromium driven by playwright-core (browser-tests/node_modules). Both times are taken inside the
// browser (performance.timeOrigin + now(): one clock for both pages). Beside it, in the same run, the reference: when
// the order read SHIPPED through the API (GET /orders/{id} polled every 20 ms from here) — the pipeline's own time,
// without the push. Push overhead = page − API.
// Usage (a stack up: ./eventgate run, optionally a second orders-service): see bench/tracking/run.sh
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(new URL('../../browser-tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const ORDERS = process.env.ORDERS_URL;
const PAGE_ORDERS = process.env.PAGE_ORDERS_URL || ORDERS;
const CARRIER = process.env.CARRIER_URL;
const COUNT = Number(process.argv[2] || 50);
const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ORDER = (i) => JSON.stringify({ customerId: 'c-bench-' + i,
  items: [{ sku: 'SKU-B' + (i % 5), quantity: 1 + (i % 3), unitPrice: 4.5 }],
  shippingAddress: { name: 'Grace Hopper', line1: '2 Compiler Rd', city: 'Arlington', postalCode: '22201',
    country: 'US' } });

async function place(i) {
  const response = await fetch(ORDERS + '/orders', { method: 'POST', body: ORDER(i),
    headers: { 'Content-Type': 'application/json' } });
  if (response.status !== 201) {
    throw new Error('POST /orders answered ' + response.status);
  }
  return (await response.json()).id;
}

async function apiShippedAt(orderId, deadline) {
  while (Date.now() < deadline) {
    const order = await (await fetch(ORDERS + '/orders/' + orderId)).json();
    if (order.status === 'SHIPPED') {
      return Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('order ' + orderId + ' never read SHIPPED');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99),
    min: sorted[0], max: sorted[sorted.length - 1] };
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: CHROMIUM_ARGS });
const carrier = await browser.newContext({ httpCredentials: { username: 'back-office',
  password: process.env.BACK_OFFICE_PASSWORD } });
const backOffice = await carrier.newPage();
await backOffice.goto(CARRIER + '/back-office');
await backOffice.evaluate(() => document.addEventListener('click', () => {
  window.__clickAt = performance.timeOrigin + performance.now();
}, true));
const customer = await browser.newContext();
const tracking = await customer.newPage();

const pageMs = [];
const apiMs = [];
for (let i = 0; i < COUNT; i++) {
  const orderId = await place(i);
  await tracking.goto(PAGE_ORDERS + '/track?order=' + orderId);
  await tracking.locator('#connection[data-state="live"]').waitFor({ timeout: 30_000 });
  await tracking.evaluate(() => {
    window.__shownAt = null;
    new MutationObserver(() => {
      if (!window.__shownAt && document.getElementById('status').textContent === 'SHIPPED') {
        window.__shownAt = performance.timeOrigin + performance.now();
      }
    }).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  const row = backOffice.locator(`#shipments tr[data-order-id="${orderId}"]`);
  for (let tries = 0; await row.count() === 0; tries++) {
    if (tries > 100) {
      throw new Error('order ' + orderId + ' never reached the carrier');
    }
    await backOffice.getByRole('button', { name: 'Show shipments' }).click();
    await backOffice.waitForTimeout(100);
  }
  const api = apiShippedAt(orderId, Date.now() + 60_000);
  await row.getByRole('button', { name: 'Dispatch order ' + orderId }).click();
  const clickAt = await backOffice.evaluate(() => window.__clickAt);
  await tracking.waitForFunction(() => window.__shownAt !== null, null, { timeout: 60_000 });
  const shownAt = await tracking.evaluate(() => window.__shownAt);
  const apiAt = await api;
  pageMs.push(shownAt - clickAt);
  apiMs.push(apiAt - clickAt);
  process.stdout.write(`order ${i + 1}/${COUNT}: page ${Math.round(shownAt - clickAt)} ms, api ${Math.round(apiAt - clickAt)} ms\n`);
}

if (SCREENSHOTS) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await tracking.screenshot({ path: join(SCREENSHOTS, 'tracking-page.png'), fullPage: true });
  await backOffice.getByLabel('Status').selectOption('SHIPPED');
  await backOffice.getByLabel('At most').selectOption('25');
  await backOffice.getByLabel('Order, customer or SKU contains').fill('SKU-B1');
  await backOffice.getByRole('button', { name: 'Show shipments' }).click();
  await backOffice.locator('#shipments tbody tr').first().waitFor();
  await backOffice.locator('#shipments tbody tr').first().getByRole('button', { name: /^Details/ }).click();
  await backOffice.locator('#details tr[data-event="OrderShipped"]').waitFor();
  await backOffice.screenshot({ path: join(SCREENSHOTS, 'back-office-page.png'), fullPage: true });
}
await browser.close();

const page = summary(pageMs);
const api = summary(apiMs);
const push = summary(pageMs.map((ms, i) => ms - apiMs[i]));
const f = (s) => `p50 ${Math.round(s.p50)} ms, p90 ${Math.round(s.p90)} ms, p99 ${Math.round(s.p99)} ms `
  + `(min ${Math.round(s.min)}, max ${Math.round(s.max)})`;
console.log(`\n${COUNT} orders, tracking page on ${PAGE_ORDERS}, orders API ${ORDERS}`);
console.log(`dispatch click -> tracking page shows SHIPPED:   ${f(page)}`);
console.log(`dispatch click -> GET /orders/{id} reads SHIPPED: ${f(api)}   (reference: the pipeline without the push)`);
console.log(`page minus API, per order:                        ${f(push)}`);
