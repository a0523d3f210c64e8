import {
  DEFAULT_SETTINGS,
  settingsSchema,
  settingsUpdateSchema,
  toSettingsView,
  type Settings,
} from '../../../../../server/src/contracts/settings';
import { LIST_LIMITS, TEXT_LIMITS, type ListLimit, type TextLimit } from '../../../shared';
import { toFormValues, type SettingsFormValues } from '../model';
import { validateForm } from '../validate';

/**
 * The form and the server check the same limits: a value at each limit passes both, a value just
 * past it is refused by the server's schemas (stored settings and PUT body) and flagged by the
 * form before anything is sent. Numbers are proved in settings-form.test.ts.
 */
const DEFAULT_VIEW = toSettingsView(DEFAULT_SETTINGS);

const setIn = (target: object, path: string, value: unknown): void => {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, target as Record<string, unknown>);
  parent[last] = value;
};

/** Whether the server takes `value` at `path`, both as stored settings and as a PUT body. */
const serverAccepts = (path: string, value: unknown): boolean => {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  setIn(settings, path, value);
  return settingsSchema.safeParse(settings).success && settingsUpdateSchema.safeParse(settings).success;
};

/** Whether the form marks the field at `path` when it holds `input`. */
const formFlags = (path: string, input: unknown): boolean => {
  const values: SettingsFormValues = toFormValues(DEFAULT_VIEW);
  setIn(values, path, input);
  return validateForm(values).some((issue) => issue.path === path);
};

/** A valid domain name of exactly `length` characters: labels of at most 63, then `.com`. */
const domainOfLength = (length: number): string => {
  const labels: string[] = [];
  let left = length - 'com'.length;
  while (left > 0) {
    let label = Math.min(63, left - 1);
    if (left - (label + 1) === 1) label -= 1; // never leave room for a lone dot
    labels.push('a'.repeat(label));
    left -= label + 1;
  }
  return [...labels, 'com'].join('.');
};

/** A valid entry of the list at `path`, `length` characters long where the length is free. */
const listEntry = (path: string, index: number, length?: number): string => {
  if (path === 'queue.vipEmailDomains') return length ? domainOfLength(length) : `d${index}.example.com`;
  if (path === 'widget.allowedOrigins') return `https://s${index}.example.com`;
  return length ? 'a'.repeat(length) : `phrase ${index}`;
};

/** A valid text for the setting at `path`, exactly `length` characters long. */
const textOfLength = (path: string, length: number): string => {
  if (path === 'bot.webhook.url') return `https://example.com/${'a'.repeat(length - 'https://example.com/'.length)}`;
  return 'a'.repeat(length);
};

describe('the form’s list limits, against the server schema', () => {
  it.each(Object.entries(LIST_LIMITS) as [string, ListLimit][])('%s', (path, limit) => {
    const entries = (count: number) => Array.from({ length: count }, (_, index) => listEntry(path, index));
    expect(serverAccepts(path, entries(limit.maxEntries))).toBe(true);
    expect(formFlags(path, entries(limit.maxEntries).join('\n'))).toBe(false);
    expect(serverAccepts(path, entries(limit.maxEntries + 1))).toBe(false);
    expect(formFlags(path, entries(limit.maxEntries + 1).join('\n'))).toBe(true);

    if (!limit.entryLength) return;
    const longest = listEntry(path, 0, limit.entryLength.max);
    const tooLong = listEntry(path, 0, limit.entryLength.max + 1);
    expect([longest.length, tooLong.length]).toEqual([limit.entryLength.max, limit.entryLength.max + 1]);
    expect(serverAccepts(path, [longest])).toBe(true);
    expect(formFlags(path, longest)).toBe(false);
    expect(serverAccepts(path, [tooLong])).toBe(false);
    expect(formFlags(path, tooLong)).toBe(true);
  });
});

describe('the form’s text limits, against the server schema', () => {
  it.each(Object.entries(TEXT_LIMITS) as [string, TextLimit][])('%s', (path, limit) => {
    expect(serverAccepts(path, textOfLength(path, limit.max))).toBe(true);
    expect(formFlags(path, textOfLength(path, limit.max))).toBe(false);
    expect(serverAccepts(path, textOfLength(path, limit.max + 1))).toBe(false);
    expect(formFlags(path, textOfLength(path, limit.max + 1))).toBe(true);

    if (limit.min > 1) {
      expect(serverAccepts(path, textOfLength(path, limit.min))).toBe(true);
      expect(formFlags(path, textOfLength(path, limit.min))).toBe(false);
      expect(serverAccepts(path, textOfLength(path, limit.min - 1))).toBe(false);
      expect(formFlags(path, textOfLength(path, limit.min - 1))).toBe(true);
    }
    // Empty: "not set" where the setting may be unset, refused where it may not.
    expect(serverAccepts(path, limit.optional ? null : '')).toBe(limit.optional);
    expect(formFlags(path, '')).toBe(!limit.optional);
    if (!limit.untrimmed) {
      expect(serverAccepts(path, ' '.repeat(limit.max))).toBe(false);
      expect(formFlags(path, ' '.repeat(limit.max))).toBe(!limit.optional);
    }
  });
});

describe('the form’s colour rule, against the server schema', () => {
  it.each([
    ['#2e4fd6', true],
    ['#C0392B', true],
    ['#2e4fd', false],
    ['2e4fd6', false],
    ['#2e4fdg', false],
    ['red', false],
  ])('%s', (colour, valid) => {
    expect(serverAccepts('widget.primaryColor', colour)).toBe(valid);
    expect(formFlags('widget.primaryColor', colour)).toBe(!valid);
  });
});
