// What the guide's classes see as "the network". The generated guide-clients.js imports ConsoleWebSocket as
// WebSocket, consoleFetch as fetch and showAlertInPage as alert, so the guide's code runs unchanged while the console
// records every frame and request, and can take the network away (a switch in the page) to exercise its reconnects.

const NativeWebSocket = window.WebSocket;
const nativeFetch = window.fetch.bind(window);

// When the network goes away a browser gets no close frame: the socket ends with 1006 after an error event.
const ABNORMAL_CLOSURE = 1006;
const OFFLINE_FAILURE_DELAY_MILLIS = 150;

/** Every frame, state change and request, for the frame logs: listen for "traffic" events (detail: an entry). */
export const traffic = new EventTarget();
const openSockets = new Set();
let online = true;

export function isOnline() {
  return online;
}

/** Off: every open socket ends as on a lost connection (1006) and new ones fail to connect; on: they connect again. */
export function setOnline(value) {
  online = value;
  record({ kind: 'network', online });
  if (!online) {
    for (const socket of [...openSockets]) {
      socket.loseConnection();
    }
  }
}

function record(entry) {
  traffic.dispatchEvent(new CustomEvent('traffic', { detail: { time: new Date(), ...entry } }));
}

/** The path of a WebSocket or HTTP URL, without its query string (which carries the token). */
export function pathOf(url) {
  return new URL(url, window.location.href).pathname;
}

let nextConnectionNumber = 1;

/** Behaves like the browser's WebSocket for the members the guide's classes use, and reports what passes. */
export class ConsoleWebSocket extends EventTarget {
  static CONNECTING = NativeWebSocket.CONNECTING;
  static OPEN = NativeWebSocket.OPEN;
  static CLOSING = NativeWebSocket.CLOSING;
  static CLOSED = NativeWebSocket.CLOSED;

  #native = null;
  #ended = false;

  constructor(url, protocols) {
    super();
    this.url = url;
    this.path = pathOf(url);
    this.connection = nextConnectionNumber++;
    this.readyState = ConsoleWebSocket.CONNECTING;
    this.onopen = null;
    this.onmessage = null;
    this.onclose = null;
    this.onerror = null;
    openSockets.add(this);
    this.#report({ kind: 'connecting', url });
    if (!online) {
      setTimeout(() => this.#end(ABNORMAL_CLOSURE, '', false, 'the network is switched off in the console'),
        OFFLINE_FAILURE_DELAY_MILLIS);
      return;
    }
    this.#native = new NativeWebSocket(url, protocols);
    this.#native.addEventListener('open', () => {
      if (this.#ended) return;
      this.readyState = ConsoleWebSocket.OPEN;
      this.#report({ kind: 'open' });
      this.#deliver('open', new Event('open'));
    });
    this.#native.addEventListener('message', (event) => {
      if (this.#ended) return;
      this.#report({ kind: 'frame', direction: 'in', data: event.data });
      this.#deliver('message', new MessageEvent('message', { data: event.data }));
    });
    this.#native.addEventListener('error', () => {
      if (this.#ended) return;
      this.#report({ kind: 'error' });
      this.#deliver('error', new Event('error'));
    });
    this.#native.addEventListener('close', (event) => {
      this.#end(event.code, event.reason, event.wasClean);
    });
  }

  get protocol() {
    return this.#native ? this.#native.protocol : '';
  }

  send(data) {
    if (this.readyState !== ConsoleWebSocket.OPEN) {
      throw new DOMException('The WebSocket is not open.', 'InvalidStateError');
    }
    this.#report({ kind: 'frame', direction: 'out', data });
    this.#native.send(data);
  }

  close(code, reason) {
    if (this.readyState >= ConsoleWebSocket.CLOSING) return;
    this.readyState = ConsoleWebSocket.CLOSING;
    this.#report({ kind: 'closing', code, reason });
    if (this.#native) {
      this.#native.close(code, reason);
    } else {
      this.#end(ABNORMAL_CLOSURE, '', false);
    }
  }

  /** The network went away: the server is told nothing more, the client sees what a dropped connection looks like. */
  loseConnection() {
    if (this.#ended) return;
    if (this.#native) {
      this.#native.close(1000, 'console: network switched off');
    }
    this.#end(ABNORMAL_CLOSURE, '', false, 'the network was switched off in the console');
  }

  #end(code, reason, wasClean, cause) {
    if (this.#ended) return;
    this.#ended = true;
    openSockets.delete(this);
    if (cause) {
      this.#report({ kind: 'error', cause });
      this.#deliver('error', new Event('error'));
    }
    this.readyState = ConsoleWebSocket.CLOSED;
    this.#report({ kind: 'close', code, reason, wasClean, cause });
    this.#deliver('close', new CloseEvent('close', { code, reason, wasClean }));
  }

  #deliver(type, event) {
    const handler = this[`on${type}`];
    if (typeof handler === 'function') {
      handler.call(this, event);
    }
    this.dispatchEvent(event);
  }

  #report(entry) {
    record({ socket: this.path, connection: this.connection, ...entry });
  }
}

/** fetch, recorded in the HTTP log, failing like a browser without network while the switch is off. */
export async function consoleFetch(resource, options = {}) {
  const url = typeof resource === 'string' ? resource : resource.url;
  const method = (options.method || 'GET').toUpperCase();
  if (!online) {
    record({ kind: 'http', method, url: pathOf(url), failure: 'the network is switched off in the console' });
    throw new TypeError('Failed to fetch');
  }
  try {
    const response = await nativeFetch(resource, options);
    record({ kind: 'http', method, url: pathOf(url), status: response.status });
    return response;
  } catch (error) {
    record({ kind: 'http', method, url: pathOf(url), failure: error.message });
    throw error;
  }
}

const alertListeners = new Set();

/** The guide's PartnerWebSocket calls alert() on a new order; a modal dialog would freeze the page, so it is shown. */
export function showAlertInPage(message) {
  record({ kind: 'alert', message: String(message) });
  for (const listener of alertListeners) {
    listener(String(message));
  }
}

export function onAlert(listener) {
  alertListeners.add(listener);
}

export function offAlert(listener) {
  alertListeners.delete(listener);
}
