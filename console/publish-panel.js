// The publish panel: any event type of contract section 8 as a prefilled, editable CloudEvent, posted to the
// suite's publish API (contract 9) with a development `service` token; shows the 202 or the 400's field errors.
import { mintAccessToken } from './dev-tokens.js';
import { consoleFetch } from './network.js';

const PUBLISH_URL = '/internal/events';
const PUBLISHER_ID = 'console-publisher';

function inMinutes(minutes) {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/** Per type: the topic it goes to (for the reader; the API picks it from the type), its key and its data. */
export const EVENT_TEMPLATES = {
  'notification.requested': {
    topic: 'laundry.notifications.v1',
    key: (ids) => ids.customerId,
    data: (ids) => ({
      user_id: ids.customerId,
      title: 'Your laundry is ready',
      message: `Order ${ids.orderNumber} is ready for delivery.`,
      notification_type: 'general',
      data: { order_id: ids.orderId },
    }),
  },
  'order.created': {
    topic: 'laundry.orders.v1',
    key: (ids) => ids.orderId,
    data: (ids) => ({
      order_id: ids.orderId,
      order_number: ids.orderNumber,
      customer_id: ids.customerId,
      status: 'pending',
      total_amount: '249.50',
      currency: 'INR',
      pickup_address: '12 MG Road, Bengaluru',
      items_count: 3,
      scheduled_pickup: inMinutes(60),
    }),
  },
  'order.assigned': {
    topic: 'laundry.orders.v1',
    key: (ids) => ids.orderId,
    data: (ids) => ({
      order_id: ids.orderId,
      order_number: ids.orderNumber,
      customer_id: ids.customerId,
      partner_id: ids.partnerId,
      partner_name: 'Asha (partner)',
      pickup_address: '12 MG Road, Bengaluru',
      items_count: 3,
      total_amount: '249.50',
      currency: 'INR',
      scheduled_pickup: inMinutes(60),
    }),
  },
  'order.status_changed': {
    topic: 'laundry.orders.v1',
    key: (ids) => ids.orderId,
    data: (ids) => ({
      order_id: ids.orderId,
      order_number: ids.orderNumber,
      customer_id: ids.customerId,
      partner_id: ids.partnerId,
      status: 'out_for_delivery',
      previous_status: 'ready',
      note: 'On the way',
    }),
  },
  'order.eta_updated': {
    topic: 'laundry.orders.v1',
    key: (ids) => ids.orderId,
    data: (ids) => ({ order_id: ids.orderId, eta: inMinutes(25) }),
  },
  'location.reported': {
    topic: 'laundry.locations.v1',
    key: (ids) => ids.orderId,
    data: (ids) => ({
      order_id: ids.orderId,
      partner_id: ids.partnerId,
      latitude: 12.9716,
      longitude: 77.5946,
      heading: 90,
      speed: 8.5,
      recorded_at: new Date().toISOString(),
    }),
  },
  'earnings.credited': {
    topic: 'laundry.partner-earnings.v1',
    key: (ids) => ids.partnerId,
    data: (ids) => ({ partner_id: ids.partnerId, order_id: ids.orderId, amount: '120.00', currency: 'INR' }),
  },
  'message.sent': {
    topic: 'laundry.order-messages.v1',
    key: (ids) => ids.orderId,
    data: (ids) => ({
      message_id: crypto.randomUUID(),
      order_id: ids.orderId,
      order_number: ids.orderNumber,
      sender_id: ids.customerId,
      sender_role: 'customer',
      recipient_id: ids.partnerId,
      message: 'Please ring the bell twice.',
    }),
  },
};

/** A CloudEvents 1.0 envelope in structured mode, as contract 8 describes it. */
export function cloudEvent(type, ids) {
  const template = EVENT_TEMPLATES[type];
  return {
    specversion: '1.0',
    id: crypto.randomUUID(),
    type,
    source: 'laundryconnect-console',
    time: new Date().toISOString(),
    subject: template.key(ids),
    datacontenttype: 'application/json',
    data: template.data(ids),
  };
}

/** Posts one event (or {"events": [...]}) as JSON text; resolves to {status, body}. */
export async function publish(jsonText) {
  const token = await mintAccessToken('service', PUBLISHER_ID);
  const response = await consoleFetch(PUBLISH_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: jsonText,
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

function describeResult({ status, body }) {
  if (status === 202) {
    return `202 Accepted: written to Kafka (${body.accepted.length} event${body.accepted.length === 1 ? '' : 's'}: ` +
      `${body.accepted.join(', ')}). The services apply it when they consume it.`;
  }
  const lines = [`${status}: ${body.detail ?? JSON.stringify(body)}`];
  for (const error of body.errors ?? []) {
    lines.push(`  event ${error.event}, field ${error.field}: ${error.message}`);
  }
  return lines.join('\n');
}

export function startPublishPanel({ typeSelect, idInputs, textarea, form, result }) {
  for (const type of Object.keys(EVENT_TEMPLATES)) {
    const option = document.createElement('option');
    option.value = type;
    option.textContent = `${type}  (${EVENT_TEMPLATES[type].topic})`;
    typeSelect.append(option);
  }

  function ids() {
    const orderId = idInputs.orderId.value.trim();
    return {
      orderId,
      orderNumber: `LC-${orderId.replace(/[^0-9a-f]/gi, '').slice(0, 4).toUpperCase()}`,
      customerId: idInputs.customerId.value.trim(),
      partnerId: idInputs.partnerId.value.trim(),
    };
  }

  function refill() {
    textarea.value = JSON.stringify(cloudEvent(typeSelect.value, ids()), null, 2);
  }

  typeSelect.addEventListener('change', refill);
  for (const input of Object.values(idInputs)) input.addEventListener('change', refill);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.textContent = 'Publishing…';
    result.dataset.status = '';
    try {
      const outcome = await publish(textarea.value);
      result.dataset.status = String(outcome.status);
      result.textContent = describeResult(outcome);
    } catch (error) {
      result.dataset.status = 'failed';
      result.textContent = `The request failed: ${error.message}`;
    }
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    refill();
  });
  refill();
  return { refill };
}
