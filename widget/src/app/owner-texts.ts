/**
 * The site owner's wording (from the widget configuration) over the widget's built-in texts.
 * A wording whose placeholder has no value this time (`{nextOpening}` with no opening ahead)
 * gives way to the built-in text, as on the server: a customer never reads a placeholder.
 */
import type { AppTexts, Locale } from '../i18n';
import type { WidgetConfig } from '../config';

type OwnerTexts = NonNullable<WidgetConfig['texts'][Locale]>;

/** `template` with its `{name}`s filled; '' without a template or when a value is missing. */
export function fill(template: string | undefined, values: { [name: string]: string | number | null }): string {
  let missing = !template;
  const text = (template || '').replace(/\{(\w+)\}/g, (_, name: string) => (values[name] == null ? ((missing = true), '') : '' + values[name]));
  return missing ? '' : text;
}

/**
 * The owner's plain texts share their names with the built-in ones (`rating_prompt`, `title`, …),
 * so they lay over them as they are; the two sentences with values are filled here.
 */
export const withOwnerTexts = (t: AppTexts, own: OwnerTexts = {}): AppTexts => ({
  ...t,
  ...own,
  closed: (nextOpening) => fill(own.closed_notice, { nextOpening }) || t.closed(nextOpening),
  queue: (position, minutes) =>
    fill(own[position ? (minutes ? 'queue_wait' : minutes === 0 ? 'queue_soon' : 'queue_position') : 'queue_waiting'], { position, minutes }) ||
    t.queue(position, minutes),
});
