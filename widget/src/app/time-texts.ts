/**
 * Times as the panel words them: the next opening in the team's clock, and the estimated wait
 * counted down between the server's pushes. Pure: the instant, the zones and "now" are arguments.
 */
import { waitMinutes } from '../i18n';

/**
 * The next opening (`iso`) as the team's clock shows it, e.g. "Monday 08:00"; when the customer's
 * clock shows another time for it, the team's zone is named ("Monday 08:00 (Eastern European
 * Time)"), so that nobody reads the team's hour as their own. Null without an opening; the
 * customer's own clock when the team's zone is missing (an older server) or unknown to the browser.
 */
export function openingText(iso: string | null, locale: string, teamZone?: string, customerZone?: string): string | null {
  const at = new Date(iso || NaN);
  const format = (timeZone?: string) => at.toLocaleString(locale, { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone });
  if (isNaN(+at)) return null;
  try {
    const team = format(teamZone || customerZone);
    if (team === format(customerZone)) return team;
    const zone = new Intl.DateTimeFormat(locale, { timeZone: teamZone, timeZoneName: 'longGeneric' }).formatToParts(at);
    return `${team} (${zone.find((part) => part.type === 'timeZoneName')?.value})`;
  } catch {
    return format(customerZone);
  }
}

/**
 * What is left of the server's estimate (`estimateSeconds`, received at `receivedAt`) at `now`, in
 * whole minutes rounded up: 0 once it has run out (the panel says "any moment now", never 0 or
 * less), null without an estimate. A new push brings a new estimate and a new `receivedAt`.
 */
export function minutesLeft(estimateSeconds: number | null | undefined, receivedAt: number, now: number): number | null {
  if (estimateSeconds == null || !(estimateSeconds >= 0)) return null;
  const left = estimateSeconds - Math.max(0, now - receivedAt) / 1000;
  return left > 0 ? waitMinutes(left) : 0;
}
