// The tracking page: place an order or open one by id, then follow it live over server-sent events
// (GET /orders/{id}/updates). Text from the server is only ever set as textContent, never parsed as HTML.
'use strict';

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STEP_EVENTS = ['state', 'placed', 'sent', 'shipped', 'delivered', 'cancelled'];
// Three missed heartbeats (the server sends one every 15 s): the connection died without saying so.
const SILENCE_LIMIT_MS = 45000;
const RETRY_AFTER_REFUSAL_MS = 5000;

const $ = (id) => document.getElementById(id);
let source = null;
let orderId = null;
let lastHeard = 0;
let lastView = null;
let watchdog = null;
let retryTimer = null;

function formatTime(iso) {
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = new Date(iso).toLocaleString();
  return time;
}

function setConnection(state, text) {
  const el = $('connection');
  if (el.dataset.state === state && el.textContent === text) {
    return; // unchanged: a status region is read out again on every change
  }
  el.dataset.state = state;
  el.textContent = text;
  $('reconnect').hidden = state === 'live' || state === 'connecting';
}

function since() {
  return lastHeard ? ' What you see is as of ' + new Date(lastHeard).toLocaleTimeString() + '.' : '';
}

// The steps as the page shows them: the carrier's last step is delivered or cancelled, never both.
function rows(view) {
  const has = (name) => view.steps.find((s) => s.step === name);
  const list = [
    ['placed', 'Placed', 'The orders service stored the order.'],
    ['sent', 'Sent to the carrier', 'The event bus accepted the order for the carrier. The carrier does not confirm '
      + 'receipt: its next news is the shipment.'],
  ];
  if (has('cancelled')) {
    list.push(['cancelled', 'Cancelled', 'The carrier cannot ship the order.']);
  } else {
    list.push(['shipped', 'Shipped', 'The parcel left the carrier.']);
    list.push(['delivered', 'Delivered', 'The parcel reached the customer.']);
  }
  return list.map(([name, label, about]) => ({ name, label, about, step: has(name) }));
}

function render(view, announce) {
  lastView = view;
  $('status').textContent = view.status;
  const timeline = $('timeline');
  timeline.replaceChildren(...rows(view).map(({ name, label, about, step }) => {
    const li = document.createElement('li');
    li.dataset.step = name;
    li.dataset.state = step ? 'done' : 'waiting';
    const title = document.createElement('span');
    title.className = 'step-name';
    title.textContent = (step ? '✓ ' : '○ ') + label;
    const state = document.createElement('span');
    state.className = 'step-state';
    state.textContent = step ? ' — done' : ' — waiting';
    li.append(title, state);
    if (step && step.at) {
      li.append(document.createElement('br'), 'at ', formatTime(step.at));
    }
    if (step && step.trackingNumber) {
      const number = document.createElement('strong');
      number.id = 'tracking-number';
      number.textContent = step.trackingNumber;
      li.append(document.createElement('br'), 'Tracking number: ', number, ' (' + step.carrier + ')');
    }
    if (step && step.reason) {
      li.append(document.createElement('br'), 'Reason: ', step.reason);
    }
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = about;
    li.append(note);
    return li;
  }));
  if (announce) {
    $('announcer').textContent = 'Order is now ' + view.status + '.';
  }
}

function heard() {
  lastHeard = Date.now();
}

function connect() {
  clearTimeout(retryTimer);
  if (source) {
    source.close();
  }
  setConnection(lastView ? 'reconnecting' : 'connecting', lastView ? 'Reconnecting…' + since() : 'Connecting…');
  source = new EventSource('/orders/' + orderId + '/updates');
  source.onopen = () => {
    heard();
    setConnection('live', 'Live: updates appear here as they happen.');
  };
  for (const name of STEP_EVENTS) {
    source.addEventListener(name, (event) => {
      heard();
      setConnection('live', 'Live: updates appear here as they happen.');
      render(JSON.parse(event.data), name !== 'state');
    });
  }
  source.addEventListener('heartbeat', heard);
  source.addEventListener('idle', () => {
    source.close();
    setConnection('paused', 'Paused: no news for a while, so live updates stopped.' + since()
      + ' Choose "Reconnect now" to follow the order again.');
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CONNECTING) {
      // The browser reconnects by itself, sending the last event id: only the missed steps come back.
      setConnection('reconnecting', 'Connection lost. Reconnecting…' + since());
    } else {
      // Refused (the server is busy, or cannot follow the changes now): try again in a while.
      setConnection('down', 'Live updates are unavailable right now.' + since() + ' Trying again in '
        + RETRY_AFTER_REFUSAL_MS / 1000 + ' s.');
      retryTimer = setTimeout(connect, RETRY_AFTER_REFUSAL_MS);
    }
  };
}

