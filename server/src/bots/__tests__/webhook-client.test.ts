import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WEBHOOK_RESPONSE_MAX_BYTES,
  callWebhookBot,
  signWebhookBody,
  verifyWebhookSignature,
  webhookReplySchema,
  type WebhookBotRequest,
} from '../webhook-client';

const SECRET = 'test-secret';
/** Generous, so that a busy machine never turns a good answer into a timeout. */
const TIMEOUT_MS = 5000;
/** For the timeout tests: the bot answers only after LATE_ANSWER_MS, long after this. */
const SHORT_TIMEOUT_MS = 200;
const LATE_ANSWER_MS = 10_000;

interface ReceivedRequest {
  method: string | undefined;
  path: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: ReceivedRequest, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let received: ReceivedRequest[] = [];
let handler: Handler = (_request, res) => sendJson(res, 200, { reply: 'default' });

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendRaw(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received = [];
  handler = (_request, res) => sendJson(res, 200, { reply: 'default' });
});

const request: WebhookBotRequest = {
  conversation: { id: 42, language: 'en', status: 'bot' },
  message: { seq: 3, clientId: 'c-3', text: 'Where is my order?' },
  history: [
    { seq: 1, author: 'customer', text: 'Hello' },
    { seq: 2, author: 'bot', text: 'Hi! How can I help?' },
  ],
};

const call = (overrides: Partial<Parameters<typeof callWebhookBot>[0]> = {}) =>
  callWebhookBot({ url: baseUrl, secret: SECRET, timeoutMs: TIMEOUT_MS, ...overrides }, request);

describe('callWebhookBot answers', () => {
  it('returns a good answer, trimmed', async () => {
    handler = (_request, res) => sendJson(res, 200, { reply: '  Your order ships tomorrow.  ' });
    await expect(call()).resolves.toEqual({
      reply: 'Your order ships tomorrow.',
      failed: false,
      escalate: false,
      reason: null,
      error: null,
    });
  });

  it('ignores fields the bot adds on its own', async () => {
    handler = (_request, res) => sendJson(res, 201, { reply: 'Sure.', confidence: 0.93, intent: { name: 'order' } });
    await expect(call()).resolves.toEqual({ reply: 'Sure.', failed: false, escalate: false, reason: null, error: null });
  });

  it('escalates with a reason and no reply', async () => {
    handler = (_request, res) => sendJson(res, 200, { escalate: true, reason: 'customer asked for a refund' });
    await expect(call()).resolves.toEqual({
      reply: null,
      failed: false,
      escalate: true,
      reason: 'customer asked for a refund',
      error: null,
    });
  });

  it('escalates with a reply to show meanwhile', async () => {
    handler = (_request, res) => sendJson(res, 200, { reply: 'Let me get a colleague.', escalate: true });
    await expect(call()).resolves.toEqual({
      reply: 'Let me get a colleague.',
      failed: false,
      escalate: true,
      reason: null,
      error: null,
    });
  });

  it('keeps the reply of an answer the bot marks as failed', async () => {
    handler = (_request, res) => sendJson(res, 200, { reply: 'Sorry, I did not get that.', failed: true });
    await expect(call()).resolves.toEqual({
      reply: 'Sorry, I did not get that.',
      failed: true,
      escalate: false,
      reason: null,
      error: 'bot reported a failure',
    });
  });

  it('reports failed: true without a reply as a failure', async () => {
    handler = (_request, res) => sendJson(res, 200, { failed: true });
    await expect(call()).resolves.toMatchObject({ reply: null, failed: true, escalate: false });
  });
});

