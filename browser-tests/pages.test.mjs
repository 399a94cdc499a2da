// The two pages in a real browser (Debian's Chromium, headless, driven by playwright-core) against the running
// stack: ./eventgate e2e starts local-cloud, gateway-infra, the carrier and TWO orders-service instances, then runs
// this with their URLs. Nothing here reloads a page after it opened: every change must arrive by itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set (./eventgate e2e sets it)`);
  }
  return value;
};
const ORDERS = env('ORDERS_URL');
const ORDERS_SECOND = env('ORDERS_SECOND_URL');
const CARRIER = env('CARRIER_URL');
const BACK_OFFICE = { username: 'back-office', password: env('BACK_OFFICE_PASSWORD') };
const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const WAIT = 30_000;

// As root on a machine whose network reaches nothing but localhost: no sandbox, no background connections.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

/**
 * A TCP proxy in front of orders-service that the test can cut: the page talks to it as its server, so cutting it is
 * a real dropped connection (a browser's offline emulation leaves an open event stream alone).
 */
async function cuttableProxy(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() {
      cut = true;
      sockets.forEach((socket) => socket.destroy());
    },
    restore() {
      cut = false;
    },
    close() {
      this.cut();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function screenshot(page, name) {
  if (SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
  }
}

/** Marks the page; if it ever reloads or navigates away, the mark is gone. */
async function markNoReload(page) {
  await page.evaluate(() => { window.__stillTheSamePage = true; });
}

async function assertNotReloaded(page) {
  assert.equal(await page.evaluate(() => window.__stillTheSamePage === true), true, 'the page was reloaded');
}

async function placeOrder(page, customerId, orders = ORDERS) {
  await page.goto(orders + '/track');
  await page.getByLabel('Customer id').fill(customerId);
  await page.getByRole('button', { name: 'Place the order' }).click();
  await page.waitForURL(/\/track\?order=/, { timeout: WAIT });
  const id = new URL(page.url()).searchParams.get('order');
  await page.locator('#connection[data-state="live"]').waitFor({ timeout: WAIT });
  return id;
}

async function expectStatus(page, status) {
  await page.locator('#status', { hasText: status }).waitFor({ timeout: WAIT });
}

async function openBackOffice(context) {
  const page = await context.newPage();
  await page.goto(CARRIER + '/back-office');
  await page.locator('#count').filter({ hasText: 'shown' }).waitFor({ timeout: WAIT });
  return page;
}

/** Shows the shipments in a status until the order's row is there (the API destination delivers it in moments). */
async function findRow(page, status, orderId) {
  await page.getByLabel('Status').selectOption(status);
  const row = page.locator(`#shipments tr[data-order-id="${orderId}"]`);
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    await page.getByRole('button', { name: 'Show shipments' }).click();
    await page.locator('#count').filter({ hasText: status.toLowerCase() }).waitFor({ timeout: WAIT });
    if (await row.count() > 0) {
      return row;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`order ${orderId} never showed up as ${status} on the back-office page`);
}

test('an order placed on the tracking page shows SHIPPED, then DELIVERED, live on both orders-service instances',
  async () => {
    const customer = await browser.newContext();
    const tracking = await customer.newPage();
    const orderId = await placeOrder(tracking, 'c-browser-' + Date.now());
    await expectStatus(tracking, 'PENDING');
    await markNoReload(tracking);

    // Another person follows the same order through the SECOND instance: it learns of every change from the
    // table's stream, never from the instance that applied it.
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(ORDERS_SECOND + '/track?order=' + orderId);
    await second.locator('#connection[data-state="live"]').waitFor({ timeout: WAIT });
    await expectStatus(second, 'PENDING');
    await markNoReload(second);

    const carrier = await browser.newContext({ httpCredentials: BACK_OFFICE });
    const backOffice = await openBackOffice(carrier);
    const received = await findRow(backOffice, 'RECEIVED', orderId);
    await received.getByRole('button', { name: 'Dispatch order ' + orderId }).click();
    await backOffice.locator('#result', { hasText: 'is now SHIPPED' }).waitFor({ timeout: WAIT });

    for (const page of [tracking, second]) {
      await expectStatus(page, 'SHIPPED');
      assert.match(await page.locator('#tracking-number').innerText(), /\S+/);
      await page.locator('#timeline li[data-step="shipped"][data-state="done"]').waitFor();
    }
    // The carrier's report of the shipment, delivered to the gateway: its state is on the back-office page.
    await backOffice.locator('#details tr[data-event="OrderShipped"][data-state="SENT"]').waitFor({ timeout: WAIT });
    await screenshot(tracking, 'tracking-page.png');

    const shipped = await findRow(backOffice, 'SHIPPED', orderId);
    await shipped.getByRole('button', { name: 'Deliver order ' + orderId }).click();
    await backOffice.locator('#result', { hasText: 'is now DELIVERED' }).waitFor({ timeout: WAIT });
    await backOffice.locator('#details tr[data-event="OrderDelivered"][data-state="SENT"]').waitFor({ timeout: WAIT });
    await screenshot(backOffice, 'back-office-page.png');

    for (const page of [tracking, second]) {
      await expectStatus(page, 'DELIVERED');
      await page.locator('#timeline li[data-step="delivered"][data-state="done"]').waitFor();
      await assertNotReloaded(page);
    }
    await screenshot(tracking, 'tracking-page-delivered.png');
    await Promise.all([customer.close(), other.close(), carrier.close()]);
  });

test('the tracking page says when its connection drops, and gets what it missed when it comes back', async () => {
  const proxy = await cuttableProxy(ORDERS);
  const customer = await browser.newContext();
  const tracking = await customer.newPage();
  const orderId = await placeOrder(tracking, 'c-dropped-' + Date.now(), proxy.url);
  await markNoReload(tracking);

  proxy.cut();
  await tracking.locator('#connection[data-state="reconnecting"]').waitFor({ timeout: WAIT });
  assert.match(await tracking.locator('#connection').innerText(), /Connection lost\. Reconnecting.*as of/);
  await screenshot(tracking, 'tracking-page-reconnecting.png');

  // The order moves on while the page cannot hear it.
  const carrier = await browser.newContext({ httpCredentials: BACK_OFFICE });
  const backOffice = await openBackOffice(carrier);
  const row = await findRow(backOffice, 'RECEIVED', orderId);
  await row.getByRole('button', { name: 'Dispatch order ' + orderId }).click();
  await backOffice.locator('#result', { hasText: 'is now SHIPPED' }).waitFor({ timeout: WAIT });
  await expectStatus(tracking, 'PENDING');

  // Back: the browser reconnects by itself with the last event id and gets the step it missed.
  proxy.restore();
  await tracking.locator('#connection[data-state="live"]').waitFor({ timeout: WAIT });
  await expectStatus(tracking, 'SHIPPED');
  await tracking.locator('#timeline li[data-step="shipped"][data-state="done"]').waitFor();
  await assertNotReloaded(tracking);
  await Promise.all([customer.close(), carrier.close()]);
  await proxy.close();
});

test('both pages work from the keyboard and in a narrow window', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const tracking = await phone.newPage();
  const orderId = await placeOrder(tracking, 'c-narrow-' + Date.now());

  const fresh = await phone.newPage();
  await fresh.goto(ORDERS + '/track');
  await fresh.keyboard.press('Tab');
  assert.equal(await fresh.evaluate(() => document.activeElement.id), 'open-id', 'the first stop is the order id');
  await fresh.keyboard.type(orderId);
  await fresh.keyboard.press('Enter');
  await fresh.locator('#connection[data-state="live"]').waitFor({ timeout: WAIT });
  assert.equal(await fresh.evaluate(() => document.activeElement.id), 'tracking-title', 'focus moves to the order');
  const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await overflow(fresh) <= 0, 'the tracking page fits a 360 px window');

  const carrierPhone = await browser.newContext({ viewport: { width: 360, height: 740 }, httpCredentials: BACK_OFFICE });
  const backOffice = await openBackOffice(carrierPhone);
  await findRow(backOffice, 'RECEIVED', orderId);
  assert.ok(await overflow(backOffice) <= 0, 'the back-office page fits a 360 px window');
  await Promise.all([phone.close(), carrierPhone.close()]);
});
