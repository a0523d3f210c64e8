/**
 * Word lists for escalation detection (docs/product.md#how-an-escalation-starts), in Finnish, English and Swedish.
 *
 * Everything here is written the way people type it; the matcher (text.ts) lower-cases, stems and
 * folds diacritics on both sides, so one entry covers its inflected forms, capitals and spellings
 * without ä/ö/å. The phrase and keyword lists are only defaults: the site owner edits them in the
 * settings. The other lists (negation, fillers, function words, …) are the grammar the matcher
 * needs and are not editable.
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

/**
 * Negation cues: a phrase or keyword preceded by one of these in the same clause does not fire
 * ("en tarvitse ihmistä", "I don't want to talk to a person", "jag behöver inte prata med en
 * människa"). Written after normalisation: apostrophes are dropped, so "don't" is "dont".
 * Multi-word cues are listed where they read better in the docs; their last word alone is usually
 * a cue too.
 *
 * Not cues on purpose: "can't"/"en saa"/"kan inte" would be for English alone, but "I can't get an
 * answer, I want a human" is exactly when to escalate, so "cant"/"cannot" are left out.
 */
export const NEGATION_CUES: PerLanguage<readonly string[]> = {
  fi: [
    'en',
    'et',
    'ei',
    'emme',
    'ette',
    'eivät',
    'enkä',
    'etkä',
    'eikä',
    'emmekä',
    'ettekä',
    'eivätkä',
    'etten',
    'ettet',
    'ettei',
    'älä',
    'älkää',
    'ilman',
    'ei tarvitse',
  ],
  en: [
    'no',
    'not',
    'never',
    'dont',
    'doesnt',
    'didnt',
    'wont',
    'wouldnt',
    'shouldnt',
    'neednt',
    'isnt',
    'arent',
    'without',
    'nor',
    'no need',
  ],
  sv: ['inte', 'ej', 'icke', 'ingen', 'inget', 'inga', 'aldrig', 'slipper', 'behöver inte', 'vill inte'],
};

/**
 * Questions about whether the bot is a person are not requests for one: "oletko ihminen?", "am I
 * talking to a human?", "är du en människa?". A phrase preceded by (or starting with) one of these
 * in the same clause does not fire. "Is there a human I can talk to?" is a request and is not
 * listed.
 */
export const IDENTITY_QUESTION_CUES: PerLanguage<readonly string[]> = {
  fi: ['oletko', 'olenko', 'puhunko', 'juttelenko', 'keskustelenko', 'chattailenko', 'onko tämä', 'onko tää'],
  en: [
    'am i talking',
    'am i speaking',
    'am i chatting',
    'are you a',
    'are you human',
    'are you real',
    'is this a',
    'is this real',
    'is it a',
    'is that a',
  ],
  sv: ['pratar jag', 'talar jag', 'chattar jag', 'är du', 'är det en', 'är detta en'],
};

/**
 * A contact the customer reports, not one they ask for: "puhuin eilen asiakaspalvelijanne kanssa",
 * "I spoke to a human yesterday", "jag pratade med en människa hos er". A phrase that starts with,
 * or follows shortly in the same clause, one of these past-tense verbs does not fire. Only talking
 * verbs are listed: "I called three times, I want a person" is a request.
 */
export const PAST_CONTACT_CUES: PerLanguage<readonly string[]> = {
  fi: ['puhuin', 'puhuimme', 'keskustelin', 'keskustelimme', 'juttelin', 'juttelimme', 'olin yhteydessä', 'olimme yhteydessä'],
  en: ['spoke', 'talked', 'chatted', 'was talking', 'was speaking', 'was chatting'],
  sv: ['pratade', 'talade', 'chattade', 'snackade', 'var i kontakt', 'hade kontakt'],
};

/**
 * Request filler: words that may surround a one-word phrase and still leave the message a plain
 * request for a person ("ihminen kiitos", "voisinko saada ihmisen", "can I get a human please",
 * "jag vill ha en människa tack"). Inflected forms are listed where the stemmer does not join them.
 */
