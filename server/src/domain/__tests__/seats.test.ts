import {
  PRESENCE_STATUSES,
  SeatLimitError,
  assertFreeSeat,
  countOnline,
  hasFreeSeat,
  totalFreeSeats,
  type AgentLoad,
} from '../seats';

function agent(agentId: number, presence: AgentLoad['presence'], activeChats: number, maxSeats: number): AgentLoad {
  return { agentId, presence, activeChats, maxSeats };
}

describe('hasFreeSeat', () => {
  it.each([
    [0, 3, true],
    [2, 3, true],
    [3, 3, false],
    [4, 3, false], // the limit was lowered below the current load
    [0, 0, false], // an agent with no seats never takes chats
  ])('%i active of %i seats → %s', (activeChats, maxSeats, expected) => {
    expect(hasFreeSeat(activeChats, maxSeats)).toBe(expected);
  });
});

describe('assertFreeSeat', () => {
  it('passes while a seat is free', () => {
    expect(() => assertFreeSeat(2, 3)).not.toThrow();
  });

  it('throws SeatLimitError carrying the counts when full', () => {
    let thrown: unknown;
    try {
      assertFreeSeat(3, 3);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SeatLimitError);
    const seatError = thrown as SeatLimitError;
    expect(seatError.code).toBe('SEAT_LIMIT');
    expect(seatError.activeChats).toBe(3);
    expect(seatError.maxSeats).toBe(3);
    expect(seatError.name).toBe('SeatLimitError');
    expect(seatError.message).toBe('all 3 chat seats are in use (3 active chats)');
  });

  it('throws when over the limit too', () => {
    expect(() => assertFreeSeat(5, 3)).toThrow(SeatLimitError);
  });
});

describe('totalFreeSeats and countOnline', () => {
  const team: AgentLoad[] = [
    agent(1, 'online', 1, 3), // 2 free
    agent(2, 'online', 3, 3), // full
    agent(3, 'online', 5, 2), // over the limit: 0, not -3
    agent(4, 'away', 0, 3), // away: keeps chats, takes none
    agent(5, 'offline', 0, 3),
    agent(6, 'online', 0, 4), // 4 free
  ];

  it('sums free seats of online agents only, never negative per agent', () => {
    expect(totalFreeSeats(team)).toBe(6);
  });

  it('counts online agents, including full ones', () => {
    expect(countOnline(team)).toBe(4);
  });

  it('is zero for an empty team', () => {
    expect(totalFreeSeats([])).toBe(0);
    expect(countOnline([])).toBe(0);
  });

  it('is zero when nobody is online', () => {
    const nobody = [agent(1, 'away', 0, 3), agent(2, 'offline', 0, 3)];
    expect(totalFreeSeats(nobody)).toBe(0);
    expect(countOnline(nobody)).toBe(0);
  });
});

it('lists the presence statuses', () => {
  expect(PRESENCE_STATUSES).toEqual(['online', 'away', 'offline']);
});
