// The console page: sign in with a development token, fetch the WebSocket token with the guide's
// getWebSocketToken(), then drive the guide's three classes in their panels. A second tab opens signed in as the
// same user through the address's #role=...&user=... part.
import { mintAccessToken, useAccessToken, accessToken } from './dev-tokens.js';
import { setOnline, isOnline } from './network.js';
import { startFrameLogs } from './frame-log.js';
import { startPublishPanel } from './publish-panel.js';

const $ = (id) => document.getElementById(id);
const announcer = $('announcer');

function say(text) {
  announcer.textContent = text;
}

startFrameLogs($('log-list'));

const sharedOrderId = crypto.randomUUID();
$('track-order-id').value = sharedOrderId;
$('publish-order-id').value = sharedOrderId;
$('publish-customer-id').value = crypto.randomUUID();
$('publish-partner-id').value = crypto.randomUUID();
const publishPanel = startPublishPanel({
  typeSelect: $('event-type'),
  idInputs: {
    orderId: $('publish-order-id'), customerId: $('publish-customer-id'), partnerId: $('publish-partner-id'),
  },
  textarea: $('event-json'),
  form: $('publish-form'),
  result: $('publish-result'),
});

const networkToggle = $('network-toggle');
networkToggle.addEventListener('click', () => {
  setOnline(!isOnline());
  networkToggle.setAttribute('aria-pressed', String(isOnline()));
  networkToggle.textContent = `Network: ${isOnline() ? 'on' : 'off'}`;
  say(isOnline() ? 'Network switched on: the guide\'s clients may reconnect.' : 'Network switched off.');
});

$('new-user-id').addEventListener('click', () => {
  $('user-id').value = crypto.randomUUID();
});

// The forms are wired at once (an Enter pressed early must not submit them natively); what needs the guide's
// clients waits for them. <html data-ready> tells that they are loaded.
const guideLoading = Promise.all([
  import('./generated/guide-clients.js'),
  import('./notifications-panel.js'),
  import('./tracking-panel.js'),
  import('./partner-panel.js'),
]).then(([clients, ...panels]) => {
  document.documentElement.dataset.ready = 'true';
  return Object.assign({ clients }, ...panels);
}, (error) => {
  const session = $('session');
  session.dataset.state = 'error';
  session.textContent = `The guide's clients could not be loaded (${error.message}). They are extracted from the ` +
    'client guide into console/generated/ by console/extract-guide-clients.sh, which dev/up runs.';
  throw error;
});
let guide;

let running = { notifications: null, tracking: null, partner: null };
let signedIn = null;

function stopAll() {
  for (const panel of Object.values(running)) panel?.stop();
  running = { notifications: null, tracking: null, partner: null };
}

function trackingElements() {
  return {
    status: $('tracking-status'), orderNumber: $('order-number'), orderStatus: $('order-status'),
    partnerName: $('partner-name'), eta: $('order-eta'), timeline: $('status-timeline'), map: $('route-map'),
    mapCaption: $('map-caption'), chat: $('chat'), chatForm: $('chat-form'), chatInput: $('chat-message'),
  };
}

function track(orderId) {
  running.tracking?.stop();
  $('track-order-id').value = orderId;
  running.tracking = guide.startTracking({
    orderId, tokenData: signedIn.tokenData, role: signedIn.role, userId: signedIn.userId,
    elements: trackingElements(), say,
  });
}

async function signIn(role, userId) {
  guide = await guideLoading;
  stopAll();
  const session = $('session');
  session.dataset.state = 'signing-in';
  session.textContent = `Signing in as ${role} ${userId}…`;
  let tokenData;
  try {
    useAccessToken(await mintAccessToken(role, userId));
    tokenData = await guide.clients.getWebSocketToken();
  } catch (error) {
    session.dataset.state = 'error';
    session.textContent = `Sign-in failed: ${error.message}. Is the suite running (dev/up) and the network on?`;
    return;
  }
  signedIn = { role, userId, tokenData };
  session.dataset.state = 'signed-in';
  session.textContent = `Signed in as ${role} ${userId} with a development token. WebSocket token for ` +
    `${tokenData.user_id}, valid ${tokenData.expires_in} s${tokenData.is_partner ? ', partner' : ''}.`;
  const secondTab = $('second-tab');
  secondTab.href = `#role=${encodeURIComponent(role)}&user=${encodeURIComponent(userId)}`;
  secondTab.hidden = false;
  history.replaceState(null, '', secondTab.href);

  for (const id of ['notifications', 'tracking']) $(id).hidden = false;
  $('partner').hidden = !tokenData.is_partner;
  $('chat-peer').textContent = role === 'partner' ? 'customer' : 'partner';
  $('tracking-status').textContent = 'not tracking';
  if (role === 'customer') $('publish-customer-id').value = userId;
  if (role === 'partner') $('publish-partner-id').value = userId;
  publishPanel.refill();

  running.notifications = guide.startNotifications({
    tokenData,
    accessToken,
    elements: { status: $('notifications-status'), unreadCount: $('unread-count'), list: $('notification-list'),
      markAllRead: $('mark-all-read') },
    say,
  });
  if (tokenData.is_partner) {
    running.partner = guide.startPartner({
      tokenData,
      elements: {
        status: $('partner-status'), guideAlert: $('guide-alert'), earningsTotal: $('earnings-total'),
        newOrders: $('new-orders'), credits: $('earnings-credits'), messages: $('customer-messages'),
        locationForm: $('location-form'),
        orderIdInput: $('location-order-id'), latitudeInput: $('latitude'), longitudeInput: $('longitude'),
        stepButton: $('step-location'), reconnect: $('partner-reconnect'),
      },
      say,
      onCustomerMessage: (message) => running.tracking?.showCustomerMessage(message),
      onOpenOrder: (orderId) => track(orderId),
    });
  }
  say(`Signed in as ${role}.`);
}

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  for (const list of ['notification-list', 'new-orders', 'earnings-credits', 'customer-messages']) {
    $(list).replaceChildren();
  }
  signIn($('role').value, $('user-id').value.trim());
});

$('track-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (signedIn) track($('track-order-id').value.trim());
});

$('stop-tracking').addEventListener('click', () => {
  running.tracking?.stop();
  running.tracking = null;
});

const requested = new URLSearchParams(location.hash.slice(1));
$('user-id').value = requested.get('user') || crypto.randomUUID();
if (requested.get('role')) $('role').value = requested.get('role');
if (requested.get('role') && requested.get('user')) {
  signIn(requested.get('role'), requested.get('user'));
}
