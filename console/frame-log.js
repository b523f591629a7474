// One log per endpoint (each WebSocket path, and one for HTTP): every frame in and out with its time, every
// connection attempt, and every close with its code and what that code means, in words a newcomer can follow.
import { traffic } from './network.js';

const MAX_ENTRIES_PER_LOG = 500;

/** Close codes of the WebSocket standard and of contract section 4, as a newcomer needs them explained. */
const CLOSE_CODE_MEANINGS = {
  1000: 'normal closure: one side ended the session on purpose',
  1001: 'going away: the server is shutting down, or dropped a connection that stayed silent for 90 s',
  1005: 'closed without a status code',
  1006: 'abnormal closure: the connection was lost without a close frame (network gone, server unreachable)',
  1008: 'policy violation: the client sent more than 20 messages per second for too long',
  1009: 'message too big: an inbound frame was larger than 64 KiB',
  1011: 'the server hit an unexpected error',
  1012: 'live updates were interrupted (e.g. Redis restarted): reconnect, resuming with since, to get what was missed',
  1013: 'try again later: the client read too slowly and its outbound queue overflowed',
  4001: 'authentication failed: the token is missing, malformed, badly signed, expired or for another audience',
  4003: "forbidden: signed in, but not allowed here (not the order's customer, partner or staff, or no such order)",
};

/** What each message type is, from contract sections 4 to 7. */
const MESSAGE_MEANINGS = {
  connection_established: 'the server accepted the token; always the first message of a session',
  notification: 'a new notification for this user (stored before it was pushed)',
  unread_count: 'the user\'s unread count changed; every open session of the user gets it',
  mark_read: 'asks the server to mark one notification read',
  mark_all_read: 'asks the server to mark every notification read',
  mark_read_response: 'the answer to mark_read / mark_all_read',
  ping: 'keep-alive from the client; the server answers pong',
  pong: 'the server\'s answer to ping',
  error: 'the server refused a message; the connection stays open unless a close follows',
  order_update: 'the order\'s status changed',
  location: 'the partner\'s latest position (at most 2 per second per order)',
  eta_update: 'a new estimated time of arrival',
  send_message: 'the customer writes to the order\'s partner',
  partner_reply: 'the partner answers the customer',
  message_sent: 'the server accepted (or refused) a chat message',
  partner_message: 'a reply from the order\'s partner',
  new_order: 'an order was assigned to this partner',
  earnings_update: 'the partner was credited; total is the new sum',
  customer_message: 'a customer wrote to this partner about an order',
  location_update: 'the partner reports where it is for one of its orders',
};

export function closeCodeMeaning(code) {
  return CLOSE_CODE_MEANINGS[code] || (code >= 4000 ? 'an application-defined close code' : 'see RFC 6455 7.4');
}

function timeOf(date) {
  return date.toLocaleTimeString([], { hour12: false }) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}

function redactToken(url) {
  return url.replace(/([?&]token=)[^&#]*/g, '$1…');
}

function describe(entry) {
  switch (entry.kind) {
    case 'connecting':
      return { arrow: '•', text: `connection #${entry.connection}: opening ${redactToken(entry.url)}` };
    case 'open':
      return { arrow: '•', text: `connection #${entry.connection}: open (the server accepted the upgrade)` };
    case 'frame': {
      const type = typeOfFrame(entry.data);
      return {
        arrow: entry.direction === 'in' ? '←' : '→',
        label: entry.direction === 'in' ? 'received' : 'sent',
        text: String(entry.data),
        note: MESSAGE_MEANINGS[type] ? `${type}: ${MESSAGE_MEANINGS[type]}` : undefined,
      };
    }
    case 'error':
      return {
        arrow: '!',
        text: `connection #${entry.connection}: error event${entry.cause ? ` (${entry.cause})` : ''}`,
      };
    case 'closing':
      return {
        arrow: '•',
        text: `connection #${entry.connection}: the client asks to close${entry.code ? ` with ${entry.code}` : ''}`,
      };
    case 'close':
      return {
        arrow: '×',
        className: 'close',
        text: `connection #${entry.connection}: closed with code ${entry.code}` +
          `${entry.reason ? ` and reason "${entry.reason}"` : ' (no reason given)'}`,
        note: closeCodeMeaning(entry.code) + (entry.cause ? `; here: ${entry.cause}` : ''),
      };
    case 'http':
      return {
        arrow: '⇄',
        text: `${entry.method} ${entry.url} → ${entry.status ?? `failed: ${entry.failure}`}`,
      };
    default:
      return null;
  }
}

function typeOfFrame(data) {
  try {
    return JSON.parse(data).type;
  } catch {
    return undefined;
  }
}

function logNameOf(entry) {
  if (entry.kind === 'http') return 'HTTP';
  return entry.socket;
}

function idFor(name) {
  return 'log-' + name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
}

export function startFrameLogs(container) {
  const logs = new Map();

  function logFor(name) {
    if (logs.has(name)) return logs.get(name);
    const details = document.createElement('details');
    details.open = true;
    details.className = 'frame-log';
    details.id = idFor(name);
    details.dataset.endpoint = name;
    const summary = document.createElement('summary');
    summary.textContent = name === 'HTTP' ? 'HTTP requests' : `WebSocket ${name}`;
    const list = document.createElement('ol');
    list.setAttribute('role', 'log');
    list.setAttribute('aria-label', summary.textContent);
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear';
    clear.addEventListener('click', () => list.replaceChildren());
    details.append(summary, clear, list);
    container.append(details);
    logs.set(name, list);
    return list;
  }

  traffic.addEventListener('traffic', (event) => {
    const entry = event.detail;
    if (entry.kind === 'network') {
      for (const list of logs.values()) {
        appendLine(list, entry.time, '•', `network switched ${entry.online ? 'on' : 'off'} in the console`, 'network');
      }
      return;
    }
    if (entry.kind === 'alert') return;
    const described = describe(entry);
    if (!described) return;
    const list = logFor(logNameOf(entry));
    appendLine(list, entry.time, described.arrow, described.text, described.className || entry.kind,
      described.note, described.label, entry.direction);
  });
}

function appendLine(list, time, arrow, text, className, note, label, direction) {
  const item = document.createElement('li');
  item.className = className + (direction ? ` ${direction}` : '');
  const stamp = document.createElement('time');
  stamp.dateTime = time.toISOString();
  stamp.textContent = timeOf(time);
  const marker = document.createElement('span');
  marker.className = 'arrow';
  marker.textContent = arrow;
  if (label) marker.setAttribute('aria-label', label);
  const body = document.createElement('code');
  body.textContent = text;
  item.append(stamp, ' ', marker, ' ', body);
  if (note) {
    const explanation = document.createElement('span');
    explanation.className = 'note';
    explanation.textContent = note;
    item.append(explanation);
  }
  list.append(item);
  while (list.children.length > MAX_ENTRIES_PER_LOG) list.firstElementChild.remove();
  list.scrollTop = list.scrollHeight;
}
