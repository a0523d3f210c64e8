import type { Core } from '@strapi/strapi';

import type { EscalationTrial, EscalationTrialInput } from '../contracts/escalation-trial';
import { tryEscalation } from '../domain/escalation';
import { getService } from '../utils/get-service';

/**
 * "Try a sentence" for the site owner tuning escalation: what detection would decide for one
 * message, with the settings being edited or, without them, the saved ones. Reads nothing of
 * any conversation and changes nothing.
 */
const escalationTrialsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async trySentence({ text, language, escalation }: EscalationTrialInput): Promise<EscalationTrial> {
    const settings = escalation ?? (await getService('settings', { strapi }).get()).escalation;
    // One message on its own: the signals that read earlier messages see none.
    return tryEscalation({ text, language, previousCustomerMessages: [], settings });
  },
});

export default escalationTrialsService;