describe('callWebhookBot failures', () => {
  const failed = { reply: null, failed: true, escalate: false, reason: null };

  it('fails with a timeout when the bot answers later than timeoutMs', async () => {
    handler = (_request, res) => {
      const timer = setTimeout(() => sendJson(res, 200, { reply: 'too late' }), LATE_ANSWER_MS);
      res.on('close', () => clearTimeout(timer));
    };
    const started = Date.now();
    const answer = await call({ timeoutMs: SHORT_TIMEOUT_MS });
    expect(Date.now() - started).toBeLessThan(LATE_ANSWER_MS / 2);
    expect(answer).toMatchObject(failed);
    expect(answer.error).toMatch(/timed out/);
  });

  it('fails with a timeout when the body trickles in slower than timeoutMs', async () => {
    handler = (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"reply":');
      const timer = setTimeout(() => res.end('"too late"}'), LATE_ANSWER_MS);
      res.on('close', () => clearTimeout(timer));
    };
    const answer = await call({ timeoutMs: SHORT_TIMEOUT_MS });
    expect(answer).toMatchObject(failed);
    expect(answer.error).toMatch(/timed out/);
  });

  it('fails on a 500', async () => {
    handler = (_request, res) => sendJson(res, 500, { reply: 'stack trace here' });
    await expect(call()).resolves.toEqual({ ...failed, error: 'HTTP 500' });
  });

  it('does not follow a redirect', async () => {
    handler = (req, res) => {
      if (req.path === '/bot') {
        res.writeHead(307, { location: '/elsewhere' });
        res.end();
      } else {
        sendJson(res, 200, { reply: 'redirected' });
      }
    };
    await expect(call()).resolves.toEqual({ ...failed, error: 'HTTP 307' });
    expect(received.map((req) => req.path)).toEqual(['/bot']);
  });

  it('fails on a body that is not JSON', async () => {
    handler = (_request, res) => sendRaw(res, 200, '{"reply": "unterminated');
    await expect(call()).resolves.toEqual({ ...failed, error: 'response is not JSON' });
  });

  it('fails on an empty body', async () => {
    handler = (_request, res) => {
      res.writeHead(204);
      res.end();
    };
    await expect(call()).resolves.toEqual({ ...failed, error: 'response is not JSON' });
  });

  it.each([
    ['a number reply', { reply: 42 }],
    ['a blank reply', { reply: '   ' }],
    ['a reply over 2000 characters', { reply: 'x'.repeat(2001) }],
    ['a string escalate', { reply: 'hi', escalate: 'yes' }],
    ['a reason over 500 characters', { escalate: true, reason: 'r'.repeat(501) }],
    ['an array', [{ reply: 'hi' }]],
    ['null', null],
  ])('fails on JSON breaking the schema: %s', async (_name, body) => {
    handler = (_request, res) => sendJson(res, 200, body);
    const answer = await call();
    expect(answer).toMatchObject(failed);
    expect(answer.error).toMatch(/does not match the schema/);
  });

  it('fails on a reply that is neither a reply nor an escalation', async () => {
    handler = (_request, res) => sendJson(res, 200, {});
    const answer = await call();
    expect(answer).toMatchObject(failed);
    expect(answer.error).toMatch(/neither a reply nor escalate/);
  });

  it('fails on a body one byte over the limit', async () => {
    const padding = 'x'.repeat(WEBHOOK_RESPONSE_MAX_BYTES - '{"reply":"hi","padding":""}'.length + 1);
    const body = JSON.stringify({ reply: 'hi', padding });
    expect(Buffer.byteLength(body)).toBe(WEBHOOK_RESPONSE_MAX_BYTES + 1);
    handler = (_request, res) => sendRaw(res, 200, body);
    await expect(call()).resolves.toEqual({ ...failed, error: `response body exceeds ${WEBHOOK_RESPONSE_MAX_BYTES} bytes` });
  });

  it('stops reading an endless body at the limit', async () => {
    let serverStopped = false;
    handler = (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"reply":"hi","padding":"');
      const chunk = 'x'.repeat(16 * 1024);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => {
        clearInterval(timer);
        serverStopped = true;
      });
    };
    const answer = await call({ timeoutMs: 5000 });
    expect(answer).toEqual({ ...failed, error: `response body exceeds ${WEBHOOK_RESPONSE_MAX_BYTES} bytes` });
    // The client dropped the connection, so the server's 'close' fires.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(serverStopped).toBe(true);
  });

  it('accepts a body of exactly the limit', async () => {
    const prefix = '{"reply":"hi","padding":"';
    const suffix = '"}';
    const body = prefix + 'x'.repeat(WEBHOOK_RESPONSE_MAX_BYTES - prefix.length - suffix.length) + suffix;
    expect(Buffer.byteLength(body)).toBe(WEBHOOK_RESPONSE_MAX_BYTES);
    handler = (_request, res) => sendRaw(res, 200, body);
    await expect(call()).resolves.toMatchObject({ reply: 'hi', failed: false });
  });

  it('fails on a network error', async () => {
    // A port that was just free: nothing listens on it any more.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const answer = await call({ url: `http://127.0.0.1:${port}/bot` });
    expect(answer).toMatchObject(failed);
    expect(answer.error).toMatch(/^request failed: /);
  });

  it.each(['ftp://127.0.0.1/bot', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url'])(
    'refuses %s without making a request',
    async (url) => {
      const answer = await call({ url });
      expect(answer).toMatchObject(failed);
      expect(answer.error).toMatch(/webhook URL/);
      expect(received).toHaveLength(0);
    },
  );

  it('refuses a non-http URL pointing at the test server without making a request', async () => {
    const answer = await call({ url: baseUrl.replace(/^http:/, 'ftp:') });
    expect(answer.error).toBe('unsupported webhook URL protocol "ftp:"');
    expect(received).toHaveLength(0);
  });
});

