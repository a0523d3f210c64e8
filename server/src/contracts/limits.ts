/**
 * Limits that the server's schemas enforce and the desk's forms show, written once. Plain
 * numbers with no zod, so the admin bundle can import them.
 */

/** The longest range one analytics report covers, in days. */
export const ANALYTICS_MAX_DAYS = 366;
