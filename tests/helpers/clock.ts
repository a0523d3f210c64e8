/** The date in `timeZone` at the instant `at` (a Date or ms since the epoch), as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date | number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Returns once the next `marginMs` all fall on one date in `timeZone`: at once, except within
 * `marginMs` of midnight there, when it waits for the new day. For a test that creates data
 * "today" and reads a report of "today" later: a midnight between the two would move it.
 */
export async function clearOfMidnight(timeZone: string, marginMs: number): Promise<void> {
  while (dayIn(timeZone) !== dayIn(timeZone, Date.now() + marginMs)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
