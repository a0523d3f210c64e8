/**
 * Word lists for escalation detection (docs/product.md#how-an-escalation-starts), in Finnish, English and Swedish.
 *
 * Everything here is written the way people type it; the matcher (text.ts) lower-cases, stems and
 * folds diacritics on both sides, so one entry covers its inflected forms, capitals and spellings
 * without ä/ö/å. The phrase and keyword lists are only defaults: the site owner edits them in the
 * settings. The grammar the matcher needs (negation, fillers, function words, …) is in
 * grammar-lexicon.ts and is not editable.
 */
import type { SupportedLanguage } from '../conversation-status';

export type LexiconLanguage = SupportedLanguage;
export type PerLanguage<T> = Readonly<Record<LexiconLanguage, T>>;

/**
 * "The customer asks for a human." A phrase is a sequence of words matched in order with small
 * gaps (see detect.ts). A phrase of ONE content word ("ihminen", "human", "människa") fires only
 * when the rest of its clause is request filler ("haluan ihmisen", "a human please"), so that
 * "ihmiset ovat mukavia" or "human resources department address?" do not escalate. Phrases of two
 * or more content words fire wherever they occur (unless negated), so they are kept specific.
 *
 * Dissatisfaction with the bot ("en ole tyytyväinen bottiin", docs/product.md#how-an-escalation-starts) is in these lists too:
 * a customer who says so is asking, in effect, for someone else.
 */
export const DEFAULT_PHRASES: PerLanguage<readonly string[]> = {
  fi: [
    // One word: fires in a clause of request filler ("ihminen kiitos", "haluan asiakaspalvelijan").
    'ihminen',
    'asiakaspalvelija',
    'asiakaspalvelu',
    'myyjä',
    'työntekijä',
    'esimies',
    'henkilö',
    'neuvoja',
    // Two or more words: fire anywhere in the message.
    'ihmisen kanssa',
    'puhua ihmiselle',
    'puhua jonkun kanssa',
    'jutella jonkun kanssa',
    'oikea ihminen',
    'oikea henkilö',
    'asiakaspalvelijan kanssa',
    'puhua asiakaspalvelijalle',
    'asiakaspalvelun kanssa',
    'yhdistä asiakaspalveluun',
    'siirrä asiakaspalveluun',
    'en ole tyytyväinen',
    'et ymmärrä',
    'botti ei ymmärrä',
    'ei auta',
    'et auta',
    'ei osaa auttaa',
    'et osaa auttaa',
  ],
  en: [
    'human',
    'agent',
    'person',
    'operator',
    'representative',
    'manager',
    'supervisor',
    'staff',
    'adviser',
    'advisor',
    'talk to a human',
    'speak to a human',
    'talk to a person',
    'speak to a person',
    'real person',
    'real human',
    'live agent',
    'human agent',
    'talk to someone',
    'speak to someone',
    'speak with someone',
    'talk to customer service',
    'speak to customer service',
    'connect me to customer service',
    'transfer me to an agent',
    'transfer me to a human',
    'connect me to an agent',
    'connect me to a human',
    'is there a human',
    'is there a person',
    'is there someone',
    'is there anyone',
    'not happy',
    'not satisfied',
    'not helpful',
    "you don't understand",
    'you do not understand',
  ],
  sv: [
    'människa',
    'person',
    'kundtjänst',
    'handläggare',
    'personal',
    'chef',
    'rådgivare',
    'medarbetare',
    'prata med en människa',
    'tala med en människa',
    'prata med en person',
    'riktig människa',
    'riktig person',
    'prata med kundtjänst',
    'prata med någon',
    'inte nöjd',
    'du förstår inte',
    'hjälper inte',
  ],
};

/**
 * Keywords that escalate wherever they appear (unless negated right before: "no complaints",
 * "ei valituksia", "inga klagomål"). One list for all languages, because the site owner thinks of
 * them as "words that must reach a person", not per language.
 *
 * Chosen: the words for a formal complaint or a product claim, and the consumer-dispute bodies a
 * customer names when a complaint is getting serious. A bot should not try to handle these.
 *
 * Left out on purpose:
 * - refunds ("hyvitys", "refund", "återbetalning"): "how do refunds work?" is an FAQ the bot
 *   answers well; escalating every refund question would flood the queue. A refund the bot cannot
 *   sort out shows up as failed answers or frustration instead.
 * - the Finnish verb "valittaa" (to complain): its stem "valit" is also the stem of "valita"
 *   (to choose: "valitse koko"), so it would fire on ordinary shop questions.
 */
export const DEFAULT_KEYWORDS: readonly string[] = [
  'valitus',
  'reklamaatio',
  'reklamoida',
  'kuluttajariitalautakunta',
  'complaint',
  'complain',
  'klagomål',
  'klaga',
  'reklamation',
  'reklamera',
  'reklamationsnämnden',
];

/**
 * Words that signal frustration (frustration.ts), one entry per word family. Kept to words that
 * are negative in any context of a support chat; words that are only negative in some sentences
 * ("slow", "hidas") are left out. Negation is not read for the count: "not bad" still counts
 * "bad" (it is read before a word counts as aimed at the bot, frustration-aim.ts). The swearing
 * is in frustration-lexicon.ts (SWEAR_WORDS) and is counted with these.
 *
 * Words of uselessness ("turha", "hyödytön", "useless", "pointless", "värdelös", "meningslös")
 * are here too: aimed at the bot or the service they make one message an outburst.
 *
 * Left out because they collide with ordinary words after stemming: "saatana" (its stem "saata"
 * begins "saatavilla", available), "vihaan" (its stem "viha" begins "vihannes", vegetable),
 * English "dumb" (begins "dumbbell") and Swedish "kass" (begins "kassa", the till).
 */
export const NEGATIVE_WORDS: PerLanguage<readonly string[]> = {
  fi: [
    'huono',
    'ärsyttää',
    'raivostuttaa',
    'raivo',
    'tyhmä',
    'idiootti',
    'kamala',
    'kauhea',
    'järkyttävä',
    'pettynyt',
    'pettymys',
    'kyllästynyt',
    'vihainen',
    'suuttunut',
    'turhauttaa',
    // Uselessness.
    'surkea',
    'turha',
    'hyödytön',
    'naurettava',
    'säälittävä',
    'toivoton',
    'kelvoton',
    'ajanhukka',
    'ajantuhlaus',
  ],
  en: [
    'terrible',
    'awful',
    'horrible',
    'stupid',
    'idiot',
    'hate',
    'annoying',
    'annoyed',
    'frustrated',
    'frustrating',
    'angry',
    'worst',
    'disappointed',
    'unacceptable',
    // Uselessness.
    'useless',
    'pointless',
    'worthless',
    'hopeless',
    'ridiculous',
    'pathetic',
    'garbage',
    'rubbish',
    'sucks',
  ],
  sv: [
    'dålig',
    'hemsk',
    'förbannad',
    'arg',
    'irriterad',
    'irriterande',
    'dum',
    'idiot',
    'besviken',
    'sämst',
    'katastrof',
    'frustrerad',
    // Uselessness.
    'värdelös',
    'meningslös',
    'oanvändbar',
    'hopplös',
    'usel',
    'urusel',
    'löjlig',
    'patetisk',
    'bedrövlig',
    'tidsslöseri',
  ],
};
