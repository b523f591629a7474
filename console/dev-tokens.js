// Development access tokens, minted in the browser exactly like dev/mint (local-dev's MintToken): HS256 over the
// local profile's documented development secret. They are accepted only by services running the `local` profile;
// no deployed service knows this secret.

export const DEVELOPMENT_SECRET = 'local-dev-only-access-token-secret-0123456789abcdef';
const TIME_TO_LIVE_SECONDS = 3600;

/** The claims each role adds, as in local-dev's Role (contract 2.1). */
const ROLE_CLAIMS = {
  customer: {},
  partner: { is_partner: true, groups: ['partner'] },
  staff: { is_staff: true, groups: ['staff'] },
  service: { groups: ['service'] },
};

export const ROLES = Object.keys(ROLE_CLAIMS);

/**
 * The access token the guide's getWebSocketToken() sends as its Bearer token. The generated guide-clients.js
 * imports this live binding, so the guide's code reads it as the global it expects.
 */
export let accessToken = null;

export function useAccessToken(token) {
  accessToken = token;
}

function base64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlOfJson(value) {
  return base64Url(new TextEncoder().encode(JSON.stringify(value)));
}

export async function mintAccessToken(role, userId) {
  if (!ROLE_CLAIMS[role]) throw new Error(`unknown role ${role}`);
  if (!window.crypto?.subtle) {
    throw new Error('WebCrypto is unavailable: open the console as http://localhost:8000/console/ (a secure context).');
  }
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    token_type: 'access',
    user_id: userId,
    sub: userId,
    jti: crypto.randomUUID().replace(/-/g, ''),
    iat: now,
    exp: now + TIME_TO_LIVE_SECONDS,
    ...ROLE_CLAIMS[role],
  };
  const signingInput = `${base64UrlOfJson({ typ: 'JWT', alg: 'HS256' })}.${base64UrlOfJson(claims)}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(DEVELOPMENT_SECRET),
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64Url(new Uint8Array(signature))}`;
}
