import { DEFAULT_PLUGIN_CONFIG, parsePluginConfig } from '../plugin-config';
import config from '../../config';

describe('plugin config', () => {
  it('fills in defaults for an empty config', () => {
    expect(parsePluginConfig({})).toEqual(DEFAULT_PLUGIN_CONFIG);
    expect(parsePluginConfig(undefined)).toEqual(DEFAULT_PLUGIN_CONFIG);
    expect(DEFAULT_PLUGIN_CONFIG).toEqual({
      seedDefaults: true,
      visitorTokenTtlDays: 30,
      visitorTokenAfterCloseHours: 24,
      presenceGracePeriodMs: 30000,
      idleCheckIntervalMs: 30000,
      jobs: {},
      maxBodyBytes: 16384,
      realtime: { maxPayloadBytes: 16384, pingIntervalMs: 25000, pingTimeoutMs: 20000, accessRecheckMs: 60000 },
      rateLimit: { sessionsPerIpPerMinute: 30, messagesPerConversationPerMinute: 60, escalationTrialsPerUserPerMinute: 60, cannedReplyChangesPerUserPerMinute: 30, customerDataRequestsPerUserPerMinute: 30, customerUpdatesPerConversationPerMinute: 10, typingEventsPerConversationPerMinute: 120, conversationReadsPerConversationPerMinute: 60, catchUpsPerConversationPerMinute: 60, offlineMessagesPerIpPerMinute: 5, ratingsPerConversationPerMinute: 5, escalationsPerConversationPerMinute: 10, leavesPerConversationPerMinute: 10, eventsPerSocketPerMinute: 300, queuedConversationsPerIp: 3 },
      database: { sqliteTuning: true, sqliteBackgroundCheckpoints: true },
    });
  });

  it('keeps valid values', () => {
    expect(parsePluginConfig({ seedDefaults: false, realtime: { maxPayloadBytes: 4096 } })).toEqual({
      ...DEFAULT_PLUGIN_CONFIG,
      seedDefaults: false,
      realtime: { maxPayloadBytes: 4096, pingIntervalMs: 25000, pingTimeoutMs: 20000, accessRecheckMs: 60000 },
      rateLimit: { sessionsPerIpPerMinute: 30, messagesPerConversationPerMinute: 60, escalationTrialsPerUserPerMinute: 60, cannedReplyChangesPerUserPerMinute: 30, customerDataRequestsPerUserPerMinute: 30, customerUpdatesPerConversationPerMinute: 10, typingEventsPerConversationPerMinute: 120, conversationReadsPerConversationPerMinute: 60, catchUpsPerConversationPerMinute: 60, offlineMessagesPerIpPerMinute: 5, ratingsPerConversationPerMinute: 5, escalationsPerConversationPerMinute: 10, leavesPerConversationPerMinute: 10, eventsPerSocketPerMinute: 300, queuedConversationsPerIp: 3 },
    });
  });

  it('throws a message naming each bad path', () => {
    expect(() => parsePluginConfig({ seedDefaults: 'yes', realtime: { maxPayloadBytes: 10 } })).toThrow(
      /Invalid configuration for plugin "live-support"[\s\S]*seedDefaults[\s\S]*realtime\.maxPayloadBytes/,
    );
  });

  it('refuses unknown keys, which are usually typos', () => {
    expect(() => parsePluginConfig({ seedDefault: true })).toThrow(/seedDefault/);
  });

  it('is wired into the validator Strapi calls, which throws', () => {
    expect(() => config.validator({ realtime: { pingIntervalMs: -1 } })).toThrow(/realtime\.pingIntervalMs/);
    expect(() => config.validator(config.default)).not.toThrow();
  });
});
