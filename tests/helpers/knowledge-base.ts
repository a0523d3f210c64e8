/**
 * Bot settings for the playground's FAQ (api::faq.faq): localized, one version per locale (en
 * is the default; the seed adds fi-FI and sv-SE), so the locale says an entry's language.
 */
export const FAQ_BOT_SETTINGS = {
  provider: 'auto',
  knowledgeBase: { contentType: 'api::faq.faq', titleField: 'question', bodyField: 'answer', languageField: null },
};
