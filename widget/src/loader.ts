/**
 * widget.js, the script a site embeds:
 *   <script src="https://cms.example.com/api/live-support/widget.js" data-locale="fi" async></script>
 *
 * It stays small (a 3 KB gzip budget): it keeps the site's early calls (a command queue), shows the
 * launcher at once inside a shadow root, reads the public configuration, and loads the chat itself
 * (widget-app.js) with an ordinary <script> tag on first open, or at once when this browser already
 * has a conversation. No eval, no inline script, no style attribute in markup: it works under a
 * strict Content Security Policy that allows the CMS origin in script-src and connect-src.
 */
import { addStyles } from './dom';
import { launcherTexts, pickLocale } from './i18n';
import { SESSION_KEY, STORAGE_PREFIX } from './storage';
import launcherCss from './styles/launcher.css';
import { themeColors } from './theme';
import type { Identity, LoaderState, WidgetContext, WidgetEventName, WidgetEventPayloads } from './contract';
import type { WidgetConfigView } from './shared';

/** The hash of widget-app.js, put in by widget/build.mjs: a new release never meets an old app. */
declare const __APP_VERSION__: string;

type Command = ArrayLike<unknown>;
type Listener = (payload?: unknown) => void;

export interface LiveSupportApi {
  /** Commands pushed after load run at once. */
  q: { push(...commands: Command[]): void };
  init(options?: { locale?: string }): void;
  open(): void;
  close(): void;
  identify(identity: Identity): void;
  on<E extends WidgetEventName>(event: E, listener: (payload: WidgetEventPayloads[E]) => void): void;
}

declare global {
  interface Window {
    LiveSupport?: { q?: Command[] | LiveSupportApi['q']; loaded?: boolean };
  }
}

const ICONS =
  '<svg class="chat" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>' +
  '<svg class="close" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" stroke-width="2"/></svg>' +
  '<span class="badge" data-testid="unread-badge" aria-hidden="true" hidden></span>';

function start(script: HTMLScriptElement): void {
  const early = window.LiveSupport?.q;
  const scriptUrl = new URL(script.src, location.href);
  // `<origin>/api/live-support`: where widget.js itself was served from.
  const apiBase = new URL('.', scriptUrl).href.slice(0, -1);

  const host = document.createElement('div');
  host.setAttribute('data-live-support', '');
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, launcherCss);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('data-testid', 'launcher');
  launcher.setAttribute('aria-controls', 'ls-panel');
  launcher.innerHTML = ICONS;
  const badge = launcher.lastChild as HTMLElement;
  root.appendChild(launcher);

  let initLocale: string | undefined;
  let unread = 0;
  let app: 0 | 1 | 2 = 0; // not loaded, loading, mounted
  const state: LoaderState = { open: false, locale: 'fi', identity: {}, config: null };
  const subscribers = new Set<() => void>();
  const listeners: { [event: string]: Listener[] } = {};

  function emit(event: WidgetEventName, payload?: unknown) {
    (listeners[event] || []).forEach((listener) => {
      try {
        listener(payload);
      } catch (error) {
        console.error(error);
      }
    });
  }

  /** Re-renders the launcher and tells the app. */
  function update() {
    const config = (state.config || {}) as Partial<WidgetConfigView>;
    state.locale = pickLocale(
      [script.dataset.locale, initLocale, document.documentElement.lang, navigator.language],
      config.languages,
      pickLocale([config.defaultLanguage]),
    );
    const texts = launcherTexts[state.locale];
    launcher.setAttribute('aria-expanded', '' + state.open);
    launcher.setAttribute('aria-label', (state.open ? texts[1] : texts[0]) + (unread ? ', ' + texts[2](unread) : ''));
    badge.textContent = unread > 99 ? '99+' : '' + unread;
    badge.hidden = !unread;
    host.toggleAttribute('data-open', state.open);
    subscribers.forEach((subscriber) => subscriber());
  }

  function loadApp() {
    if (app) return;
    app = 1;
    const tag = document.createElement('script');
    tag.src = `${apiBase}/widget-app.js?v=${__APP_VERSION__}`;
    tag.async = true;
    // A nonce-based CSP: the app script gets the loader's nonce.
    tag.nonce = script.nonce;
    tag.onload = () => {
      app = 2;
      window.__liveSupportApp?.mount(root, context);
    };
    tag.onerror = () => {
      // Another try on the next open.
      app = 0;
      tag.remove();
      setOpen(false);
    };
    document.head.appendChild(tag);
  }

  function setOpen(open: boolean) {
    if (open === state.open) return;
    state.open = open;
    if (open) loadApp();
    // Focus was inside the widget (the panel): give it back to the launcher.
    else if (root.activeElement) launcher.focus();
    update();
    emit(open ? 'open' : 'close');
  }

  const context: WidgetContext = {
    apiBase,
    origin: scriptUrl.origin,
    state: () => state,
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    setOpen,
    setConfig: applyConfig,
    addStyles: (css) => addStyles(root, css),
    setUnread(count) {
      if (count === unread) return;
      unread = count;
      update();
      emit('unread', count);
    },
    emit,
  };

  const api: LiveSupportApi & { loaded: true } = {
    loaded: true,
    q: { push: (...commands) => commands.forEach(run) },
    init(options) {
      initLocale = options?.locale;
      update();
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
    identify(identity) {
      state.identity = { ...state.identity, ...identity };
      update();
    },
    on(event, listener) {
      (listeners[event] ||= []).push(listener as Listener);
    },
  };

  function run(command: Command) {
    const [name, ...args] = Array.from(command);
    const method = api[name as Exclude<keyof LiveSupportApi, 'q'>];
    if (name !== 'q' && typeof method === 'function') (method as (...values: unknown[]) => void)(...args);
  }

  launcher.onclick = () => setOpen(!state.open);
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') setOpen(false);
  });

  function applyConfig(data: unknown) {
    state.config = data;
    const theme = (data as Partial<WidgetConfigView> | null)?.theme;
    const colors = themeColors(theme?.primaryColor);
    for (const name in colors) host.style.setProperty('--ls-' + name, colors[name as keyof typeof colors]);
    host.setAttribute('data-position', theme?.position === 'left' ? 'left' : 'right');
    update();
  }

  applyConfig(null);
  window.LiveSupport = api;
  if (Array.isArray(early)) early.forEach(run);
  const attach = () => document.body.appendChild(host);
  if (document.body) attach();
  else addEventListener('DOMContentLoaded', attach);

  fetch(apiBase + '/widget-config', { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : {}))
    .then((body: { data?: unknown }) => body.data && applyConfig(body.data))
    .catch(() => undefined);

  // A conversation from an earlier page: connect now, to catch up and show unread messages.
  try {
    if (localStorage.getItem(STORAGE_PREFIX + SESSION_KEY)) loadApp();
  } catch {
    // storage blocked: nothing stored either
  }
}

const own = document.currentScript;
if (!window.LiveSupport?.loaded && own instanceof HTMLScriptElement && own.src) start(own);
