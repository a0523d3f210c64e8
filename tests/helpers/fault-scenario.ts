import { randomBytes } from 'node:crypto';

import request from 'supertest';

import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import { ChatClient, newCounters, type LoadCounters } from './chat-load';
import { checkAgainstDatabase, type ClientView, type FaultReport, type SentLog } from './fault-check';
import type { SocketDropper, StoredMessage } from './fault-cluster';
import { startCustomer, type Agent, type Server } from './protocol';

/**
 * One fault scenario: customers and agents chat in many conversations at once, each author
 * sending its next message once the previous one is acknowledged, while sockets are dropped
 * from the server's side at random and, once the load is under way, `midway` runs (a node is
 * killed). Then the stored messages are checked against what every client sent and sees.
 */

export interface ScenarioOptions {
  /** Where conversations are opened and claimed over REST. */
  setUpOn: Server;
  agents: Agent[];
  conversations: number;
  /** Messages each of the customer and the agent sends into each conversation. */
  messagesPerAuthor: number;
  /** The node each client (re)connects to, by its index among customers or agents. */
  customerUrl(index: number): string;
  agentUrl(index: number): string;
  dropper: SocketDropper;
  dropEveryMs: number;
  /** Runs once, when this share of all messages has been acknowledged; writing goes on meanwhile. */
  midway: { atShare: number; run(clients: ChatClient[]): Promise<void> };
  readStored(conversationIds: number[]): Promise<StoredMessage[]>;
}

export interface ScenarioResult {
  counters: LoadCounters;
  socketsDropped: number;
  report: FaultReport;
  durationMs: number;
  /** How long after the writers finished every view matched the database. */
  settledAfterMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A clientId as a client makes one: unique per conversation, `[A-Za-z0-9_-]`. */
const newClientId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

/** A conversation with an agent: the customer starts a chat and asks for a person; the agent claims it. */
async function openConversation(options: ScenarioOptions, agent: Agent): Promise<{ conversationId: number; token: string }> {
  const customer = await startCustomer(options.setUpOn);
  const escalated = await customer.post('/escalate').expect(200);
  if (escalated.body.data.status !== 'queued') throw new Error(`escalation answered ${escalated.body.data.status}`);
  await request(options.setUpOn.url)
    .post(`${ADMIN_API_BASE}/conversations/${customer.conversationId}/claim`)
    .set('Authorization', `Bearer ${agent.token}`)
    .send({})
    .expect(200);
  return { conversationId: customer.conversationId, token: customer.token };
}

/**
 * Each author's message at this index loses its first answer on purpose, so that every scenario
 * has resends of messages the server already stored, wherever the random drops fall.
 */
const ANSWER_LOST_AT_INDEX = 3;

async function write(client: ChatClient, log: SentLog, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const message = { clientId: newClientId(log.author === 'customer' ? 'fc' : 'fa'), text: `${log.author} ${log.conversationId}/${index}` };
    log.messages.push(message);
    const acked = await client.deliver(log.conversationId, message.clientId, message.text, { loseFirstAnswer: index === ANSWER_LOST_AT_INDEX });
    if (acked) Object.assign(message, { ackedSeq: acked.seq });
  }
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const counters = newCounters();
  // Opened one at a time, so that no more than one customer of this address waits at once.
  const opened: Array<{ conversationId: number; token: string; agentIndex: number }> = [];
  for (let index = 0; index < options.conversations; index += 1) {
    const agentIndex = index % options.agents.length;
    opened.push({ ...(await openConversation(options, options.agents[agentIndex])), agentIndex });
  }
  const conversationIds = opened.map((conversation) => conversation.conversationId);

  const customers = opened.map(
    (conversation, index) =>
      new ChatClient({ kind: 'customer', token: conversation.token, conversationIds: [conversation.conversationId], url: () => options.customerUrl(index), counters }),
  );
  const desks = options.agents.map(
    (agent, index) =>
      new ChatClient({
        kind: 'agent',
        token: agent.token,
        conversationIds: opened.filter((conversation) => conversation.agentIndex === index).map((conversation) => conversation.conversationId),
        url: () => options.agentUrl(index),
        counters,
      }),
  );
  const clients = [...customers, ...desks];
  await Promise.all(clients.map((client) => client.start()));

