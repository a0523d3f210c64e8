/**
 * Colours derived from the site's primary colour so that text stays readable (WCAG AA). Text on
 * the primary colour is white or black, whichever contrasts more: that is at least 4.58:1 for any
 * colour (a softer dark grey would fall below 4.5:1 for some mid tones). The focus ring uses the
 * primary colour only when it stands out on the white panel (3:1), else a dark grey.
 */
export const DEFAULT_PRIMARY = '#2e4fd6';

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const s = parseInt(hex.slice(at, at + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The values of the custom properties --ls-primary, --ls-on-primary and --ls-focus. */
export type ThemeColors = Record<'primary' | 'on-primary' | 'focus', string>;

export function themeColors(primaryColor: unknown): ThemeColors {
  const primary = typeof primaryColor === 'string' && /^#[0-9a-f]{6}$/i.test(primaryColor) ? primaryColor : DEFAULT_PRIMARY;
  const shade = luminance(primary) + 0.05;
  // contrastRatio() with white (luminance 1) and with black (0), spelled out.
  const onWhite = 1.05 / shade;
  return { primary, 'on-primary': onWhite >= shade / 0.05 ? '#fff' : '#000', focus: onWhite >= 3 ? primary : '#1f2430' };
}
