/**
 * What the loader (widget.js) hands to the app (widget-app.js). The loader owns the launcher,
 * the open/closed state, the command queue and the site's listeners; the app owns the panel and
 * the conversation.
 */
import type { MessageView, VisitorConversationView } from './shared';
import type { Locale } from './i18n';

/** What `LiveSupport.identify()` accepts; sent with `POST /sessions`. */
export interface Identity {
  name?: string;
  email?: string;
  phone?: string;
  externalId?: string;
  metadata?: Record<string, string | number | boolean | null>;
  /** The site backend's HMAC-SHA256 of `externalId` (else `email`): marks the identity verified. */
  userHash?: string;
}

export interface WidgetEventPayloads {
  open: undefined;
  close: undefined;
  message: MessageView;
  status: VisitorConversationView;
  unread: number;
}
export type WidgetEventName = keyof WidgetEventPayloads;

export interface LoaderState {
  open: boolean;
  locale: Locale;
  identity: Identity;
  /** The `data` of `GET /widget-config` as received (null until it arrives or when it failed). */
  config: unknown;
}

export interface WidgetContext {
  /** `<origin>/api/live-support`. */
  apiBase: string;
  /** The CMS origin: the socket connects to `<origin>/widget`. */
  origin: string;
  state(): LoaderState;
  /** Called on every change of the loader state; answers the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  setOpen(open: boolean): void;
  /** A new configuration (pushed by the server as `config:changed`): theme, texts and status follow. */
  setConfig(config: unknown): void;
  /** Adds a stylesheet to the widget's shadow root. */
  addStyles(css: string): void;
  setUnread(count: number): void;
  emit<E extends 'message' | 'status'>(event: E, payload: WidgetEventPayloads[E]): void;
}

export interface WidgetApp {
  /** Renders the panel into `root`, the widget's shadow root. */
  mount(root: ShadowRoot, context: WidgetContext): void;
}

declare global {
  interface Window {
    /** Set by widget-app.js when it has loaded; read by the loader. */
    __liveSupportApp?: WidgetApp;
  }
}
