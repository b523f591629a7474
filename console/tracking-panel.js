// One order through the guide's OrderTrackingWebSocket. The guide's own updateOrderUI() and updateOrderStatus()
// write #order-number, #order-status, #partner-name and the #status-timeline; the console adds the ETA, the map and
// the chat. Message types the guide's class does not handle (eta_update, partner_message, message_sent, error) are
// read from the frames the socket received.
import { OrderTrackingWebSocket } from './generated/guide-clients.js';
import { traffic, pathOf } from './network.js';
import { closeCodeMeaning } from './frame-log.js';
import { createRouteMap } from './route-map.js';

const STATUS_DISPLAY = {
  pending: 'Pending', confirmed: 'Confirmed', picked_up: 'Picked Up', in_process: 'In Process',
  ready: 'Ready for Delivery', out_for_delivery: 'Out for Delivery', delivered: 'Delivered', cancelled: 'Cancelled',
};

export function startTracking({ orderId, tokenData, role, userId, elements, say }) {
  const { status, orderNumber, orderStatus, partnerName, eta, timeline, map: mapElement, mapCaption, chat,
    chatForm, chatInput } = elements;
  const path = pathOf(`/ws/orders/${encodeURIComponent(orderId)}/`);
  const map = createRouteMap(mapElement, mapCaption);
  const awaitingAnswer = [];
  orderNumber.textContent = '…';
  orderStatus.textContent = '…';
  partnerName.textContent = '…';
  eta.textContent = '…';
  timeline.replaceChildren();
  chat.replaceChildren();

  const orderTracking = new OrderTrackingWebSocket(encodeURIComponent(orderId), tokenData.token);

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  function showEta(isoTime, minutes) {
    if (!isoTime) {
      eta.textContent = 'not known yet';
      return;
    }
    const left = minutes ?? Math.max(0, Math.round((new Date(isoTime) - Date.now()) / 60_000));
    eta.textContent = `${new Date(isoTime).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ` +
      `(in ${left} min)`;
  }

  function addTimelineItem(statusDisplay, time) {
    const item = document.createElement('div');
    item.className = 'timeline-item';
    const statusText = document.createElement('span');
    statusText.className = 'status';
    statusText.textContent = statusDisplay;
    const timeText = document.createElement('span');
    timeText.className = 'time';
    timeText.textContent = new Date(time).toLocaleString();
    item.append(statusText, timeText);
    timeline.append(item);
  }

  function addChatLine(who, text, className) {
    const item = document.createElement('li');
    item.className = className;
    const from = document.createElement('strong');
    from.textContent = `${who}: `;
    const body = document.createElement('span');
    body.className = 'chat-text';
    body.textContent = text;
    const state = document.createElement('small');
    item.append(from, body, ' ', state);
    chat.append(item);
    return item;
  }

  orderTracking.on('connected', () => setStatus('connected, waiting for the order', 'open'));
  orderTracking.on('order_data', (order) => {
    setStatus(`tracking ${order.order_number}`, 'open');
    if (!order.partner) partnerName.textContent = 'not assigned yet';
    if (timeline.children.length === 0) {
      addTimelineItem(order.status_display || STATUS_DISPLAY[order.status] || order.status, order.updated_at);
    }
    showEta(order.eta);
    if (order.last_location) map.add(order.last_location);
  });
  orderTracking.on('order_update', (update) => say(`Order ${update.order_number}: ${update.status_display}`));
  orderTracking.on('location_update', (location) => map.add(location));
  orderTracking.on('disconnected', (code) => setStatus(`disconnected (${code}: ${closeCodeMeaning(code)}); ` +
    `the guide's class reconnects in ${orderTracking.reconnectInterval / 1000} s`, 'closed'));

  function onFrame(event) {
    const entry = event.detail;
    if (entry.kind !== 'frame' || entry.direction !== 'in' || entry.socket !== path) return;
    let message;
    try {
      message = JSON.parse(entry.data);
    } catch {
      return;
    }
    switch (message.type) {
      case 'eta_update':
        showEta(message.eta, message.eta_minutes);
        break;
      case 'partner_message':
        if (message.sender_id !== userId) {
          addChatLine('Partner', message.message, 'incoming');
          say(`Partner: ${message.message}`);
        }
        break;
      case 'message_sent': {
        const item = awaitingAnswer.shift();
        if (item) {
          item.querySelector('small').textContent = message.success ? 'sent ✓' : `refused: ${message.error}`;
          item.classList.add(message.success ? 'sent' : 'refused');
        }
        break;
      }
      case 'error':
        say(`Order tracking error: ${message.message}`);
        break;
      default:
    }
  }
  traffic.addEventListener('traffic', onFrame);

  chatForm.onsubmit = (event) => {
    event.preventDefault();
    const text = chatInput.value.trim();
    if (!text) return;
    const readyState = orderTracking.ws?.readyState;
    if (readyState !== 1) {
      say('Not connected: the message was not sent.');
      return;
    }
    const item = addChatLine('You', text, 'outgoing');
    item.querySelector('small').textContent = 'sending…';
    awaitingAnswer.push(item);
    orderTracking.send({ type: role === 'partner' ? 'partner_reply' : 'send_message', message: text });
    chatInput.value = '';
  };

  setStatus('connecting', 'connecting');
  orderTracking.connect();
  const keepAlive = setInterval(() => orderTracking.ping(), 30_000);

  return {
    orderId,
    /** A customer message that reached the partner panel, shown in this chat when it is about this order. */
    showCustomerMessage(message) {
      if (message.order_id === orderId) addChatLine('Customer', message.message, 'incoming');
    },
    stop() {
      clearInterval(keepAlive);
      traffic.removeEventListener('traffic', onFrame);
      // The guide's class reconnects after any close, disconnect() included: this instance must not connect again.
      orderTracking.connect = () => {};
      orderTracking.disconnect();
      setStatus('stopped', 'closed');
    },
  };
}
