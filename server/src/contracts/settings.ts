import { z } from 'zod';

/** What site owners change at run time; stored in the plugin store, applied without restart. */
export const queueSettingsSchema = z
  .object({
    /** Waiting conversations beyond this send new escalations to the offline flow. */
    maxQueueLength: z.number().int().min(1).max(1000).default(20),
    /** Simultaneous active chats per agent. */
    seatsPerAgent: z.number().int().min(1).max(50).default(3),
    /** Whether customers see the estimated wait (their position is always shown). */
    showEstimatedWait: z.boolean().default(true),
    /** Estimate used while there is too little history of real waits. */
    defaultWaitSeconds: z.number().int().min(0).max(86_400).default(120),
    /** Follow the opening hours; off means live support is available whenever agents are. */
    enforceOpeningHours: z.boolean().default(true),
    /**
     * Send escalations to the offline flow when no agent is online, rather than leave the
     * customer waiting for nobody.
     */
    requireOnlineAgent: z.boolean().default(true),
  })
  .strict();

export const settingsSchema = z
  .object({
    queue: queueSettingsSchema.default(queueSettingsSchema.parse({})),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type QueueSettings = z.infer<typeof queueSettingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A PUT body: any subset of sections and keys; what is left out keeps its current value. */
export const settingsUpdateSchema = z
  .object({
    queue: queueSettingsSchema.partial().strict().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
