import { contrastRatio, DEFAULT_PRIMARY, themeColors } from '../theme';

describe('theme colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('puts readable (AA) text on any primary colour', () => {
    for (let value = 0; value < 0x1000000; value += 0x0f0f0f / 3) {
      const primary = '#' + Math.floor(value).toString(16).padStart(6, '0');
      const { 'on-primary': text } = themeColors(primary);
      expect(contrastRatio(primary, text === '#fff' ? '#ffffff' : '#000000')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('uses the primary colour for the focus ring only when it shows on white', () => {
    expect(themeColors('#2e4fd6')).toEqual({ primary: '#2e4fd6', 'on-primary': '#fff', focus: '#2e4fd6' });
    expect(themeColors('#ffd400')).toEqual({ primary: '#ffd400', 'on-primary': '#000', focus: '#1f2430' });
  });

  it('falls back to the default colour for anything but #rrggbb', () => {
    for (const value of [undefined, null, '', 'red', '#abc', 'url(x)', '#2e4fd6; color: red']) {
      expect(themeColors(value).primary).toBe(DEFAULT_PRIMARY);
    }
  });
});
