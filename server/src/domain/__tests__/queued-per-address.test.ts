import { mayJoinQueueFromAddress } from '../queued-per-address';

describe('queued conversations per address', () => {
  it('lets conversations from one address queue up to the cap, then refuses', () => {
    expect(mayJoinQueueFromAddress({ addressKey: '203.0.113.7', queuedFromAddress: 0, cap: 3 })).toBe(true);
    expect(mayJoinQueueFromAddress({ addressKey: '203.0.113.7', queuedFromAddress: 2, cap: 3 })).toBe(true);
    expect(mayJoinQueueFromAddress({ addressKey: '203.0.113.7', queuedFromAddress: 3, cap: 3 })).toBe(false);
    expect(mayJoinQueueFromAddress({ addressKey: '2001:db8:1:2::/64', queuedFromAddress: 4, cap: 3 })).toBe(false);
  });

  it('a cap of 1 allows one waiting conversation', () => {
    expect(mayJoinQueueFromAddress({ addressKey: '203.0.113.7', queuedFromAddress: 0, cap: 1 })).toBe(true);
    expect(mayJoinQueueFromAddress({ addressKey: '203.0.113.7', queuedFromAddress: 1, cap: 1 })).toBe(false);
  });

  it('is off with a cap of 0', () => {
    expect(mayJoinQueueFromAddress({ addressKey: '203.0.113.7', queuedFromAddress: 1000, cap: 0 })).toBe(true);
  });

  it('does not cap a conversation without a recorded address (started by server code)', () => {
    expect(mayJoinQueueFromAddress({ addressKey: null, queuedFromAddress: 1000, cap: 3 })).toBe(true);
  });
});
