/**
 * Styles for the shadow root. A constructed stylesheet is not subject to a page's CSP
 * `style-src` (no 'unsafe-inline' needed); a <style> element is the fallback for old browsers.
 */
export function addStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
