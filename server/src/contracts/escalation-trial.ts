import { z } from 'zod';

import { SUPPORTED_LANGUAGES } from './constants';
import { messageTextSchema } from './conversation';
import { escalationSettingsSchema } from './settings';

export type { EscalationTrial } from '../domain/escalation/trial';

/**
 * `POST /settings/escalation/try`: a message as a customer would write it, the conversation's
 * language, and optionally the escalation settings to try it with (the settings form's unsaved
 * values); without them the saved settings decide.
 */
export const escalationTrialSchema = z
  .object({
    text: messageTextSchema,
    language: z.enum(SUPPORTED_LANGUAGES),
    escalation: escalationSettingsSchema.optional(),
  })
  .strict();
export type EscalationTrialInput = z.infer<typeof escalationTrialSchema>;
