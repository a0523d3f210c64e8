/**
 * Placeholder for the Live Support widget: it proves the embed path (one <script> tag, served
 * by the plugin, isolated in a shadow root) until the chat itself is built. It already keeps
 * calls made before it loaded, as the real widget will.
 */

type Command = [name: string, ...args: unknown[]];

interface LiveSupportApi {
  q?: Command[];
  init(options?: { locale?: string }): void;
  open(): void;
  close(): void;
}

declare global {
  interface Window {
    LiveSupport?: Partial<LiveSupportApi> & { q?: Command[] };
  }
}

const TEXTS = {
  fi: { launcher: 'Chat', title: 'Asiakaspalvelu', body: 'Chat on pian käytössä.', close: 'Sulje' },
  en: { launcher: 'Chat', title: 'Customer service', body: 'The chat is coming soon.', close: 'Close' },
  sv: { launcher: 'Chatt', title: 'Kundtjänst', body: 'Chatten kommer snart.', close: 'Stäng' },
} as const;
type Locale = keyof typeof TEXTS;

function pickLocale(candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (language && language in TEXTS) return language as Locale;
  }
  return 'en';
}

const script = document.currentScript as HTMLScriptElement | null;
const queued = window.LiveSupport?.q ?? [];
let locale = pickLocale([script?.dataset.locale, document.documentElement.lang, navigator.language]);

const host = document.createElement('div');
host.setAttribute('data-live-support', '');
const root = host.attachShadow({ mode: 'open' });
root.innerHTML = `<style>
  :host { all: initial; }
  button { font: 600 15px/1 system-ui, sans-serif; border: 0; border-radius: 999px; padding: 14px 20px;
    background: #2e4fd6; color: #fff; cursor: pointer; position: fixed; right: 20px; bottom: 20px; }
  button:focus-visible { outline: 3px solid #ffb020; outline-offset: 2px; }
  [role=dialog] { font: 15px/1.4 system-ui, sans-serif; position: fixed; right: 20px; bottom: 80px; width: 280px;
    background: #fff; color: #1f2430; border-radius: 12px; box-shadow: 0 4px 24px rgba(0,0,0,.2); padding: 16px; }
  [hidden] { display: none; }
  h2 { font-size: 16px; margin: 0 0 8px; }
</style>
<div role="dialog" aria-labelledby="ls-title" hidden><h2 id="ls-title"></h2><p></p></div>
<button type="button" aria-expanded="false"></button>`;

const dialog = root.querySelector('[role=dialog]') as HTMLDivElement;
const launcher = root.querySelector('button') as HTMLButtonElement;

function render(): void {
  const texts = TEXTS[locale];
  (root.getElementById('ls-title') as HTMLElement).textContent = texts.title;
  (dialog.querySelector('p') as HTMLParagraphElement).textContent = texts.body;
  launcher.textContent = dialog.hidden ? texts.launcher : texts.close;
  launcher.setAttribute('aria-expanded', String(!dialog.hidden));
}

const api: LiveSupportApi = {
  init(options) {
    if (options?.locale) locale = pickLocale([options.locale]);
    render();
  },
  open() {
    dialog.hidden = false;
    render();
  },
  close() {
    dialog.hidden = true;
    render();
  },
};

launcher.addEventListener('click', () => (dialog.hidden ? api.open() : api.close()));
render();
document.body.appendChild(host);
window.LiveSupport = api;
for (const [name, ...args] of queued) {
  const command = api[name as keyof LiveSupportApi];
  if (typeof command === 'function') (command as (...values: unknown[]) => void)(...args);
}

export {};
