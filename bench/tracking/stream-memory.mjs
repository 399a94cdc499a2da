// Memory per open update stream: opens N streams of GET /orders/{id}/updates on one orders-service instance (each its
// own connection, each waiting for its first event), and reads the instance's heap after a full GC and its resident
// memory before and after, with jcmd and /proc. Heartbeats keep flowing meanwhile, as in production. Run it on an
// instance that has not just served other streams: one whose clients left less than two heartbeats ago still holds
// them.
// Usage: node bench/tracking/stream-memory.mjs <orders-url> <pid of that orders-service> [streams=1000] [orders=50]
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [base, pid, streams = '1000', orderCount = '50'] = process.argv.slice(2);
const N = Number(streams);
const JCMD = process.env.JCMD || 'jcmd';

function heapUsedAfterGc() {
  execFileSync(JCMD, [pid, 'GC.run']);
  execFileSync(JCMD, [pid, 'GC.run']);
  const info = execFileSync(JCMD, [pid, 'GC.heap_info']).toString();
  const used = /used (\d+)K/.exec(info);
  return Number(used[1]) * 1024;
}

function rss() {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

async function place(i) {
  const response = await fetch(base + '/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ customerId: 'c-mem-' + i, items: [{ sku: 'SKU-M', quantity: 1, unitPrice: 1 }],
      shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' } }) });
  return (await response.json()).id;
}

function open(orderId) {
  return new Promise((resolve, reject) => {
    const request = http.get(base + '/orders/' + orderId + '/updates', { agent: false,
      headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error('HTTP ' + response.statusCode));
        return;
      }
      response.setEncoding('utf8');
      response.once('data', () => resolve(request));
    });
    request.on('error', reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const orders = [];
for (let i = 0; i < Number(orderCount); i++) {
  orders.push(await place(i));
}
// Warm up the path (class loading, JIT) with a few streams, closed again, before the baseline.
for (const request of await Promise.all(orders.slice(0, 5).map(open))) {
  request.destroy();
}
await sleep(2000);
const heapBefore = heapUsedAfterGc();
const rssBefore = rss();
const open_ = [];
for (let i = 0; i < N; i += 50) {
  open_.push(...await Promise.all(Array.from({ length: Math.min(50, N - i) }, (_, j) => open(orders[(i + j) % orders.length]))));
}
await sleep(2000);
const heapAfter = heapUsedAfterGc();
const rssAfter = rss();
open_.forEach((request) => request.destroy());
// The server notices a client that left when a heartbeat fails (one every 15 s; the first write may still succeed).
await sleep(40_000);
const heapClosed = heapUsedAfterGc();
const kib = (bytes) => (bytes / 1024).toFixed(1) + ' KiB';
console.log(`${N} open streams on ${orders.length} orders (pid ${pid})`);
console.log(`heap used after GC: ${(heapBefore / 1048576).toFixed(1)} MiB -> ${(heapAfter / 1048576).toFixed(1)} MiB: `
  + `${kib((heapAfter - heapBefore) / N)} per stream`);
console.log(`after closing them (two heartbeats later): ${(heapClosed / 1048576).toFixed(1)} MiB (Tomcat keeps some `
  + `recycled connection buffers for reuse)`);
console.log(`resident memory:    ${(rssBefore / 1048576).toFixed(1)} MiB -> ${(rssAfter / 1048576).toFixed(1)} MiB: `
  + `${kib((rssAfter - rssBefore) / N)} per stream (includes heap growth the GC chose, so an upper bound)`);
