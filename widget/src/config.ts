/**
 * The public widget configuration (`GET /api/live-support/widget-config`), as far as the app uses
 * it (the loader reads the theme and the languages). Until it arrives, or when the server cannot
 * give it, the built-in defaults make a working widget.
 */
import { SOCKET_PATH, type WidgetConfigView } from './shared';

export type WidgetConfig = Pick<WidgetConfigView, 'socketPath' | 'texts' | 'escalationButton' | 'showEstimatedWait' | 'sound'> & {
  /** An older server sends no `timeZone`: the opening is then shown in the customer's clock. */
  availability: Omit<WidgetConfigView['availability'], 'timeZone'> & { timeZone?: string };
};

export const DEFAULT_CONFIG: WidgetConfig = {
  socketPath: SOCKET_PATH,
  texts: {},
  escalationButton: true,
  showEstimatedWait: true,
  sound: false,
  availability: { open: true, nextOpeningAt: null },
};

/** The server's answer over the defaults: missing parts (an older server, no answer) keep them. */
export const readConfig = (raw: unknown): WidgetConfig => ({ ...DEFAULT_CONFIG, ...(raw as object) });