describe('callWebhookBot request', () => {
  it('posts the request as signed JSON the bot can verify', async () => {
    let verified: boolean | undefined;
    handler = (req, res) => {
      verified = verifyWebhookSignature(
        SECRET,
        String(req.headers[TIMESTAMP_HEADER]),
        req.body,
        String(req.headers[SIGNATURE_HEADER]),
      );
      sendJson(res, 200, { reply: 'ok' });
    };
    const now = new Date('2026-11-25T10:00:00.900Z');
    await call({ now: () => now });

    expect(verified).toBe(true);
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/bot');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toBe('strapi-plugin-live-support');
    expect(req.headers[TIMESTAMP_HEADER]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(JSON.parse(req.body)).toEqual(request);
  });

  it('sends only the documented fields', async () => {
    const withExtras = {
      ...request,
      conversation: { ...request.conversation, customerEmail: 'someone@example.com' },
      token: 'secret-widget-token',
    };
    await callWebhookBot({ url: baseUrl, secret: null, timeoutMs: TIMEOUT_MS }, withExtras);
    expect(JSON.parse(received[0].body)).toEqual(request);
  });

  it('sends no signature header without a secret', async () => {
    await expect(call({ secret: null })).resolves.toMatchObject({ reply: 'default', failed: false });
    expect(received).toHaveLength(1);
    expect(received[0].headers[SIGNATURE_HEADER]).toBeUndefined();
    expect(received[0].headers[TIMESTAMP_HEADER]).toMatch(/^\d+$/);
  });
});

describe('webhook signatures', () => {
  const body = '{"a":1}';
  const signature = signWebhookBody(SECRET, '1700000000', body);

  it('is sha256= and the hex HMAC of timestamp.body', () => {
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, '1700000000', body, signature)).toBe(true);
  });

  it.each([
    ['another secret', 'other', '1700000000', body, signature],
    ['another timestamp', SECRET, '1700000001', body, signature],
    ['another body', SECRET, '1700000000', '{"a":2}', signature],
    ['a truncated signature', SECRET, '1700000000', body, signature.slice(0, -1)],
    ['an empty signature', SECRET, '1700000000', body, ''],
    ['a signature without prefix', SECRET, '1700000000', body, signature.slice('sha256='.length)],
  ])('refuses %s', (_name, secret, timestamp, signedBody, candidate) => {
    expect(verifyWebhookSignature(secret, timestamp, signedBody, candidate)).toBe(false);
  });
});

describe('webhookReplySchema', () => {
  it('treats a blank reason as none', () => {
    expect(webhookReplySchema.parse({ escalate: true, reason: '  ' })).toEqual({ escalate: true });
  });
});
