import type { SupportedLanguage } from './conversation-status';

/**
 * The default wording of what the customer reads when something happens to their conversation,
 * in the conversation's language: system messages (part of the stored history), the fallback
 * bot's reply and the subject of an emailed answer. A site owner may reword each of them
 * (customer-texts.ts, which also renders them).
 */
export const SYSTEM_TEXTS = {
  queued: {
    fi: 'Yhdistän sinut asiakaspalvelijalle. Odotathan hetken.',
    en: 'Connecting you to a customer service agent. Please wait a moment.',
    sv: 'Jag kopplar dig till en kundtjänstmedarbetare. Vänta ett ögonblick.',
  },
  /** Escalated outside the opening hours. */
  offline_closed: {
    fi: 'Asiakaspalvelumme on nyt suljettu. Voit jättää viestin, niin palaamme asiaan.',
    en: 'Our customer service is closed now. You can leave a message and we will get back to you.',
    sv: 'Vår kundtjänst är stängd nu. Lämna ett meddelande så återkommer vi.',
  },
  /** Escalated while the queue is at its maximum length. */
  offline_queue_full: {
    fi: 'Kaikki asiakaspalvelijamme ovat juuri nyt varattuina. Voit jättää viestin, niin palaamme asiaan.',
    en: 'All our agents are busy right now. You can leave a message and we will get back to you.',
    sv: 'Alla våra kundtjänstmedarbetare är upptagna just nu. Lämna ett meddelande så återkommer vi.',
  },
  /** Escalated while no agent is online. */
  offline_no_agent: {
    fi: 'Asiakaspalvelijamme eivät ole juuri nyt tavoitettavissa. Voit jättää viestin, niin palaamme asiaan.',
    en: 'Our agents are not available right now. You can leave a message and we will get back to you.',
    sv: 'Våra kundtjänstmedarbetare är inte tillgängliga just nu. Lämna ett meddelande så återkommer vi.',
  },
  claimed: {
    fi: '{agentName} liittyi keskusteluun.',
    en: '{agentName} joined the conversation.',
    sv: '{agentName} anslöt till konversationen.',
  },
  transferred_to_queue: {
    fi: 'Keskustelu siirrettiin toiselle asiakaspalvelijalle. Odotathan hetken.',
    en: 'The conversation was transferred to another agent. Please wait a moment.',
    sv: 'Konversationen flyttades till en annan medarbetare. Vänta ett ögonblick.',
  },
  transferred_to_agent: {
    fi: 'Keskustelu siirrettiin asiakaspalvelijalle {agentName}.',
    en: 'The conversation was transferred to {agentName}.',
    sv: 'Konversationen flyttades till {agentName}.',
  },
  resolved: {
    fi: 'Keskustelu päättyi. Kiitos yhteydenotostasi!',
    en: 'The conversation has ended. Thank you for contacting us!',
    sv: 'Konversationen har avslutats. Tack för att du kontaktade oss!',
  },
  closed_inactive: {
    fi: 'Keskustelu suljettiin, koska siihen ei vastattu vähään aikaan. Voit aloittaa uuden keskustelun milloin tahansa.',
    en: 'The conversation was closed as there was no reply for a while. You can start a new one at any time.',
    sv: 'Konversationen stängdes eftersom ingen svarade på en stund. Du kan starta en ny när som helst.',
  },
  /** The subject of an agent's email answer to an offline message. */
  offline_reply_subject: {
    fi: 'Vastaus viestiisi',
    en: 'Reply to your message',
    sv: 'Svar på ditt meddelande',
  },
  default_bot_reply: {
    fi: 'Valitettavasti en osaa auttaa tässä asiassa. Haluatko puhua asiakaspalvelijan kanssa?',
    en: "Sorry, I can't help with that. Would you like to talk to a customer service agent?",
    sv: 'Tyvärr kan jag inte hjälpa till med det. Vill du prata med en kundtjänstmedarbetare?',
  },
} as const satisfies Record<string, Record<SupportedLanguage, string>>;

export type SystemTextKey = keyof typeof SYSTEM_TEXTS;
