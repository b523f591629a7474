// The console in Debian's headless Chromium against a running suite (dev/up): each test signs in through the page,
// publishes through its publish panel and checks what a person would see. Screenshots of every step go to
// console/test/artifacts/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

const CONSOLE_URL = process.env.CONSOLE_URL ?? 'http://localhost:8000/console/';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
// Generous: the first events after a start wait for the services' Kafka consumers to get their partitions.
const TIMEOUT_MILLIS = 30_000;
// Without these, Chromium keeps trying to reach Google's services, which this machine's closed network refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

async function openConsole(context, hash = '') {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MILLIS);
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.problems = problems;
  await page.goto(CONSOLE_URL + hash);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  return page;
}

async function newContext(options = {}) {
  return browser.newContext({ viewport: { width: 1280, height: 1000 }, ...options });
}

/** Signs in with the keyboard only: the form is reachable and submits with Enter. */
async function signIn(page, role, userId) {
  await page.locator('#role').selectOption(role);
  await page.locator('#user-id').fill(userId);
  await page.locator('#user-id').press('Enter');
  await page.locator('#session[data-state="signed-in"]').waitFor();
  await page.locator('#notifications-status[data-state="open"]').waitFor();
}

/** Publishes one event of `type` from the page's publish panel, its template's data changed by `edit`. */
async function publish(page, type, edit) {
  await page.locator('#event-type').selectOption(type);
  const event = JSON.parse(await page.locator('#event-json').inputValue());
  edit(event.data);
  await page.locator('#event-json').fill(JSON.stringify(event, null, 2));
  await page.locator('#publish-result').evaluate((node) => { node.dataset.status = ''; });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.locator('#publish-result:not([data-status=""])').waitFor();
  return {
    status: await page.locator('#publish-result').getAttribute('data-status'),
    text: await page.locator('#publish-result').textContent(),
  };
}

async function publishAccepted(page, type, edit) {
  const result = await publish(page, type, edit);
  assert.equal(result.status, '202', `${type} was not accepted: ${result.text}`);
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage });
}

/** On a timeout, says what the element showed instead and what the page's frame logs hold, for the CI log. */
async function waitForText(locator, text) {
  try {
    await locator.filter({ hasText: text }).first().waitFor();
  } catch (error) {
    const page = locator.page();
    const shown = await locator.first().textContent({ timeout: 1_000 }).catch(() => '(not found)');
    const frames = await page.locator('[id^="log-"] li').allTextContents().catch(() => []);
    error.message += `\nexpected "${text}", shown: "${shown}"\nframe logs:\n${frames.slice(-40).join('\n')}`;
    throw error;
  }
}

test('a customer sees a published notification arrive, counted unread in both tabs, then marks it read', async () => {
  const context = await newContext();
  const customer = randomUUID();
  const title = `Pickup confirmed ${customer.slice(0, 8)}`;
  const page = await openConsole(context);
  await shot(page, '01-console-before-sign-in');
  await signIn(page, 'customer', customer);
  assert.equal(await page.locator('#unread-count').textContent(), '0');
  const secondTab = await openConsole(context, `#role=customer&user=${customer}`);
  await secondTab.locator('#notifications-status[data-state="open"]').waitFor();

  await publishAccepted(page, 'notification.requested', (data) => {
    data.user_id = customer;
    data.title = title;
  });

  const item = page.locator('.notification-item', { hasText: title });
  await item.waitFor();
  await waitForText(page.locator('#unread-count'), '1');
  assert.equal(await page.locator('.notification-badge').textContent(), '1');
  assert.ok(await page.locator('.notification-badge').isVisible(), 'the guide\'s badge shows the unread count');
  await secondTab.locator('.notification-item', { hasText: title }).waitFor();
  await waitForText(secondTab.locator('#unread-count'), '1');
  await shot(page, '02-notification-arrived-badge-1');

  await item.getByRole('button', { name: `Mark read: ${title}` }).click();
  await waitForText(page.locator('#unread-count'), '0');
  await page.locator('.notification-item.read', { hasText: title }).waitFor();
  assert.ok(await page.locator('.notification-badge').isHidden(), 'the guide hides its badge at 0');
  await waitForText(secondTab.locator('#unread-count'), '0');
  await secondTab.locator('.notification-item.read', { hasText: title }).waitFor();
  await shot(page, '03-notification-read-badge-0');
  await shot(secondTab, '04-second-tab-in-sync');
  await page.locator('#log-ws-notifications li.out', { hasText: '"mark_read"' }).waitFor();
  assert.deepEqual([...page.problems, ...secondTab.problems], []);
  await context.close();
});