export const REQUEST_FILLERS: PerLanguage<readonly string[]> = {
  fi: [
    'haluan',
    'haluaisin',
    'halusin',
    'tarvitsen',
    'tarvitsisin',
    'voisinko',
    'voinko',
    'voisiko',
    'voisitteko',
    'voitteko',
    'saisinko',
    'saanko',
    'saada',
    'anna',
    'antakaa',
    'yhdistä',
    'yhdistäkää',
    'yhdistää',
    'siirrä',
    'siirtäkää',
    'siirtää',
    'ohjaa',
    'ohjatkaa',
    'minut',
    'minulle',
    'mulle',
    'mut',
    'minä',
    'mä',
    'mie',
    'oikea',
    'oikean',
    'oikealle',
    'oikeaa',
    'oikeasti',
    'elävä',
    'elävän',
    'elävälle',
    'kiitos',
    'kiitti',
    'kiitoksia',
    'pliis',
    'please',
    'nyt',
    'heti',
    'hei',
    'moi',
    'moikka',
    'terve',
    'jooko',
    'kanssa',
    'puhua',
    'puhumaan',
    'jutella',
    'juttelemaan',
    'keskustella',
    'keskustelemaan',
    'apua',
    'chat',
    'chatti',
    'ystävällisesti',
  ],
  en: [
    'i',
    'im',
    'id',
    'me',
    'my',
    'you',
    'a',
    'an',
    'the',
    'to',
    'with',
    'please',
    'pls',
    'plz',
    'now',
    'asap',
    'right',
    'immediately',
    'just',
    'want',
    'wanna',
    'need',
    'would',
    'like',
    'can',
    'could',
    'may',
    'get',
    'give',
    'have',
    'let',
    'talk',
    'speak',
    'chat',
    'connect',
    'transfer',
    'put',
    'through',
    'real',
    'actual',
    'live',
    'proper',
    'help',
    'hi',
    'hello',
    'hey',
    'ok',
    'okay',
    'yes',
    'thanks',
    'thank',
    'some',
  ],
  sv: [
    'jag',
    'vill',
    'ha',
    'skulle',
    'vilja',
    'kan',
    'kunna',
    'få',
    'prata',
    'tala',
    'snacka',
    'chatta',
    'med',
    'en',
    'ett',
    'tack',
    'snälla',
    'nu',
    'genast',
    'direkt',
    'hej',
    'hallå',
    'riktig',
    'riktiga',
    'levande',
    'verklig',
    'behöver',
    'gärna',
    'ge',
    'mig',
    'koppla',
    'till',
    'någon',
    'hjälp',
  ],
};

/**
 * Words for the bot itself. After a negation they do not stop a one-word request: "haluan ihmisen
 * enkä bottia", "a human not a bot", "en människa, inte en bot" (detect.ts, isPlainRequest).
 */
export const BOT_WORDS: PerLanguage<readonly string[]> = {
  fi: ['botti', 'robotti', 'chatbotti', 'chatbot', 'kone', 'tekoäly'],
  en: ['bot', 'robot', 'chatbot', 'machine', 'ai'],
  sv: ['bot', 'boten', 'robot', 'robott', 'chattbot', 'chatbot', 'maskin'],
};

/**
 * Function words: optional inside a phrase and not counted in the gap between phrase words, so that
 * "talk to a human" also matches "talk with an actual human". Kept short; Finnish barely needs it
 * because its cases are endings, which the stemmer handles. "kanssa" (with) is NOT here: in
 * "ihmisen kanssa" it carries the meaning.
 */
export const FUNCTION_WORDS: PerLanguage<readonly string[]> = {
  fi: ['nyt', 'vain', 'ihan', 'sitten', 'kyllä'],
  en: ['a', 'an', 'the', 'to', 'with', 'for', 'of', 'me', 'my', 'some', 'just', 'please'],
  sv: ['en', 'ett', 'med', 'till', 'att', 'den', 'det', 'min', 'mig', 'lite', 'bara'],
};

/**
 * Words that end a negation's reach, like a comma does: "en ymmärrä mutta haluan ihmisen",
 * "not the bot but a human", "inte boten utan en människa".
 */
export const SCOPE_BREAK_WORDS: PerLanguage<readonly string[]> = {
  fi: ['mutta', 'vaan', 'joten', 'koska', 'ja', 'kun', 'sillä'],
  en: ['but', 'so', 'because', 'and', 'however', 'though', 'although'],
  sv: ['men', 'utan', 'så', 'eftersom', 'och'],
};
