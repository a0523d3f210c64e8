import {
  botConversationEnds,
  goneCutoff,
  isLeaveMessageOffered,
  lastSignOfCustomer,
  leaveMessageOfferDue,
  mayHaveGone,
  waitLevel,
  type WaitingConversation,
} from '../housekeeping';

const at = (second: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, second));
const minutes = (count: number) => count * 60;

function waiting(overrides: Partial<WaitingConversation> = {}): WaitingConversation {
  return { id: 1, enteredQueueAt: at(0), customerSeenAt: null, leaveMessageOfferedAt: null, ...overrides };
}

describe('who has gone from the queue', () => {
  const rules = { abandonAfterSeconds: 90 };

  it('counts from joining the queue when the customer was never seen since', () => {
    expect(lastSignOfCustomer(waiting())).toEqual(at(0));
    expect(mayHaveGone(waiting(), rules, at(89))).toBe(false);
    expect(mayHaveGone(waiting(), rules, at(90))).toBe(true);
  });

  it('counts from the last sign of life when it came after joining', () => {
    const seenLater = waiting({ customerSeenAt: at(60) });
    expect(lastSignOfCustomer(seenLater)).toEqual(at(60));
    expect(mayHaveGone(seenLater, rules, at(149))).toBe(false);
    expect(mayHaveGone(seenLater, rules, at(150))).toBe(true);
  });

  it('gives a customer handed back to the queue the full time, however long ago they were last seen', () => {
    const handedBack = waiting({ enteredQueueAt: at(600), customerSeenAt: at(0) });
    expect(mayHaveGone(handedBack, rules, at(650))).toBe(false);
    expect(mayHaveGone(handedBack, rules, at(690))).toBe(true);
  });

  it('abandons only customers last seen at or before the cutoff', () => {
    expect(goneCutoff(rules, at(100))).toEqual(at(10));
  });
});

describe('who has waited too long', () => {
  const rules = { maxWaitMinutes: 10 };

  it('is offered a message once the wait reaches the limit', () => {
    expect(leaveMessageOfferDue(waiting(), rules, new Date(at(0).getTime() + (minutes(10) - 1) * 1000))).toBe(false);
    expect(leaveMessageOfferDue(waiting(), rules, new Date(at(0).getTime() + minutes(10) * 1000))).toBe(true);
  });

  it('is offered once per wait: an offer from an earlier wait does not count', () => {
    const later = new Date(at(0).getTime() + minutes(30) * 1000);
    expect(leaveMessageOfferDue(waiting({ leaveMessageOfferedAt: at(1) }), rules, later)).toBe(false);
    const handedBack = waiting({ enteredQueueAt: at(5), leaveMessageOfferedAt: at(1) });
    expect(isLeaveMessageOffered(handedBack)).toBe(false);
    expect(leaveMessageOfferDue(handedBack, rules, later)).toBe(true);
  });

  it('is never offered when the limit is off', () => {
    expect(leaveMessageOfferDue(waiting(), { maxWaitMinutes: 0 }, new Date(at(0).getTime() + 86_400_000))).toBe(false);
  });

  it('shows on the desk from 80 % of the limit', () => {
    expect(waitLevel(minutes(7.9), 10)).toBe('normal');
    expect(waitLevel(minutes(8), 10)).toBe('nearing');
    expect(waitLevel(minutes(10), 10)).toBe('reached');
    expect(waitLevel(minutes(500), 0)).toBe('normal');
  });
});

describe('which bot conversations end', () => {
  const started = at(0);
  const after = (minutesLater: number) => new Date(started.getTime() + minutesLater * 60_000);

  it('ends after the quiet time, counted from the last customer message', () => {
    const conversation = { id: 3, createdAt: started, lastCustomerMessageAt: after(10) };
    expect(botConversationEnds(conversation, 30, after(39))).toBe(false);
    expect(botConversationEnds(conversation, 30, after(40))).toBe(true);
  });

  it('counts from the start when the customer never wrote', () => {
    expect(botConversationEnds({ id: 3, createdAt: started, lastCustomerMessageAt: null }, 30, after(30))).toBe(true);
  });

  it('never ends when the setting is off', () => {
    expect(botConversationEnds({ id: 3, createdAt: started, lastCustomerMessageAt: null }, 0, after(100_000))).toBe(false);
  });
});
