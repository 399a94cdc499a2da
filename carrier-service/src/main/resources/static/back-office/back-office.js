// The carrier's back office: lists shipments, dispatches, delivers, discontinues products, and shows each report's
// delivery to the gateway. Same-origin calls to the back-office API; the browser adds the HTTP Basic credential it
// asked for once. Text from the server is only ever set as textContent, never parsed as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const COLUMNS = ['Order', 'Customer', 'Items', 'Ship to', 'Status', 'Last change', 'Tracking number', 'Actions'];
let shown = null;
let detailsTimer = null;

function when(iso) {
  if (!iso) {
    return document.createTextNode('—');
  }
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = new Date(iso).toLocaleString();
  return time;
}

function lastChange(s) {
  return s.deliveredAt || s.cancelledAt || s.shippedAt || s.receivedAt;
}

function say(text) {
  $('problem').textContent = '';
  $('result').textContent = text;
}

async function call(method, path) {
  const response = await fetch(path, { method, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (body.errors || []).map((e) => ' ' + e.field + ': ' + e.message).join(';');
    const error = new Error((body.detail || body.title || 'HTTP ' + response.status) + fields);
    error.status = response.status;
    throw error;
  }
  return body;
}

function fail(error) {
  $('result').textContent = '';
  $('problem').textContent = error.message;
}

function button(label, onClick, name) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.action = name;
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await onClick();
    } catch (error) {
      fail(error);
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

function cell(label, ...content) {
  const td = document.createElement('td');
  td.dataset.label = label;
  td.append(...content);
  return td;
}

function row(s) {
  const tr = document.createElement('tr');
  tr.dataset.orderId = s.orderId;
  const id = document.createElement('span');
  id.className = 'id';
  id.textContent = s.orderId;
  const actions = [];
  if (s.status === 'RECEIVED') {
    actions.push(button('Dispatch', () => act(s.orderId, 'dispatch'), 'dispatch'));
  }
  if (s.status === 'SHIPPED') {
    actions.push(button('Deliver', () => act(s.orderId, 'deliver'), 'deliver'));
  }
  const more = button('Details', () => details(s.orderId), 'details');
  more.className = 'secondary';
  actions.push(more);
  actions.forEach((a) => a.setAttribute('aria-label', a.textContent + ' order ' + s.orderId));
  const values = [
    [id],
    [s.customerId],
    [s.items.map((i) => i.quantity + ' × ' + i.sku).join(', ')],
    [s.shipTo.name + ', ' + s.shipTo.city + ' (' + s.shipTo.country + ')'],
    [s.status + (s.cancelReason ? ': ' + s.cancelReason : '')],
    [when(lastChange(s))],
    [s.trackingNumber || '—'],
    actions,
  ];
  tr.append(...values.map((content, i) => cell(COLUMNS[i], ...content)));
  return tr;
}

async function list(event) {
  if (event) {
    event.preventDefault();
  }
  const status = $('status').value;
  const contains = $('contains').value.trim().toLowerCase();
  try {
    const page = await call('GET', '/shipments?status=' + encodeURIComponent(status) + '&limit='
      + encodeURIComponent($('limit').value));
    const matches = page.shipments.filter((s) => !contains || s.orderId.includes(contains)
      || s.customerId.toLowerCase().includes(contains)
      || s.items.some((i) => i.sku.toLowerCase().includes(contains)));
    $('shipments').tBodies[0].replaceChildren(...matches.map(row));
    $('count').textContent = matches.length + ' of ' + page.shipments.length + ' ' + status.toLowerCase()
      + ' shipments shown' + (contains ? ' (containing "' + contains + '")' : '') + ', as of '
      + new Date().toLocaleTimeString() + '.';
  } catch (error) {
    fail(error);
  }
}

async function act(orderId, action) {
  const shipment = await call('POST', '/shipments/' + orderId + '/' + action);
  say('Order ' + orderId + ' is now ' + shipment.status
    + (shipment.trackingNumber ? ' (tracking number ' + shipment.trackingNumber + ')' : '')
    + '. Its report to the gateway is in the shipment details below.');
  await list();
  await details(orderId, false);
}

function reportsTable(reports) {
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = 'Reports to the gateway';
  const head = table.createTHead().insertRow();
  for (const title of ['Event', 'Delivery', 'Attempts', 'Last error', 'Created', 'Sent']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of reports) {
    const tr = body.insertRow();
    tr.dataset.event = r.eventName;
    tr.dataset.state = r.state;
    const state = document.createElement('span');
    state.className = 'state-' + r.state;
    state.textContent = r.state;
    tr.append(cell('Event', r.eventName), cell('Delivery', state), cell('Attempts', String(r.attempts)),
      cell('Last error', r.lastError || '—'), cell('Created', when(r.createdAt)), cell('Sent', when(r.sentAt)));
  }
  return table;
}

async function details(orderId, focus = true) {
  clearTimeout(detailsTimer);
  shown = orderId;
  try {
    const s = await call('GET', '/shipments/' + encodeURIComponent(orderId));
    if (shown !== orderId) {
      return;
    }
    const facts = document.createElement('dl');
    const add = (term, ...value) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.append(...value);
      facts.append(dt, dd);
    };
    const id = document.createElement('span');
    id.className = 'id';
    id.textContent = s.orderId;
    add('Order', id);
    add('Status', s.status + (s.cancelReason ? ': ' + s.cancelReason : ''));
    add('Received', when(s.receivedAt));
    if (s.trackingNumber) {
      add('Tracking number', s.trackingNumber + ' (' + s.carrier + ')');
    }
    add('Shipped', when(s.shippedAt));
    add('Delivered', when(s.deliveredAt));
    const reports = s.reports || [];
    const content = [facts, reports.length ? reportsTable(reports)
      : Object.assign(document.createElement('p'), { textContent: 'No reports yet: nothing happened to report.' })];
    $('details').replaceChildren(...content);
    if (focus) {
      $('details-title').focus();
    }
    // A report on its way to the gateway: look again until it is sent or failed.
    if (reports.some((r) => r.state === 'PENDING')) {
      detailsTimer = setTimeout(() => details(orderId, false), 1000);
    }
  } catch (error) {
    $('details').replaceChildren(Object.assign(document.createElement('p'), { textContent: error.message }));
  }
}

async function discontinue(event) {
  event.preventDefault();
  const sku = $('sku').value.trim();
  try {
    const result = await call('POST', '/products/' + encodeURIComponent(sku) + '/discontinue');
    say('Product ' + result.sku + ' discontinued: ' + (result.cancelledOrders.length
      ? result.cancelledOrders.length + ' shipment(s) cancelled (' + result.cancelledOrders.join(', ') + ').'
      : 'no received shipment contained it.'));
    await list();
  } catch (error) {
    fail(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('filters').addEventListener('submit', list);
  $('find').addEventListener('submit', (event) => {
    event.preventDefault();
    details($('find-id').value.trim().toLowerCase());
  });
  $('discontinue').addEventListener('submit', discontinue);
  list();
});
