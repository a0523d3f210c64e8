/**
 * Word lists for the frustration score (frustration.ts) besides NEGATIVE_WORDS (lexicon.ts): the
 * swearing, and what a negative word must be aimed at for one message to count as an outburst
 * ("botti on ihan turha", "this bot is useless", "värdelös bot", "mä en jaksa tätä paskaa").
 *
 * Like lexicon.ts, entries are written the way people type them; SWEAR_WORDS, BOT_TARGETS and
 * PRAISE_WORDS go through the stemming matcher (text.ts, matchesWord), so one entry covers its
 * inflections and spellings without ä/ö/å. The short function words (pronouns, copulas,
 * intensifiers) are compared as typed, diacritics kept: stemming and folding would merge them
 * with unrelated words (Swedish "här" folds to "har", has; English "you're" stems to "your").
 */
import { BOT_WORDS } from './grammar-lexicon';
import { type PerLanguage } from './lexicon';

/**
 * A modest swearing lexicon: the common forms, as people type them. Counted with the negative
 * words. Left out because they collide after stemming: Finnish "saatana" (see NEGATIVE_WORDS) and
 * "perseestä" (its stem "pers" begins "persikka", peach), English "hell" (begins "hello"), Swedish
 * "fasen" (also "the phase").
 */
export const SWEAR_WORDS: PerLanguage<readonly string[]> = {
  fi: ['paska', 'perkele', 'vittu', 'vituttaa', 'helvetti', 'hemmetti', 'jumalauta', 'saakeli', 'hitto'],
  en: ['fuck', 'fck', 'shit', 'bullshit', 'crap', 'damn', 'goddamn', 'wtf', 'ffs', 'pissed'],
  sv: ['skit', 'fan', 'jävla', 'jäkla', 'helvete', 'satan'],
};

/**
 * What a customer's anger is aimed at when it is aimed at us: the bot (BOT_WORDS), the chat or
 * the conversation, the service, and the bot's answers. "Tämä tuote on surkea" (the product) and
 * "the delivery was terrible" name none of these and stay single negative words.
 */
export const BOT_TARGETS: PerLanguage<readonly string[]> = {
  fi: [...BOT_WORDS.fi, 'chatti', 'keskustelu', 'palvelu', 'vastaus'],
  en: [...BOT_WORDS.en, 'chat', 'conversation', 'service', 'support', 'answer', 'reply', 'response'],
  sv: [...BOT_WORDS.sv, 'chatt', 'chatten', 'samtal', 'tjänst', 'service', 'support', 'svar'],
};

/** "You" said to the bot: "sä oot ihan turha", "you are useless", "du är värdelös". Compared as typed. */
export const SECOND_PERSON: PerLanguage<readonly string[]> = {
  fi: ['sinä', 'sä', 'te'],
  en: ['you', 'youre', 'u'],
  sv: ['du', 'ni'],
};

/**
 * "This" standing for the conversation itself: "tää on ihan turhaa", "this is pointless", "det
 * här är värdelöst", "fuck this". Compared as typed (a two-word entry as two words in a row), and
 * only when it stands alone (see frustration-aim.ts): "tämä tuote on surkea" is about the product.
 */
export const DEMONSTRATIVES: PerLanguage<readonly string[]> = {
  fi: ['tämä', 'tää', 'tätä', 'tän', 'tämän'],
  en: ['this', 'that', 'thats'],
  sv: ['detta', 'det här', 'den här'],
};

/** Forms of "to be" that may follow a demonstrative standing alone ("tää on", "this is", "det här är"). */
export const COPULAS: PerLanguage<readonly string[]> = {
  fi: ['on', 'oli', 'oo', 'o', 'ollut'],
  en: ['is', 'was', 's', 'are'],
  sv: ['är', 'e', 'var', 'blir'],
};

/**
 * Intensifiers and articles, skipped when measuring how far a negative word is from its target
 * ("botti on jo ihan täysin turha", "this bot is just so useless"). An intensifier before a
 * negative word standing alone makes it an exclamation: "ihan turhaa", "absolutely useless".
 */
export const INTENSIFIERS: PerLanguage<readonly string[]> = {
  fi: ['ihan', 'aivan', 'täysin', 'todella', 'tosi', 'niin', 'noin', 'jo', 'vaan', 'vain', 'kyllä', 'nyt', 'taas', 'totaalisen', 'täysi', 'täys'],
  en: ['so', 'really', 'totally', 'completely', 'absolutely', 'just', 'very', 'utterly', 'such', 'a', 'an', 'the', 'pretty', 'still', 'again'],
  sv: ['helt', 'totalt', 'så', 'verkligen', 'bara', 'ju', 'jätte', 'en', 'ett', 'väldigt', 'fullständigt'],
};

/**
 * Praise in the same clause means a swear word is an intensifier, not anger: "vitun hyvä
 * palvelu", "fucking great bot", "jävligt bra service", "skitbra chatt".
 */
export const PRAISE_WORDS: PerLanguage<readonly string[]> = {
  fi: ['hyvä', 'hyvin', 'loistava', 'mahtava', 'kiva', 'huippu', 'erinomainen', 'upea', 'paras', 'hieno', 'kätevä'],
  en: ['good', 'great', 'love', 'excellent', 'brilliant', 'amazing', 'awesome', 'perfect', 'nice', 'fantastic', 'best'],
  sv: ['bra', 'toppen', 'superbra', 'jättebra', 'skitbra', 'fantastisk', 'utmärkt', 'bäst', 'smidig'],
};
