import en from '../translations/en.json';
import fi from '../translations/fi.json';
import sv from '../translations/sv.json';

/** The `{placeholders}` of an ICU message, sorted; plural and select bodies are not used here. */
const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the admin translations', () => {
  it.each([
    ['fi', fi],
    ['sv', sv],
  ] as const)('%s has exactly the English keys, with the same placeholders', (_locale, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    const english = en as Record<string, string>;
    const translated = messages as Record<string, string>;
    const mismatched = Object.keys(english).filter(
      (key) => placeholdersOf(english[key]).join() !== placeholdersOf(translated[key] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('translates rather than copies: most Finnish and Swedish texts differ from the English', () => {
    for (const messages of [fi, sv] as Array<Record<string, string>>) {
      const english = en as Record<string, string>;
      const copied = Object.keys(english).filter((key) => messages[key] === english[key] && /[a-z]{4}/.test(english[key]));
      // A few words are the same in every language (e.g. "VIP", product names).
      expect(copied.length).toBeLessThan(Object.keys(english).length * 0.05);
    }
  });
});
