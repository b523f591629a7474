// Notifications through the guide's NotificationWebSocket: the live list, the unread badge (its own updateBadge()
// writes the .notification-badge element), mark one / all read. Every session of the user gets unread_count, so a
// second tab follows; the read marks of single items are then re-read over REST. After a reconnect the list is
// caught up over REST (GET /api/notifications/), because the guide's class reconnects without ?since=.
import { NotificationWebSocket } from './generated/guide-clients.js';
import { consoleFetch } from './network.js';
import { closeCodeMeaning } from './frame-log.js';

const KEEP_ALIVE_MILLIS = 30_000;
const REST_PAGE_SIZE = 50;
const RESYNC_DELAY_MILLIS = 300;

export function startNotifications({ tokenData, accessToken, elements, say }) {
  const { status, unreadCount, list, markAllRead } = elements;
  const shown = new Map();
  let resyncTimer = null;
  let connections = 0;
  // Counts what the socket said about the list or the count; a REST answer read before one of those is stale.
  let liveUpdates = 0;

  const notificationWS = new NotificationWebSocket(tokenData.token);

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  function setUnread(count) {
    unreadCount.textContent = String(count);
  }

  function render(notification) {
    let item = shown.get(notification.id);
    if (!item) {
      item = document.createElement('li');
      item.className = 'notification-item';
      item.dataset.notificationId = notification.id;
      const title = document.createElement('strong');
      const message = document.createElement('p');
      const meta = document.createElement('small');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Mark read';
      button.addEventListener('click', () => notificationWS.markAsRead(notification.id));
      item.append(title, message, meta, button);
      shown.set(notification.id, item);
      const newer = [...list.children].find((other) => other.dataset.createdAt < notification.created_at);
      list.insertBefore(item, newer ?? null);
    }
    item.dataset.createdAt = notification.created_at;
    item.querySelector('strong').textContent = notification.title;
    item.querySelector('p').textContent = notification.message;
    item.querySelector('small').textContent =
      `${notification.notification_type} · ${new Date(notification.created_at).toLocaleString()}`;
    setRead(item, notification.is_read);
  }

  function setRead(item, isRead) {
    item.classList.toggle('read', isRead);
    item.classList.toggle('unread', !isRead);
    const button = item.querySelector('button');
    button.disabled = isRead;
    button.textContent = isRead ? 'Read' : 'Mark read';
    button.setAttribute('aria-label', `${isRead ? 'Read' : 'Mark read'}: ${item.querySelector('strong').textContent}`);
  }

  /** Re-reads the newest notifications over REST: read marks changed elsewhere, or ones missed while offline. */
  async function resync(reason) {
    const liveUpdatesBefore = liveUpdates;
    try {
      const response = await consoleFetch(`/api/notifications/?limit=${REST_PAGE_SIZE}`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      if (!response.ok) return;
      const page = await response.json();
      if (liveUpdates !== liveUpdatesBefore) {
        // The socket moved on while this page was read (a push or a mark overtook it): read again rather than let
        // an older count or older read marks overwrite newer ones.
        resyncSoon(reason);
        return;
      }
      const missed = page.results.filter((notification) => !shown.has(notification.id)).length;
      page.results.forEach(render);
      setUnread(page.unread_count);
      if (missed > 0 && reason === 'reconnect') say(`Caught up ${missed} notification(s) missed while disconnected.`);
    } catch {
      // The network is off: the next reconnect catches up.
    }
  }

  function resyncSoon(reason = 'sync') {
    clearTimeout(resyncTimer);
    resyncTimer = setTimeout(() => resync(reason), RESYNC_DELAY_MILLIS);
  }

  notificationWS.on('connected', () => setStatus('upgrade accepted, waiting for connection_established', 'connecting'));
  notificationWS.on('connection_established', ({ unread_count: count }) => {
    connections += 1;
    liveUpdates += 1;
    setStatus('connected', 'open');
    setUnread(count);
    notificationWS.updateBadge(count);
    resync(connections > 1 ? 'reconnect' : 'start');
  });
  notificationWS.on('notification', (notification) => {
    liveUpdates += 1;
    render(notification);
    say(`New notification: ${notification.title}`);
  });
  notificationWS.on('unread_count', (count) => {
    liveUpdates += 1;
    setUnread(count);
    const shownUnread = [...shown.values()].filter((item) => item.classList.contains('unread')).length;
    if (shownUnread !== count) resyncSoon();
  });
  notificationWS.on('mark_read_response', (response) => {
    liveUpdates += 1;
    if (!response.success) {
      say(`Mark read refused: ${response.error}`);
      return;
    }
    if (response.notification_id && shown.has(response.notification_id)) {
      setRead(shown.get(response.notification_id), true);
    } else if (!response.notification_id) {
      for (const item of shown.values()) setRead(item, true);
    }
  });
  notificationWS.on('disconnected', (code) => {
    setStatus(`disconnected (${code}: ${closeCodeMeaning(code)}); the guide's class retries every ` +
      `${notificationWS.reconnectInterval / 1000} s, attempt ${notificationWS.reconnectAttempts + 1} of ` +
      `${notificationWS.maxReconnectAttempts}`, 'closed');
  });
  notificationWS.on('reconnect_failed',
    () => setStatus('gave up reconnecting (the guide stops after 10 attempts)', 'failed'));
  notificationWS.on('server_error', (message) => say(`Server error: ${message}`));

  markAllRead.onclick = () => notificationWS.markAllAsRead();

  setStatus('connecting', 'connecting');
  notificationWS.connect();
  const keepAlive = setInterval(() => notificationWS.ping(), KEEP_ALIVE_MILLIS);

  return {
    stop() {
      clearInterval(keepAlive);
      clearTimeout(resyncTimer);
      notificationWS.disconnect();
    },
  };
}
