/**
 * Every string the widget shows, in Finnish, English and Swedish. The loader only imports
 * `launcherTexts` and `pickLocale`, so the rest stays out of its bundle.
 */

import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './shared';

export const LOCALES = SUPPORTED_LANGUAGES;
export type Locale = SupportedLanguage;

/**
 * The first candidate that names an allowed language ("sv-FI" → "sv"), else the fallback.
 * Candidates in priority order: data-locale, init({ locale }), <html lang>, navigator.language.
 */
export function pickLocale(
  candidates: ReadonlyArray<string | null | undefined>,
  allowed: readonly string[] = LOCALES,
  fallback: Locale = 'fi',
): Locale {
  for (const candidate of candidates) {
    const language = (candidate || '').slice(0, 2).toLowerCase() as Locale;
    if (LOCALES.includes(language) && allowed.includes(language)) return language;
  }
  return fallback;
}

/** The launcher's accessible name: closed, open, and the unread count added to it. */
export type LauncherTexts = [open: string, close: string, unread: (count: number) => string];

export const launcherTexts: Record<Locale, LauncherTexts> = {
  fi: ['Avaa chat', 'Sulje chat', (count) => (count > 1 ? `${count} uutta viestiä` : '1 uusi viesti')],
  en: ['Open chat', 'Close chat', (count) => (count > 1 ? `${count} new messages` : '1 new message')],
  sv: ['Öppna chatten', 'Stäng chatten', (count) => (count > 1 ? `${count} nya meddelanden` : '1 nytt meddelande')],
};

/**
 * The texts a site owner may reword carry the names of the server's catalogue
 * (domain/customer-texts: `rating_prompt`, …), so that the owner's wording lays over them by name.
 */
export interface AppTexts {
  /** Used when the server's settings give no title or welcome. */
  title: string;
  welcome: string;
  minimize: string;
  /** Authors, read out before each message. */
  you: string;
  bot: string;
  agent: string;
  system: string;
  placeholder: string;
  send: string;
  /** The button of a message that could not be sent. */
  retry: string;
  escalate: string;
  leaveQueue: string;
  /** The queue position and the estimated wait in whole minutes, when known (0: any moment now). */
  queue: (position: number | null, minutes: number | null) => string;
  typing: (name: string | null) => string;
  closed: (nextOpening: string | null) => string;
  reconnecting: string;
  error: string;
  /** The customer's address already has as many chats waiting in the queue as it may. */
  tooManyQueued: string;
  rating_prompt: string;
  comment: string;
  rating_thanks: string;
  newConversation: string;
  left_queue: string;
  offline_form_intro: string;
  ended: string;
  /** The maximum wait is reached: the offline form is offered, the place kept. */
  longWait: string;
  name: string;
  email: string;
  phone: string;
  offlineInvalid: string;
  offline_sent: string;
}

