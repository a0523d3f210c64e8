/**
 * The grammar lists escalation detection reads a message with (negation, words that follow a
 * person, request fillers, bot words, function words, scope breaks), in Finnish, English and
 * Swedish. Not editable by site owners: the matcher needs them as they are. The cues that make a
 * phrase ask for nobody (identity questions, reported contacts, declines, …) are in phrase-cues.ts.
 * Written the way people type; the matcher (text.ts) lower-cases, stems and folds diacritics on
 * both sides.
 * The editable defaults (phrases, keywords) and the negative words are in lexicon.ts.
 */
import type { PerLanguage } from './lexicon';
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
 * English writes its compounds apart: in "is there a person limit?", "a human element to the
 * check", "the human agent yesterday was great" or "a real person answered", the person word
 * qualifies the next word or is told about, not asked for. A phrase of several words fires only
 * when its last word ends the clause or is followed by a request filler, a function word or one of
 * these words that go on a request for a person ("someone who…", "a person I can call", "a human
 * being", "an agent on the phone", "someone else"). Finnish and Swedish write compounds as one
 * word ("henkilöraja", "personalrabatt"), so their lists are empty and the check is off.
 */
export const PERSON_FOLLOWERS: PerLanguage<readonly string[]> = {
  fi: [],
  en: [
    ...['i', 'we', 'you', 'he', 'she', 'they', 'who', 'that', 'which', 'whose', 'whom', 'it', 'this', 'there', 'here'],
    ...['at', 'in', 'on', 'from', 'about', 'by', 'over', 'via', 'like', 'than', 'regarding', 're', 'as', 'if', 'or'],
    ...['around', 'online', 'available', 'free', 'today', 'tonight', 'tomorrow', 'else', 'being', 'able', 'willing'],
    ...['working', 'urgently', 'personally', 'directly', 'quickly', 'soon', 'again', 'instead', 'first', 'not', 'pls'],
    ...['plz', 'thx', 'thanks', 'thank', 'already', 'asap', 'who', 'can', 'could', 'will', 'would', 'should', 'one'],
  ],
  sv: [],
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
    // "Do you have a human I can talk to?", as "is there a human I can talk to?" is a phrase.
    'do',
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
    // "Har ni en människa jag kan prata med?"
    ...['har', 'ni'],
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
