import { conversationBump, messageDocumentId, returningBumped, type MessageWrite } from '../message-append-sql';

const now = new Date('2026-12-01T10:00:00.000Z');
const write = (overrides: Partial<MessageWrite>): MessageWrite => ({
  conversationId: 7,
  authorKind: 'customer',
  agentId: null,
  clientId: 'c1',
  text: 'hi',
  now,
  ...overrides,
});
const ms = (instant: Date) => instant.getTime();

describe('the conversation UPDATE every message writer runs', () => {
  it("sets the customer's last message time and checks the allowed statuses", () => {
    const bump = conversationBump('conversations', write({ guard: { statuses: ['bot', 'queued'] } }), ms);
    expect(bump.sql).toBe(
      'UPDATE conversations SET last_message_seq = last_message_seq + 1, last_activity_at = ?, updated_at = ?, last_customer_message_at = ? WHERE id = ? AND status IN (?, ?)',
    );
    expect(bump.parameters).toEqual([now.getTime(), now.getTime(), now.getTime(), 7, 'bot', 'queued']);
  });

  it("sets an agent's reply times and checks the assignment", () => {
    const bump = conversationBump('conversations', write({ authorKind: 'agent', agentId: 3, guard: { statuses: ['active'], assignedAgentId: 3 } }), ms);
    expect(bump.sql).toContain('last_agent_message_at = ?, first_agent_reply_at = coalesce(first_agent_reply_at, ?)');
    expect(bump.sql).toMatch(/WHERE id = \? AND status IN \(\?\) AND assigned_agent_id = \?$/);
    expect(bump.parameters.slice(-3)).toEqual([7, 'active', 3]);
  });

  it('refuses every message when no status is allowed, in SQL every database takes', () => {
    const bump = conversationBump('conversations', write({ guard: { statuses: [] } }), ms);
    expect(bump.sql).toMatch(/WHERE id = \? AND 1 = 0$/);
    expect(bump.sql).not.toContain('IN ()');
    expect(returningBumped(bump).sql).toMatch(/ RETURNING last_message_seq, status$/);
  });
});

describe('the statement text', () => {
  it('is built once per shape of write, whatever the conversation, time and allowed statuses', () => {
    const first = conversationBump('conversations', write({ guard: { statuses: ['bot', 'queued'] } }), ms);
    const again = conversationBump('conversations', write({ conversationId: 99, now: new Date(0), guard: { statuses: ['active', 'queued'] } }), ms);
    expect(again.sql).toBe(first.sql);
    expect(again.parameters).toEqual([0, 0, 0, 99, 'active', 'queued']);
    expect(returningBumped(again).sql).toBe(returningBumped(first).sql);
    const otherShapes = [
      conversationBump('conversations', write({ guard: { statuses: ['bot'] } }), ms),
      conversationBump('conversations', write({ authorKind: 'bot', guard: { statuses: ['bot', 'queued'] } }), ms),
      conversationBump('conversations', write({}), ms),
      conversationBump('other_table', write({ guard: { statuses: ['bot', 'queued'] } }), ms),
    ];
    expect(new Set([first.sql, ...otherShapes.map((bump) => bump.sql)]).size).toBe(5);
  });
});

describe('a message document id', () => {
  it('has Strapi’s shape, a letter first, and does not repeat', () => {
    const ids = Array.from({ length: 2000 }, () => messageDocumentId());
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