function startWatchdog() {
  clearInterval(watchdog);
  watchdog = setInterval(() => {
    if (source && source.readyState === EventSource.OPEN && Date.now() - lastHeard > SILENCE_LIMIT_MS) {
      setConnection('reconnecting', 'No word from the server for a while. Reconnecting…' + since());
      connect();
    }
  }, 5000);
}

async function showSummary(id) {
  try {
    const response = await fetch('/orders/' + id, { headers: { Accept: 'application/json' } });
    if (response.status === 404) {
      $('summary').textContent = 'There is no order with this id.';
      return false;
    }
    if (response.ok) {
      const order = await response.json();
      const lines = order.items.map((i) => i.quantity + ' × ' + i.sku).join(', ');
      $('summary').textContent = lines + ' — total ' + order.total + ', to ' + order.shippingAddress.name + ', '
        + order.shippingAddress.city + '.';
    }
  } catch (e) {
    $('summary').textContent = 'The order could not be read just now; the timeline below still follows it.';
  }
  return true;
}

async function open(id) {
  orderId = id;
  $('start').hidden = true;
  $('tracking').hidden = false;
  $('order-id').textContent = id;
  document.title = 'Order ' + id + ' · eventgate';
  if (await showSummary(id)) {
    connect();
    startWatchdog();
  } else {
    setConnection('down', 'Nothing to follow: no such order.');
    $('reconnect').hidden = true;
  }
  $('tracking-title').tabIndex = -1;
  $('tracking-title').focus();
}

function problemText(problem) {
  const errors = (problem.errors || []).map((e) => e.field + ': ' + e.message);
  return [problem.detail || problem.title || 'The order was refused.', ...errors];
}

function showErrors(el, lines) {
  const list = document.createElement('ul');
  list.append(...lines.slice(1).map((line) => {
    const li = document.createElement('li');
    li.textContent = line;
    return li;
  }));
  el.replaceChildren(lines[0], list);
}

let idempotencyKey = null;

async function place(event) {
  event.preventDefault();
  const form = event.target;
  const value = (name) => form.elements[name].value;
  const number = (name) => (value(name).trim() === '' ? null : Number(value(name)));
  const body = {
    customerId: value('customerId'),
    items: [{ sku: value('sku'), quantity: number('quantity'), unitPrice: number('unitPrice') }],
    shippingAddress: { name: value('name'), line1: value('line1'), city: value('city'),
      postalCode: value('postalCode'), country: value('country') },
  };
  // One key per order being placed: a double click or a retry after a lost answer places it once.
  idempotencyKey = idempotencyKey || crypto.randomUUID();
  $('place').disabled = true;
  $('place-error').textContent = '';
  try {
    const response = await fetch('/orders', { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey } });
    const answer = await response.json();
    if (!response.ok) {
      // Refused as it is: the next attempt is a new request. A server error keeps the key for the retry.
      if (response.status < 500) {
        idempotencyKey = null;
      }
      showErrors($('place-error'), problemText(answer));
      return;
    }
    idempotencyKey = null;
    history.pushState({}, '', '/track?order=' + answer.id);
    await open(answer.id);
  } catch (e) {
    showErrors($('place-error'), ['The order could not be sent: ' + e.message + '. Try again.']);
  } finally {
    $('place').disabled = false;
  }
}

function openById(event) {
  event.preventDefault();
  const id = $('open-id').value.trim().toLowerCase();
  if (!ORDER_ID.test(id)) {
    $('open-error').textContent = 'That is not an order id: it looks like 7f9c1c1e-2b5d-4c7e-9f4a-0a7d1e2b3c4d.';
    $('open-id').setAttribute('aria-invalid', 'true');
    return;
  }
  history.pushState({}, '', '/track?order=' + id);
  open(id);
}

document.addEventListener('DOMContentLoaded', () => {
  $('place-form').addEventListener('submit', place);
  $('place-form').addEventListener('input', () => { idempotencyKey = null; });
  $('open-form').addEventListener('submit', openById);
  $('reconnect').addEventListener('click', connect);
  window.addEventListener('popstate', () => location.reload());
  const id = new URLSearchParams(location.search).get('order');
  if (id && ORDER_ID.test(id)) {
    open(id);
  } else if (id) {
    $('open-id').value = id;
    $('open-error').textContent = 'That is not an order id.';
  }
});