test('a notification published while the network is off shows up after the guide reconnects', async () => {
  const context = await newContext();
  const customer = randomUUID();
  const title = `Missed while offline ${customer.slice(0, 8)}`;
  const page = await openConsole(context);
  const publisher = await openConsole(context);
  await signIn(page, 'customer', customer);

  await page.getByRole('button', { name: 'Network: on' }).click();
  await page.locator('#log-ws-notifications li.close', { hasText: 'closed with code 1006' }).waitFor();
  await page.locator('#notifications-status[data-state="closed"]').waitFor();
  await publishAccepted(publisher, 'notification.requested', (data) => {
    data.user_id = customer;
    data.title = title;
  });
  await shot(page, '05-network-off');
  await page.getByRole('button', { name: 'Network: off' }).click();

  await page.locator('#notifications-status[data-state="open"]').waitFor();
  await page.locator('.notification-item.unread', { hasText: title }).waitFor();
  await waitForText(page.locator('#unread-count'), '1');
  await shot(page, '06-network-on-caught-up');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a customer tracks an order: partner position on the map, status, ETA and chat both ways', async () => {
  const context = await newContext();
  const customer = randomUUID();
  const partner = randomUUID();
  const order = randomUUID();
  const publisher = await openConsole(context);
  const partnerPage = await openConsole(context);
  await signIn(partnerPage, 'partner', partner);
  await partnerPage.locator('#partner-status[data-state="open"]').waitFor();

  await publishAccepted(publisher, 'order.created', (data) => {
    data.order_id = order;
    data.order_number = 'LC-7001';
    data.customer_id = customer;
  });
  await publishAccepted(publisher, 'order.assigned', (data) => {
    data.order_id = order;
    data.order_number = 'LC-7001';
    data.customer_id = customer;
    data.partner_id = partner;
    data.partner_name = 'Asha';
  });
  await partnerPage.locator('#new-orders li', { hasText: 'LC-7001' }).waitFor();
  assert.equal(await partnerPage.locator('#location-order-id').inputValue(), order);

  const customerPage = await openConsole(context);
  await signIn(customerPage, 'customer', customer);
  await customerPage.locator('#track-order-id').fill(order);
  await customerPage.getByRole('button', { name: 'Track' }).click();
  await waitForText(customerPage.locator('#order-number'), 'LC-7001');
  await waitForText(customerPage.locator('#partner-name'), 'Asha');
  await customerPage.locator('#status-timeline .timeline-item', { hasText: 'Pending' }).waitFor();

  await partnerPage.getByRole('button', { name: 'Send location' }).click();
  const marker = customerPage.locator('#partner-marker');
  await marker.and(customerPage.locator('[data-latitude="12.9716"]')).waitFor();
  const firstPosition = { cx: await marker.getAttribute('cx'), cy: await marker.getAttribute('cy') };
  await shot(customerPage, '07-tracking-first-position');
  await partnerPage.getByRole('button', { name: 'Move ~150 m and send' }).click();
  await marker.and(customerPage.locator('[data-latitude="12.9728"]')).waitFor();
  const secondPosition = { cx: await marker.getAttribute('cx'), cy: await marker.getAttribute('cy') };
  assert.notDeepEqual(secondPosition, firstPosition, 'the marker moved on the map');
  const route = await customerPage.locator('#route-map polyline').getAttribute('points');
  assert.equal(route.split(' ').length, 2, 'the route so far has both positions');
  await shot(customerPage, '08-tracking-marker-moved');

  await publishAccepted(publisher, 'order.status_changed', (data) => {
    Object.assign(data, { order_id: order, order_number: 'LC-7001', customer_id: customer, partner_id: partner });
  });
  await publishAccepted(publisher, 'order.eta_updated', (data) => {
    data.order_id = order;
  });
  await customerPage.locator('#status-timeline .timeline-item', { hasText: 'Out for Delivery' }).waitFor();
  await waitForText(customerPage.locator('#order-status'), 'Out for Delivery');
  await waitForText(customerPage.locator('#order-eta'), 'min)');

  await customerPage.locator('#chat-message').fill('Please ring the bell twice');
  await customerPage.locator('#chat-message').press('Enter');
  await customerPage.locator('#chat li.outgoing.sent', { hasText: 'Please ring the bell twice' }).waitFor();
  const customerMessage = partnerPage.locator('#customer-messages li', { hasText: 'Please ring the bell twice' });
  await customerMessage.waitFor();
  await shot(partnerPage, '09-partner-got-customer-message');

  await customerMessage.getByRole('button', { name: 'Reply in order tracking' }).click();
  await waitForText(partnerPage.locator('#order-number'), 'LC-7001');
  await partnerPage.locator('#chat-message').fill('On my way, five minutes');
  await partnerPage.getByRole('button', { name: 'Send', exact: true }).click();
  await partnerPage.locator('#chat li.outgoing.sent', { hasText: 'On my way' }).waitFor();
  await customerPage.locator('#chat li.incoming', { hasText: 'On my way, five minutes' }).waitFor();
  await shot(customerPage, '10-customer-got-partner-reply');
  assert.deepEqual([...customerPage.problems, ...partnerPage.problems], []);
  await context.close();
});

test('a partner sees a new order and an earnings credit with the new total', async () => {
  const context = await newContext();
  const partner = randomUUID();
  const order = randomUUID();
  const page = await openConsole(context);
  await signIn(page, 'partner', partner);
  await page.locator('#partner-status[data-state="open"]').waitFor();
  await waitForText(page.locator('#earnings-total'), '0.00 INR');

  await publishAccepted(page, 'order.assigned', (data) => {
    Object.assign(data, { order_id: order, order_number: 'LC-8002', partner_id: partner });
  });
  await page.locator('#new-orders li', { hasText: 'LC-8002' }).waitFor();
  await waitForText(page.locator('#guide-alert'), 'New order assigned: LC-8002');
  await publishAccepted(page, 'earnings.credited', (data) => {
    Object.assign(data, { partner_id: partner, order_id: order, amount: '120.50' });
  });
  await page.locator('#earnings-credits li', { hasText: '+120.50 INR' }).waitFor();
  await waitForText(page.locator('#earnings-total'), '120.50 INR');
  await shot(page, '11-partner-new-order-and-earnings');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the publish panel shows the field errors of a refused event', async () => {
  const context = await newContext();
  const page = await openConsole(context);
  const result = await publish(page, 'location.reported', (data) => {
    data.latitude = 91.5;
  });
  assert.equal(result.status, '400');
  assert.match(result.text, /data\.latitude/);
  await shot(page, '12-publish-400');
  await context.close();
});

test('at phone width nothing is wider than the screen', async () => {
  const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await openConsole(context);
  await signIn(page, 'partner', randomUUID());
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widest <= 390, `the page is ${widest}px wide at a 390px viewport`);
  await shot(page, '13-phone-width', false);
  await context.close();
});
