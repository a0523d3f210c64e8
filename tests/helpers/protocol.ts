import request from 'supertest';
import type { Socket } from 'socket.io-client';

import { ADMIN_API_BASE, NAMESPACES, PLUGIN_ID, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import type { Ack } from '../../server/src/contracts/views';
import { adminLogin } from './admin-auth';
import { connectSocket, waitForConnect } from './sockets';
import type { StrapiInProcess } from './strapi';

/** A running Strapi reached over HTTP: one booted in this process, or a started playground. */
export interface Server {
  url: string;
}

let clientCounter = 0;
export const nextClientId = (prefix = 'c') => `${prefix}-${Date.now().toString(36)}-${(clientCounter += 1)}`;

/** A customer, as the widget would be: a session token and REST calls. */
export interface Customer {
  token: string;
  conversationId: number;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
}

export async function startCustomer(app: Server, body: object = { locale: 'en' }): Promise<Customer> {
  const response = await request(app.url).post(`${PUBLIC_API_BASE}/sessions`).send(body);
  if (response.status !== 201) throw new Error(`session start failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token = response.body.data.token as string;
  const conversationId = response.body.data.conversation.id as number;
  const base = `${PUBLIC_API_BASE}/conversations/${conversationId}`;
  return {
    token,
    conversationId,
    get: (path) => request(app.url).get(`${base}${path}`).set('Authorization', `Bearer ${token}`),
    post: (path, payload) =>
      request(app.url)
        .post(`${base}${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(payload ?? {}),
  };
}

export interface Agent {
  token: string;
  id: number;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

export async function loginAgent(app: Server, email: string, password: string): Promise<Agent> {
  const token = await adminLogin(app.url, email, password);
  const me = await request(app.url).get('/admin/users/me').set('Authorization', `Bearer ${token}`);
  return {
    token,
    id: me.body.data.id as number,
    get: (path) => request(app.url).get(`${ADMIN_API_BASE}${path}`).set('Authorization', `Bearer ${token}`),
    post: (path, body) => request(app.url).post(`${ADMIN_API_BASE}${path}`).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    put: (path, body) => request(app.url).put(`${ADMIN_API_BASE}${path}`).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    delete: (path) => request(app.url).delete(`${ADMIN_API_BASE}${path}`).set('Authorization', `Bearer ${token}`),
  };
}

/** Creates an admin user with the given role code (e.g. the playground's Agent role). */
export async function createAdmin(
  app: StrapiInProcess,
  account: { email: string; password: string; firstname: string; lastname?: string },
  roleCode: string,
): Promise<void> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no role ${roleCode}`);
  await app.strapi.admin.services.user.create({
    ...account,
    lastname: account.lastname ?? 'Test',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
}

export async function connected(socket: Socket): Promise<Socket> {
  await waitForConnect(socket);
  return socket;
}

export const widgetSocket = (app: Server, token: string) =>
  connected(connectSocket(app.url, NAMESPACES.widget, { token }));
export const agentSocket = (app: Server, token: string) => connected(connectSocket(app.url, NAMESPACES.agent, { token }));

/** Emits an event and resolves with its acknowledgement. */
export async function ask<Data = unknown>(socket: Socket, event: string, payload: unknown = {}): Promise<Ack<Data>> {
  return (await socket.timeout(10000).emitWithAck(event, payload)) as Ack<Data>;
}

/** The data of a successful acknowledgement; a refusal fails the test with its error. */
export function okData<Data>(ack: Ack<Data>): Data {
  if (!ack.ok) throw new Error(`refused: ${ack.error.status} ${ack.error.name}: ${ack.error.message}`);
  return ack.data;
}

/**
 * Resolves with the next `event` payload that satisfies `accept`. Its timeout does not keep the
 * process alive: a wait that a test leaves pending (the test failed first) must not hold the
 * Jest worker open after the file.
 */
export function nextEvent<Payload = unknown>(
  socket: Socket,
  event: string,
  accept: (payload: Payload) => boolean = () => true,
  timeoutMs = 10000,
): Promise<Payload> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs).unref();
    const listener = (payload: Payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Live support is open whatever the time of day the tests run at. */
export async function alwaysOpen(app: StrapiInProcess): Promise<void> {
  await app.strapi.plugin(PLUGIN_ID).service('settings').update({ queue: { enforceOpeningHours: false } });
}

export async function countRows(app: StrapiInProcess, uid: string, where: object = {}): Promise<number> {
  return app.strapi.db.query(uid as never).count({ where });
}

/** Polls until `check` returns a value (bots answer after the customer's request returns). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface MessageLike {
  seq: number;
  author: string;
  text: string;
}

/** Waits until the customer's history has a message matching `accept`, and returns it. */
export function waitForMessage(customer: Customer, accept: (message: MessageLike) => boolean): Promise<MessageLike> {
  return eventually(async () => {
    const messages = (await customer.get('/messages')).body.data as MessageLike[];
    return messages.find(accept) ?? null;
  });
}

export function waitForStatus(customer: Customer, status: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const view = (await customer.get('')).body.data as Record<string, unknown>;
    return view.status === status ? view : null;
  });
}