  const startedAt = Date.now();
  const logs: SentLog[] = [];
  const writers: Array<Promise<void>> = [];
  opened.forEach((conversation, index) => {
    const customerLog: SentLog = { conversationId: conversation.conversationId, author: 'customer', messages: [] };
    const agentLog: SentLog = { conversationId: conversation.conversationId, author: 'agent', messages: [] };
    logs.push(customerLog, agentLog);
    writers.push(write(customers[index], customerLog, options.messagesPerAuthor));
    writers.push(write(desks[conversation.agentIndex], agentLog, options.messagesPerAuthor));
  });

  let writing = true;
  let socketsDropped = 0;
  const dropping = (async () => {
    while (writing) {
      await pause(options.dropEveryMs);
      const connected = clients.filter((client) => client.connectedSocketId());
      const victim = connected[Math.floor(Math.random() * connected.length)];
      const socketId = victim?.connectedSocketId();
      if (writing && victim && socketId) {
        options.dropper.drop(victim.namespace, socketId);
        socketsDropped += 1;
      }
    }
  })();
  const total = options.conversations * options.messagesPerAuthor * 2;
  const faulting = (async () => {
    while (writing && counters.acked < total * options.midway.atShare) await pause(20);
    if (writing) await options.midway.run(clients);
  })();
  // FAULTS_TRACE=1: progress on stderr while it runs (Jest shows console output only at the end).
  const trace = process.env.FAULTS_TRACE
    ? setInterval(() => process.stderr.write(`faults: ${Date.now() - startedAt} ms ${JSON.stringify({ ...counters, errorSamples: undefined, socketsDropped })}\n`), 5000)
    : undefined;
  try {
    await Promise.all(writers);
  } finally {
    // Also when the clients were stopped (a timed-out test): nothing keeps running.
    clearInterval(trace);
    writing = false;
    await Promise.all([dropping, faulting]);
  }
  const durationMs = Date.now() - startedAt;

  // Pushes still on their way land within moments: wait until every view matches, or give up.
  const views = (): ClientView[] =>
    clients.flatMap((client, index) =>
      client.options.conversationIds.map((conversationId) => ({
        label: index < customers.length ? `customer ${index}` : `agent ${index - customers.length}`,
        conversationId,
        messages: client.view(conversationId),
      })),
    );
  const settleStartedAt = Date.now();
  let report = checkAgainstDatabase(await options.readStored(conversationIds), logs, views());
  while (report.viewMismatches > 0 && Date.now() - settleStartedAt < 15_000) {
    await pause(250);
    report = checkAgainstDatabase(await options.readStored(conversationIds), logs, views());
  }
  const settledAfterMs = Date.now() - settleStartedAt;
  await Promise.all(clients.map((client) => client.stop()));
  return { counters, socketsDropped, report, durationMs, settledAfterMs };
}

/** One line per count, as the test prints it. */
export function describeResult(title: string, result: ScenarioResult, extra: Record<string, string | number>): string {
  const { counters, report } = result;
  const lines: Array<[string, string | number]> = [
    ['conversations', report.conversations],
    ['messages sent', counters.sent],
    ['sends incl. resends', counters.attempts],
    ['resends', counters.resends],
    ['answers lost on purpose (thrown away, socket closed)', counters.answersLostOnPurpose],
    ['resends answered with the stored message', counters.resendsAlreadyStored],
    ['acknowledged', counters.acked],
    ['answers 5xx', counters.serverErrors],
    ['other refusals', counters.refusals],
    ['sends without an answer (dropped, timed out)', counters.unanswered],
    ['messages stored (incl. system messages)', report.stored],
    ['lost', report.lost],
    ['duplicated', report.duplicated],
    ['authors out of order', report.outOfOrder],
    ['conversations with a seq gap', report.seqGaps],
    ['client views compared / differing', `${report.viewsCompared} / ${report.viewMismatches}`],
    ['sockets dropped by the server (requested)', result.socketsDropped],
    ['disconnects seen: server-side / other', `${counters.serverDisconnects} / ${counters.otherDisconnects}`],
    ['reconnects', counters.reconnects],
    ['failed connection attempts', counters.failedConnects],
    ['gap catch-ups', counters.gapFills],
    ['load duration', `${result.durationMs} ms (${Math.round((counters.acked / result.durationMs) * 1000)} messages/s)`],
    ['views matched the database after', `${result.settledAfterMs} ms`],
    ...Object.entries(extra),
  ];
  const samples = counters.errorSamples.length > 0 ? `\n  error samples: ${counters.errorSamples.join(' | ')}` : '';
  const problems = report.problems.length > 0 ? `\n  problems: ${report.problems.join(' | ')}` : '';
  return `${title}\n${lines.map(([label, value]) => `  ${label}: ${value}`).join('\n')}${samples}${problems}`;
}
