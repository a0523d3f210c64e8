import request from 'supertest';

import { UID } from '../../server/src/constants';
import { PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { useBootedStrapi } from '../helpers/booted-strapi';
import { ask, countRows, startCustomer, widgetSocket } from '../helpers/protocol';

/** The public side's rate limits, set low here so that a test can reach them. */
const SESSIONS_PER_MINUTE = 4;
const MESSAGES_PER_MINUTE = 5;

const app = useBootedStrapi({
  // As behind one reverse proxy: it appends the address it saw to X-Forwarded-For.
  prepare: async () => ({ TRUSTED_PROXIES: '1' }),
  config: {
    rateLimit: { sessionsPerIpPerMinute: SESSIONS_PER_MINUTE, messagesPerConversationPerMinute: MESSAGES_PER_MINUTE },
  },
});

beforeAll(async () => {
  // The bot stays quiet (an external bot would answer), so the conversation stays open to messages.
  await app.service('settings').update({ bot: { provider: 'external' } });
});

describe('rate limits', () => {
  it('refuses new chats from one address beyond the limit, with Retry-After, and creates nothing', async () => {
    // Invalid requests are refused before they count.
    await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send({ locale: 'de' }).expect(400);
    const windowOpenedBy = Date.now();
    for (let index = 0; index < SESSIONS_PER_MINUTE; index += 1) await startCustomer(app);
    const before = await countRows(app, UID.conversation);

    const refused = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send({ locale: 'en' });
    const elapsedSeconds = (Date.now() - windowOpenedBy) / 1000;
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { code: 'RATE_LIMITED' } });
    // The allowance comes back when the minute that began with the first counted chat ends: the
    // wait is that minute less the seconds the chats above took, and agrees with the body.
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(60 - elapsedSeconds));
    expect(refused.body.error.details.retryAfterSeconds).toBe(retryAfter);
    expect(await countRows(app, UID.conversation)).toBe(before);
  });

  it('reads the address the trusted proxy saw, so a spoofed X-Forwarded-For does not reset the limit', async () => {
    const viaProxy = (forwardedFor: string) =>
      request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('X-Forwarded-For', forwardedFor).send({ locale: 'en' });
    const statuses: number[] = [];
    // The client writes any left-most entries it likes; the proxy appends the address it saw.
    for (let index = 0; index <= SESSIONS_PER_MINUTE; index += 1) {
      statuses.push((await viaProxy(`10.${index}.0.1, 198.51.100.${index}, 203.0.113.7`)).status);
    }
    console.log(`sessions with ${SESSIONS_PER_MINUTE + 1} spoofed left-most X-Forwarded-For entries from one client: ${statuses.join(', ')}`);
    expect(statuses).toEqual([...Array(SESSIONS_PER_MINUTE).fill(201), 429]);
    // Another client behind the same proxy has its own allowance.
    expect((await viaProxy('203.0.113.8')).status).toBe(201);
  });

  it('counts the addresses of one IPv6 /64 together and keeps the next /64 apart', async () => {
    const viaProxy = (address: string) =>
      request(app.url).post(`${PUBLIC_API_BASE}/sessions`).set('X-Forwarded-For', address).send({ locale: 'en' });
    const statuses: number[] = [];
    for (let index = 0; index <= SESSIONS_PER_MINUTE; index += 1) statuses.push((await viaProxy(`2001:db8:1:2::${index + 1}`)).status);
    expect(statuses).toEqual([...Array(SESSIONS_PER_MINUTE).fill(201), 429]);
    expect((await viaProxy('2001:db8:1:3::1')).status).toBe(201);
  });

  it('counts a conversation’s messages over REST and the socket together', async () => {
    const { token, post, get } = await startWithoutUsingTheAddressLimit();
    const socket = await widgetSocket(app, token);
    try {
      const windowOpenedBy = Date.now();
      for (let index = 0; index < 3; index += 1) {
        await post('/messages', { clientId: `rest-${index}`, text: `REST ${index}` }).expect(200);
      }
      for (let index = 0; index < MESSAGES_PER_MINUTE - 3; index += 1) {
        expect((await ask(socket, 'message:send', { clientId: `socket-${index}`, text: `socket ${index}` })).ok).toBe(true);
      }
      const restRefused = await post('/messages', { clientId: 'one-too-many', text: 'Hello?' });
      const elapsedSeconds = (Date.now() - windowOpenedBy) / 1000;
      expect(restRefused.status).toBe(429);
      // The allowance comes back when the conversation's minute ends; the seconds the sends above
      // took, on a loaded machine, already count towards it, so the wait is that minute less them and agrees with the body.
      const retryAfter = Number(restRefused.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter <= 60 && retryAfter >= Math.floor(60 - elapsedSeconds)).toBe(true);
      expect(restRefused.body.error.details).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
      expect(await ask(socket, 'message:send', { clientId: 'socket-too-many', text: 'Hello?' })).toMatchObject({
        ok: false,
        error: { status: 429, name: 'RateLimitError', details: { code: 'RATE_LIMITED' } },
      });
      const stored = (await get('/messages?after=0')).body.data as Array<{ clientId: string }>;
      expect(stored).toHaveLength(MESSAGES_PER_MINUTE);
      expect(stored.some((message) => message.clientId.endsWith('too-many'))).toBe(false);
    } finally {
      socket.close();
    }
  });
});

/**
 * A customer whose chat is started through the service the REST route calls: every request
 * here comes from 127.0.0.1, whose new-chat allowance the test above used up.
 */
async function startWithoutUsingTheAddressLimit() {
  const { token, conversation } = await app.service('conversations').startSession({ locale: 'en' });
  const base = `${PUBLIC_API_BASE}/conversations/${conversation.id}`;
  return {
    token: token as string,
    post: (path: string, body?: object) =>
      request(app.url).post(`${base}${path}`).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    get: (path: string) => request(app.url).get(`${base}${path}`).set('Authorization', `Bearer ${token}`),
  };
}