export const appTexts: Record<Locale, AppTexts> = {
  fi: {
    title: 'Asiakaspalvelu',
    welcome: 'Hei! Miten voimme auttaa?',
    minimize: 'Pienennä',
    you: 'Sinä',
    bot: 'Botti',
    agent: 'Asiakaspalvelija',
    system: 'Ilmoitus',
    placeholder: 'Kirjoita viesti',
    send: 'Lähetä',
    retry: 'Ei lähetetty. Yritä uudelleen',
    escalate: 'Puhu asiakaspalvelijan kanssa',
    leaveQueue: 'Poistu jonosta',
    queue: (position, minutes) =>
      position
        ? `Olet jonossa sijalla ${position}` + (minutes ? `, odotusaika noin ${minutes} min.` : minutes === 0 ? ', vuorosi tulee aivan pian.' : '.')
        : 'Odotat asiakaspalvelijaa.',
    typing: (name) => `${name || 'Asiakaspalvelija'} kirjoittaa…`,
    closed: (next) => `Asiakaspalvelu on nyt suljettu${next ? `, avaamme ${next}` : ''}.`,
    reconnecting: 'Yhdistetään uudelleen…',
    error: 'Jokin meni vikaan. Yritä uudelleen.',
    tooManyQueued: 'Osoitteestasi on jo liian monta jonossa.',
    rating_prompt: 'Miten onnistuimme? (1–5)',
    comment: 'Kommentti (vapaaehtoinen)',
    rating_thanks: 'Kiitos palautteestasi!',
    newConversation: 'Aloita uusi keskustelu',
    left_queue: 'Poistuit jonosta.',
    offline_form_intro: 'Jätä viesti, niin vastaamme pian.',
    ended: 'Keskustelu päättyi.',
    longWait: 'Odotus venyy. Voit jättää viestin tai jatkaa jonossa.',
    name: 'Nimi (vapaaehtoinen)',
    email: 'Sähköposti',
    phone: 'Puhelin',
    offlineInvalid: 'Kirjoita viesti ja anna sähköposti tai puhelinnumero.',
    offline_sent: 'Kiitos! Viestisi on lähetetty.',
  },
  en: {
    title: 'Customer service',
    welcome: 'Hi! How can we help?',
    minimize: 'Minimize',
    you: 'You',
    bot: 'Bot',
    agent: 'Agent',
    system: 'Notice',
    placeholder: 'Write a message',
    send: 'Send',
    retry: 'Not sent. Try again',
    escalate: 'Talk to a person',
    leaveQueue: 'Leave the queue',
    queue: (position, minutes) =>
      position
        ? `You are number ${position} in the queue` +
          (minutes ? `, about ${minutes} minute${minutes > 1 ? 's' : ''}.` : minutes === 0 ? ', any moment now.' : '.')
        : 'You are waiting for an agent.',
    typing: (name) => `${name || 'The agent'} is typing…`,
    closed: (next) => `Customer service is closed now${next ? `; we open ${next}` : ''}.`,
    reconnecting: 'Reconnecting…',
    error: 'Something went wrong. Try again.',
    tooManyQueued: 'Your address has too many chats queued.',
    rating_prompt: 'How did we do? (1–5)',
    comment: 'Comment (optional)',
    rating_thanks: 'Thank you for your feedback!',
    newConversation: 'Start a new conversation',
    left_queue: 'You left the queue.',
    offline_form_intro: 'Leave a message and we will get back to you.',
    ended: 'The conversation has ended.',
    longWait: 'The wait is long. Leave a message, or keep your place.',
    name: 'Name (optional)',
    email: 'Email',
    phone: 'Phone',
    offlineInvalid: 'Write a message and give an email or a phone number.',
    offline_sent: 'Thank you! We received your message.',
  },
  sv: {
    title: 'Kundtjänst',
    welcome: 'Hej! Hur kan vi hjälpa till?',
    minimize: 'Minimera',
    you: 'Du',
    bot: 'Bot',
    agent: 'Kundtjänst',
    system: 'Meddelande',
    placeholder: 'Skriv ett meddelande',
    send: 'Skicka',
    retry: 'Inte skickat. Försök igen',
    escalate: 'Prata med en människa',
    leaveQueue: 'Lämna kön',
    queue: (position, minutes) =>
      position
        ? `Du är nummer ${position} i kön` + (minutes ? `, cirka ${minutes} min.` : minutes === 0 ? ', snart är det din tur.' : '.')
        : 'Du väntar på kundtjänst.',
    typing: (name) => `${name || 'Kundtjänst'} skriver…`,
    closed: (next) => `Kundtjänsten är stängd nu${next ? `, vi öppnar ${next}` : ''}.`,
    reconnecting: 'Ansluter igen…',
    error: 'Något gick fel. Försök igen.',
    tooManyQueued: 'Din adress har för många chattar i kön.',
    rating_prompt: 'Hur gick det? (1–5)',
    comment: 'Kommentar (frivillig)',
    rating_thanks: 'Tack för din feedback!',
    newConversation: 'Starta en ny konversation',
    left_queue: 'Du lämnade kön.',
    offline_form_intro: 'Lämna ett meddelande så hör vi av oss.',
    ended: 'Samtalet har avslutats.',
    longWait: 'Väntan är lång. Lämna ett meddelande eller behåll din plats.',
    name: 'Namn (frivilligt)',
    email: 'E-post',
    phone: 'Telefon',
    offlineInvalid: 'Skriv ett meddelande och ange e-post eller telefon.',
    offline_sent: 'Tack! Vi har fått ditt meddelande.',
  },
};

/** Whole minutes, rounded up, for "about 4 minutes"; null when there is no estimate. */
export function waitMinutes(seconds: number | null | undefined): number | null {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return null;
  return Math.max(1, Math.ceil(seconds / 60));
}
