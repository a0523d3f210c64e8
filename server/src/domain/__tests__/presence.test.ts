import { agentsToTurnOffline, connectedLiveUntil, disconnectedLiveUntil, HEARTBEATS_TOLERATED } from '../presence';

const at = (second: number) => new Date(Date.UTC(2026, 10, 30, 12, 0, second));
const TIMING = { graceMs: 30_000, heartbeatMs: 5_000 };

describe('connection rows', () => {
  it('stay live for the grace period after the last heartbeat, so a crashed node’s agent leaves in time', () => {
    expect(connectedLiveUntil(at(0), TIMING)).toEqual(at(30));
  });

  it('survive a few missed heartbeats however short the grace period', () => {
    expect(connectedLiveUntil(at(0), { graceMs: 300, heartbeatMs: 1000 })).toEqual(at(HEARTBEATS_TOLERATED));
  });

  it('run out the grace period after the last socket closed', () => {
    expect(disconnectedLiveUntil(at(10), TIMING)).toEqual(at(40));
    expect(disconnectedLiveUntil(at(10), { graceMs: 0, heartbeatMs: 5000 })).toEqual(at(10));
  });
});

describe('agentsToTurnOffline', () => {
  const agents = [
    { agentId: 1, presence: 'online' as const },
    { agentId: 2, presence: 'away' as const },
    { agentId: 3, presence: 'offline' as const },
    { agentId: 4, presence: 'online' as const },
    { agentId: 5, presence: 'online' as const },
  ];

  it('takes online and away agents whose rows have all run out', () => {
    const connections = [
      { agentId: 1, liveUntil: at(10) },
      { agentId: 1, liveUntil: at(20) },
      { agentId: 2, liveUntil: at(10) },
      { agentId: 3, liveUntil: at(10) },
      { agentId: 5, liveUntil: at(30) },
    ];
    expect(agentsToTurnOffline(agents, connections, at(15))).toEqual([2]);
    expect(agentsToTurnOffline(agents, connections, at(20))).toEqual([1, 2]);
    // A row that runs out exactly now no longer vouches for the agent.
    expect(agentsToTurnOffline(agents, connections, at(30))).toEqual([1, 2, 5]);
  });

  it('leaves agents without any row (presence set without a desk socket) as they are', () => {
    expect(agentsToTurnOffline(agents, [], at(0))).toEqual([]);
  });
});
