// A partner's session through the guide's PartnerWebSocket: new orders, earnings (the guide's updateEarnings()
// writes #total-earnings), customer messages, and location updates sent on the guide's socket. The class handles
// only new_order and earnings_update, and does not reconnect: the console reads the rest from the frames and offers
// a Reconnect button that calls the class's connect() again.
import { PartnerWebSocket } from './generated/guide-clients.js';
import { traffic, pathOf, onAlert, offAlert } from './network.js';
import { closeCodeMeaning } from './frame-log.js';

const PATH = pathOf('/ws/partner/');
const STEP_DEGREES = 0.0012;

export function startPartner({ tokenData, elements, say, onCustomerMessage, onOpenOrder }) {
  const { status, guideAlert, earningsTotal, newOrders, credits, messages, locationForm, orderIdInput, latitudeInput,
    longitudeInput, stepButton, reconnect } = elements;
  const partnerWS = new PartnerWebSocket(tokenData.token);
  let currency = '';

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  function listItem(list, text, action) {
    const item = document.createElement('li');
    const body = document.createElement('span');
    body.textContent = text;
    item.append(body);
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', action.run);
      item.append(' ', button);
    }
    list.prepend(item);
    return item;
  }

  partnerWS.on('connected', () => setStatus('upgrade accepted, waiting for connection_established', 'connecting'));
  partnerWS.on('established', () => setStatus('connected', 'open'));
  partnerWS.on('new_order', (order) => {
    listItem(newOrders, `${order.order_number}: ${order.items_count ?? '?'} item(s), ${order.total_amount ?? '?'} ` +
      `${order.currency ?? ''}, pickup ${order.pickup_address ?? 'unknown'}` +
      `${order.scheduled_pickup ? ` at ${new Date(order.scheduled_pickup).toLocaleString()}` : ''}`, {
      label: 'Use this order',
      run: () => {
        orderIdInput.value = order.id;
        onOpenOrder(order.id);
      },
    }).dataset.orderId = order.id;
    if (!orderIdInput.value) orderIdInput.value = order.id;
  });
  partnerWS.on('earnings_update', ({ amount, total }) => {
    earningsTotal.textContent = `${total} ${currency}`;
    listItem(credits, `+${amount} ${currency} → total ${total} ${currency}`);
  });

  function onFrame(event) {
    const entry = event.detail;
    if (entry.socket !== PATH) return;
    if (entry.kind === 'close') {
      setStatus(`closed with ${entry.code} (${closeCodeMeaning(entry.code)}); the guide's PartnerWebSocket does ` +
        'not reconnect by itself: press Reconnect', 'closed');
      return;
    }
    if (entry.kind !== 'frame' || entry.direction !== 'in') return;
    let message;
    try {
      message = JSON.parse(entry.data);
    } catch {
      return;
    }
    if (message.type === 'connection_established') {
      currency = message.currency;
      earningsTotal.textContent = `${message.total_earnings} ${message.currency}`;
    } else if (message.type === 'earnings_update') {
      currency = message.currency;
    } else if (message.type === 'customer_message') {
      listItem(messages, `${message.order_number}: “${message.message}”`, {
        label: 'Reply in order tracking',
        run: () => onOpenOrder(message.order_id),
      }).className = 'customer-message';
      onCustomerMessage(message);
      say(`Customer message on ${message.order_number}: ${message.message}`);
    } else if (message.type === 'error') {
      say(`Partner socket error: ${message.message}`);
    }
  }
  traffic.addEventListener('traffic', onFrame);
  const showAlert = (message) => {
    guideAlert.textContent = message;
  };
  onAlert(showAlert);

  function sendLocation() {
    const update = {
      type: 'location_update',
      order_id: orderIdInput.value.trim(),
      latitude: Number(latitudeInput.value),
      longitude: Number(longitudeInput.value),
    };
    if (partnerWS.ws?.readyState !== 1) {
      say('Not connected: the location was not sent.');
      return;
    }
    // The guide's PartnerWebSocket has no send(); its socket is the way to write.
    partnerWS.ws.send(JSON.stringify(update));
    say(`Location sent for ${update.order_id}: ${update.latitude}, ${update.longitude}`);
  }

  locationForm.onsubmit = (event) => {
    event.preventDefault();
    sendLocation();
  };
  stepButton.onclick = () => {
    latitudeInput.value = (Number(latitudeInput.value) + STEP_DEGREES).toFixed(6);
    longitudeInput.value = (Number(longitudeInput.value) + STEP_DEGREES).toFixed(6);
    sendLocation();
  };
  reconnect.onclick = () => {
    if (partnerWS.ws && partnerWS.ws.readyState <= 1) return;
    setStatus('connecting', 'connecting');
    partnerWS.connect();
  };

  setStatus('connecting', 'connecting');
  partnerWS.connect();

  return {
    stop() {
      traffic.removeEventListener('traffic', onFrame);
      offAlert(showAlert);
      partnerWS.ws?.close();
    },
  };
}
