import { isUsableKnowledgeField, knowledgeSourceProblem, type KnowledgeContentType } from '../knowledge-source-rules';

const faq: KnowledgeContentType = {
  kind: 'collectionType',
  attributes: {
    question: { type: 'string' },
    answer: { type: 'richtext' },
    language: { type: 'enumeration' },
    authorEmail: { type: 'email' },
    secretNote: { type: 'text', private: true },
    passcode: { type: 'password' },
    views: { type: 'integer' },
  },
};

describe('which collections may feed the knowledge-base bot', () => {
  it('accepts the site’s own collection with text fields', () => {
    expect(knowledgeSourceProblem('api::faq.faq', faq, { titleField: 'question', bodyField: 'answer', languageField: 'language' })).toBeNull();
  });

  it('refuses another plugin’s or the admin’s collections, even when they exist', () => {
    const users: KnowledgeContentType = { kind: 'collectionType', attributes: { username: { type: 'string' } } };
    for (const uid of ['plugin::users-permissions.user', 'admin::user']) {
      expect(knowledgeSourceProblem(uid, users, { titleField: 'username', bodyField: 'username' })).toEqual({
        key: 'contentType',
        message: expect.stringContaining('api::'),
      });
    }
  });

  it('refuses a missing type and a single type', () => {
    expect(knowledgeSourceProblem('api::nothing.nothing', undefined, {})?.message).toBe('no collection type api::nothing.nothing');
    expect(knowledgeSourceProblem('api::home.home', { ...faq, kind: 'singleType' }, {})?.key).toBe('contentType');
  });

  it.each([
    ['bodyField', 'authorEmail', 'an email field'],
    ['titleField', 'secretNote', 'a private field'],
    ['bodyField', 'passcode', 'a password field'],
    ['bodyField', 'views', 'not a text field (integer)'],
    ['languageField', 'answer', 'not a text field (richtext)'],
    ['titleField', 'missing', 'no such field'],
  ] as const)('refuses %s "%s": %s', (role, field, reason) => {
    expect(knowledgeSourceProblem('api::faq.faq', faq, { [role]: field })).toEqual({
      key: role,
      message: `api::faq.faq field "${field}" cannot feed the bot: ${reason}`,
    });
  });

  it('offers in the admin exactly the fields it would accept', () => {
    const offered = Object.entries(faq.attributes)
      .filter(([, attribute]) => isUsableKnowledgeField('bodyField', attribute))
      .map(([name]) => name);
    expect(offered).toEqual(['question', 'answer']);
  });
});
