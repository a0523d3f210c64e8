import { idleActionFor, type ActiveConversationActivity, type IdleRules } from '../idle';

const RULES: IdleRules = { reminderAfterMinutes: 3, closeInactiveAfterMinutes: 15 };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));

function conversation(overrides: Partial<ActiveConversationActivity> = {}): ActiveConversationActivity {
  return {
    id: 7,
    agentId: 3,
    claimedAt: at(0),
    lastCustomerMessageAt: null,
    lastAgentMessageAt: null,
    remindedAt: null,
    ...overrides,
  };
}

describe('idleActionFor', () => {
  it('reminds an agent who has not greeted a claimed customer, once the reminder time has passed', () => {
    expect(idleActionFor(conversation(), RULES, at(2))).toBeNull();
    expect(idleActionFor(conversation(), RULES, at(3))).toEqual({
      kind: 'remind_agent',
      conversationId: 7,
      agentId: 3,
      waitingSince: at(0),
    });
  });

  it('reminds about an unanswered customer message, counted from that message', () => {
    const waiting = conversation({ lastAgentMessageAt: at(1), lastCustomerMessageAt: at(5) });
    expect(idleActionFor(waiting, RULES, at(7))).toBeNull();
    expect(idleActionFor(waiting, RULES, at(8))).toMatchObject({ kind: 'remind_agent', waitingSince: at(5) });
  });

  it('reminds once per unanswered message', () => {
    const reminded = conversation({ lastAgentMessageAt: at(1), lastCustomerMessageAt: at(5), remindedAt: at(8) });
    expect(idleActionFor(reminded, RULES, at(30))).toBeNull();
    const newMessage = { ...reminded, lastCustomerMessageAt: at(20) };
    expect(idleActionFor(newMessage, RULES, at(23))).toMatchObject({ kind: 'remind_agent', waitingSince: at(20) });
  });

  it('closes a chat the customer left quiet after the agent answered', () => {
    const answered = conversation({ lastCustomerMessageAt: at(1), lastAgentMessageAt: at(2) });
    expect(idleActionFor(answered, RULES, at(16))).toBeNull();
    expect(idleActionFor(answered, RULES, at(17))).toEqual({ kind: 'close_inactive', conversationId: 7, quietSince: at(2) });
  });

  it('does not count the previous agent’s answer after a transfer', () => {
    const transferred = conversation({ claimedAt: at(10), lastCustomerMessageAt: at(1), lastAgentMessageAt: at(2) });
    expect(idleActionFor(transferred, RULES, at(40))).toMatchObject({ kind: 'remind_agent', waitingSince: at(10) });
  });

  it('does nothing when the site owner turned the rules off', () => {
    const off: IdleRules = { reminderAfterMinutes: 0, closeInactiveAfterMinutes: 0 };
    expect(idleActionFor(conversation(), off, at(600))).toBeNull();
    expect(idleActionFor(conversation({ lastAgentMessageAt: at(1) }), off, at(600))).toBeNull();
  });
});
