/**
 * The grammar lists escalation detection reads a message with (negation, identity questions,
 * reported contacts, declines, words that follow a person, request fillers, bot words, function
 * words, scope breaks), in Finnish, English and Swedish. Not editable by site owners: the matcher needs them as they are.
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
  fi: [
    ...['puhuin', 'puhuimme', 'keskustelin', 'keskustelimme', 'juttelin', 'juttelimme', 'olin yhteydessä', 'olimme yhteydessä'],
    // The perfect: "olen jo puhunut ihmisen kanssa".
    ...['puhunut', 'puhuneet', 'keskustellut', 'keskustelleet', 'jutellut', 'jutelleet', 'ollut yhteydessä'],
  ],
  en: ['spoke', 'spoken', 'talked', 'chatted', 'was talking', 'was speaking', 'was chatting'],
  sv: [
    ...['pratade', 'talade', 'chattade', 'snackade', 'var i kontakt', 'hade kontakt'],
    // The perfect: "jag har redan pratat med en människa".
    ...['pratat', 'talat', 'chattat', 'snackat', 'varit i kontakt', 'haft kontakt'],
  ],
};

/**
 * A question whether a person is needed is about the process, not a request: "do I need to talk
 * to a person to cancel?", "pitääkö minun soittaa asiakaspalveluun?", "måste jag prata med en
 * person?". A phrase starting with, or shortly after, one of these in the same clause does not
 * fire. Swedish cues count only when they open a clause: with the verb second, "nu behöver jag
 * prata med en människa" (now I need to…) is a request.
 */
export const NECESSITY_QUESTION_CUES: PerLanguage<readonly string[]> = {
  fi: [
    ...['pitääkö minun', 'pitääkö mun', 'täytyykö minun', 'täytyykö mun', 'tarvitseeko minun', 'tarviiko mun'],
    ...['pitääkö meidän', 'täytyykö meidän', 'tarvitseeko meidän', 'onko pakko', 'onko minun pakko', 'onko mun pakko'],
  ],
  en: [
    ...['do i need to', 'do i have to', 'do i need a', 'must i', 'should i', 'is it necessary to', 'is it necessary that'],
    ...['do we need to', 'do we have to', 'does one have to', 'does one need to', 'is it mandatory to'],
  ],
  sv: ['måste jag', 'behöver jag', 'ska jag behöva', 'måste man', 'behöver man', 'måste vi', 'behöver vi'],
};

/** Languages whose necessity-question cues count only at the start of a clause (see above). */
export const NECESSITY_QUESTION_OPENS_CLAUSE: PerLanguage<boolean> = { fi: false, en: false, sv: true };

/**
 * A person phrase offered and turned down in the next breath: "talk to a human? nah, I'm good",
 * "ihminen? ei kiitos", "prata med någon? nej tack". A cue that opens a clause after the phrase's
 * clause refuses it. Only answers that decline are listed: "no need" or "ei tarvitse" could open
 * "no need for more links, I want a person".
 */
export const DECLINE_CUES: PerLanguage<readonly string[]> = {
  fi: ['ei kiitos', 'ei kiitti', 'eipä kiitos', 'ei sittenkään', 'en sittenkään'],
  en: ['no thanks', 'no thank you', 'nah', 'nope', 'never mind', 'nevermind', 'im good', 'im fine'],
  sv: ['nej tack', 'nä tack', 'nej då', 'strunt i det', 'glöm det'],
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
