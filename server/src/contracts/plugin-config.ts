import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';

/**
 * Deploy-time configuration from the host app's `config/plugins.ts`. What site owners change
 * while running (opening hours, queue rules, templates) lives in the admin settings instead.
 */
export const pluginConfigSchema = z
  .object({
    /** Create the default templates and opening hours on first boot. */
    seedDefaults: z.boolean().default(true),
    /**
     * Secret that signs visitor tokens. Leave unset to derive one from the app's APP_KEYS;
     * set it (the same on every node) to rotate it independently.
     */
    visitorTokenSecret: z.string().min(32, 'use at least 32 characters').optional(),
    /** How long a customer's conversation token stays valid. */
    visitorTokenTtlDays: z.number().int().min(1).max(365).default(30),
    /** A token stops opening its conversation this long after the conversation ended: time to read and rate. */
    visitorTokenAfterCloseHours: z.number().int().min(1).max(8760).default(24),
    /** An agent whose sockets all disconnect goes offline after this long without reconnecting. */
    presenceGracePeriodMs: z.number().int().min(0).max(600_000).default(30_000),
    /**
     * How often active conversations are checked for idle reminders and inactivity closing;
     * the `idle` job's schedule unless `jobs.idle.cron` is set.
     */
    idleCheckIntervalMs: z.number().int().min(1000).max(600_000).default(30_000),
    /**
     * The periodic jobs (`idle`, `presence`, …), by name: a cron expression (six fields, seconds
     * first, in the team's time zone) in place of the job's default, or `enabled: false` to
     * leave the job off on this node. Each tick runs once across all nodes.
     */
    jobs: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'a job name such as "presence"'),
        z
          .object({
            cron: z
              .string()
              .max(200)
              .refine((expression) => isValidCron(expression), 'a cron expression such as "*/5 * * * * *"')
              .optional(),
            enabled: z.boolean().default(true),
          })
          .strict(),
      )
      .default({}),
    /** Largest accepted JSON body on the plugin's routes, in bytes (413 beyond it). */
    maxBodyBytes: z.number().int().min(1024).max(1_048_576).default(16_384),
    /**
     * Requests from the public widget side (REST and socket alike), the admin's "try a sentence",
     * canned-reply changes and customer data requests, counted per Strapi node, or shared by all
     * nodes with `realtime.redisUrl`; and the queued conversations per address (counted in the
     * database, so across nodes): 0 turns a limit off. Refused requests answer 429 with
     * `Retry-After` and change nothing.
     */
    rateLimit: z
      .object({
        /** New chats one IP address may start per minute (a minute opens with its first chat). */
        sessionsPerIpPerMinute: z.number().int().min(0).max(100_000).default(30),
        /** Messages one conversation may send per minute, over REST and the socket together. */
        messagesPerConversationPerMinute: z.number().int().min(0).max(100_000).default(60),
        /** Sentences one admin user may try against the escalation settings per minute. */
        escalationTrialsPerUserPerMinute: z.number().int().min(0).max(100_000).default(60),
        /** Canned replies one admin user may create, edit or delete per minute. */
        cannedReplyChangesPerUserPerMinute: z.number().int().min(0).max(100_000).default(30),
        /** Customer data searches, exports and erasures one admin user may make per minute. */
        customerDataRequestsPerUserPerMinute: z.number().int().min(0).max(100_000).default(30),
        /** Changes of the customer's details (`identify()`) one conversation may make per minute. */
        customerUpdatesPerConversationPerMinute: z.number().int().min(0).max(100_000).default(10),
        /** Typing signals one conversation may send per minute; refused ones are dropped unseen. */
        typingEventsPerConversationPerMinute: z.number().int().min(0).max(100_000).default(120),
        /** Reads of the conversation (REST `GET` and the socket's `conversation:get`) per conversation and minute. */
        conversationReadsPerConversationPerMinute: z.number().int().min(0).max(100_000).default(60),
        /** Message catch-ups (REST `GET …/messages` and `messages:since`) per conversation and minute. */
        catchUpsPerConversationPerMinute: z.number().int().min(0).max(100_000).default(60),
        /** Offline messages one IP address may leave per minute. */
        offlineMessagesPerIpPerMinute: z.number().int().min(0).max(100_000).default(5),
        /** Ratings (CSAT) one conversation may submit per minute. */
        ratingsPerConversationPerMinute: z.number().int().min(0).max(100_000).default(5),
        /** Requests for a person (the button, `conversation:escalate`) one conversation may make per minute. */
        escalationsPerConversationPerMinute: z.number().int().min(0).max(100_000).default(10),
        /** Leaves (ending the chat from the widget) one conversation may send per minute. */
        leavesPerConversationPerMinute: z.number().int().min(0).max(100_000).default(10),
        /** Events one widget socket may send per minute, whatever they are. */
        eventsPerSocketPerMinute: z.number().int().min(0).max(100_000).default(300),
        /** Conversations from one IP address (an IPv6 one by its /64) that may wait in the queue at once. */
        queuedConversationsPerIp: z.number().int().min(0).max(10_000).default(3),
      })
      .strict()
      .default({
        sessionsPerIpPerMinute: 30,
        messagesPerConversationPerMinute: 60,
        escalationTrialsPerUserPerMinute: 60,
        cannedReplyChangesPerUserPerMinute: 30,
        customerDataRequestsPerUserPerMinute: 30,
        customerUpdatesPerConversationPerMinute: 10,
        typingEventsPerConversationPerMinute: 120,
        conversationReadsPerConversationPerMinute: 60,
        catchUpsPerConversationPerMinute: 60,
        offlineMessagesPerIpPerMinute: 5,
        ratingsPerConversationPerMinute: 5,
        escalationsPerConversationPerMinute: 10,
        leavesPerConversationPerMinute: 10,
        eventsPerSocketPerMinute: 300,
        queuedConversationsPerIp: 3,
      }),
    realtime: z
      .object({
        /** Largest socket frame accepted, in bytes; bigger frames close the connection. */
        maxPayloadBytes: z.number().int().min(1024).max(1_048_576).default(16_384),
        pingIntervalMs: z.number().int().min(1000).max(300_000).default(25_000),
        pingTimeoutMs: z.number().int().min(1000).max(300_000).default(20_000),
        /**
         * How often open agent sockets are checked again: a logged-out session, a deactivated
         * user or a role without `read` is disconnected; a role that lost `chat` stops chatting.
         */
        accessRecheckMs: z.number().int().min(1000).max(3_600_000).default(60_000),
        /**
         * Several Strapi nodes: a Redis all of them reach (`redis://` or `rediss://`). Pushes
         * made on one node then reach sockets connected to any node. Unset: one node.
         */
        redisUrl: z
          .string()
          .regex(/^rediss?:\/\/\S+$/, 'a Redis URL such as redis://redis.internal:6379')
          .max(2000)
          .optional(),
        /**
         * Prefix of the Redis channels, so that several sites can share one Redis. Unset: derived
         * from the app and its database, so two sites never share one by accident.
         */
        redisChannelPrefix: z.string().min(1).max(100).optional(),
      })
      .strict()
      .default({
        maxPayloadBytes: 16_384,
        pingIntervalMs: 25_000,
        pingTimeoutMs: 20_000,
        accessRecheckMs: 60_000,
      }),
    database: z
      .object({
        /**
         * On a SQLite file: write-ahead logging with `synchronous=NORMAL` for the app's connection,
         * so a message costs no disk flush, and a 32 MiB page cache. Power loss may drop the last
         * commits, never corrupts.
         */
        sqliteTuning: z.boolean().default(true),
        /**
         * With `sqliteTuning`: the log is copied into the database file by a worker thread,
         * not inside a message's commit on the app's only connection.
         */
        sqliteBackgroundCheckpoints: z.boolean().default(true),
      })
      .strict()
      .default({ sqliteTuning: true, sqliteBackgroundCheckpoints: true }),
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
export type PluginConfigInput = z.input<typeof pluginConfigSchema>;

export const DEFAULT_PLUGIN_CONFIG: PluginConfig = pluginConfigSchema.parse({});

/** One line per problem, with the path into the config, so a site owner can fix it at once. */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

export function parsePluginConfig(input: unknown): PluginConfig {
  const result = pluginConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new Error(
      `Invalid configuration for plugin "live-support" (config/plugins, key "live-support".config):\n${describeZodIssues(result.error)}`,
    );
  }
  return result.data;
}
