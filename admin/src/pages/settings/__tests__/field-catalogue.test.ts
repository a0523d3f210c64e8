import { DEFAULT_SETTINGS, toSettingsView } from '../../../../../server/src/contracts/settings';
import { CUSTOMER_TEXT_KEYS, LIST_LIMITS, NUMBER_LIMITS, SUPPORTED_LANGUAGES, TEXT_LIMITS } from '../../../shared';
import en from '../../../translations/en.json';
import { describeField, SETTING_FIELD_PATHS, SETTING_FIELDS } from '../field-catalogue';
import { toFormValues } from '../model';

const english = en as Record<string, string>;

/** The dotted paths of every value the form holds. */
const leafPaths = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

describe('the settings field catalogue', () => {
  it('has one field for every value the form edits', () => {
    // The customer texts have their own section, a field per text and language of the texts' catalogue (below).
    // `secretSet` says whether a write-only secret is stored: shown in a hint, never edited.
    const edited = leafPaths(toFormValues(toSettingsView(DEFAULT_SETTINGS))).filter(
      (path) => path !== 'bot.webhook.secretSet' && path !== 'identity.secretSet' && !path.startsWith('texts.'),
    );
    expect([...SETTING_FIELD_PATHS].sort()).toEqual(edited.sort());
  });

  it('holds every customer text in every language, each with a translated label', () => {
    const texts = leafPaths(toFormValues(toSettingsView(DEFAULT_SETTINGS))).filter((path) => path.startsWith('texts.'));
    expect(texts.sort()).toEqual(CUSTOMER_TEXT_KEYS.flatMap((key) => SUPPORTED_LANGUAGES.map((language) => `texts.${key}.${language}`)).sort());
    for (const key of CUSTOMER_TEXT_KEYS) expect(english[`settings.texts.${key}.label`]).toBeTruthy();
  });

  it('edits numbers and lists where the shared limits have them, and texts where they limit a length', () => {
    const pathsOf = (kind: string) => SETTING_FIELD_PATHS.filter((path) => SETTING_FIELDS[path].kind === kind).sort();
    expect(pathsOf('number')).toEqual(Object.keys(NUMBER_LIMITS).sort());
    expect(pathsOf('list')).toEqual(Object.keys(LIST_LIMITS).sort());
    for (const path of Object.keys(TEXT_LIMITS)) expect(SETTING_FIELD_PATHS).toContain(path);
  });

  it('finds every label, hint and range text it derives in the translations', () => {
    const ids = SETTING_FIELD_PATHS.flatMap((path) => {
      const field = describeField(path);
      return [field.label.id, field.hint.id, ...(field.range ? [field.range.id] : [])];
    });
    ids.push(describeField('bot.webhook.secret', 'hintSet').hint.id, `settings.${describeField('widget.primaryColor').messagePath}.picker`);
    const sections = ['queue', 'escalation', 'bot', 'widget'];
    const groups = ['escalation.phrases', 'escalation.keywords', 'escalation.failedAnswers', 'escalation.frustration', 'escalation.intent', 'bot.knowledgeBase', 'bot.webhook'];
    ids.push(...sections.flatMap((name) => [`settings.${name}.title`, `settings.${name}.description`]));
    ids.push(...groups.map((name) => `settings.${name}.title`));
    ids.push(...['fi', 'en', 'sv'].map((language) => `settings.language.${language}`));
    expect(ids.filter((id) => english[id] === undefined)).toEqual([]);
  });

  it('names the language of a per-language field in its label, and quotes its limits in the hint', () => {
    const title = describeField('widget.texts.sv.title');
    expect(title).toMatchObject({
      kind: 'text',
      language: 'sv',
      label: { id: 'settings.widget.texts.title.label' },
      hint: { id: 'settings.widget.texts.title.hint', values: { min: 1, max: 60 } },
      range: null,
      required: true,
    });
    expect(english[title.label.id]).toContain('{language}');
    expect(english[title.hint.id]).toContain('{max}');
    expect(describeField('escalation.phrases.lists.fi')).toMatchObject({
      kind: 'list',
      language: 'fi',
      label: { id: 'settings.escalation.phrases.lists.label' },
      range: { id: 'settings.hint.list', values: { max: 200 } },
    });
  });

  it('adds the range of a number, and marks only texts that cannot be empty as required', () => {
    expect(describeField('queue.maxQueueLength')).toMatchObject({
      kind: 'number',
      language: null,
      label: { id: 'settings.queue.maxQueueLength.label' },
      hint: { id: 'settings.queue.maxQueueLength.hint' },
      range: { id: 'settings.hint.range', values: { min: 1, max: 1000 } },
      required: false,
    });
    const required = SETTING_FIELD_PATHS.filter((path) => describeField(path).required);
    expect(required.sort()).toEqual(
      ['bot.knowledgeBase.titleField', 'bot.knowledgeBase.bodyField', ...['fi', 'en', 'sv'].flatMap((l) => [`widget.texts.${l}.title`, `widget.texts.${l}.welcome`])].sort(),
    );
  });
});
