/** The analytics report as CSV: one row per day, then the summary figures, for spreadsheets. */
import type { AnalyticsReport } from '../contracts/analytics';

import { ESCALATION_TRIGGERS } from './conversation-status';

const CSV_HEADER = ['date', 'escalations', ...ESCALATION_TRIGGERS];

type CsvRow = ReadonlyArray<string | number | null>;

function* csvRows(report: AnalyticsReport): Generator<CsvRow> {
  yield CSV_HEADER;
  for (const day of report.escalationsPerDay) {
    yield [day.date, day.total, ...ESCALATION_TRIGGERS.map((trigger) => day.byTrigger[trigger])];
  }
  yield [];
  yield ['figure', 'value'];
  const { totals, responseTime, resolutionTime, waitingTime, satisfaction } = report;
  yield ['conversations', totals.conversations];
  yield ['escalations', totals.escalations];
  yield ['bot only', totals.botOnly];
  yield ['resolved', totals.resolved];
  yield ['abandoned', totals.abandoned];
  yield ['abandoned share', totals.abandonedShare];
  yield ['offline messages', totals.offlineMessages];
  yield ['ended', totals.ended];
  yield ['ended with the bot', totals.botContained];
  yield ['bot containment rate', totals.botContainmentRate];
  yield ['waiting time median (s)', waitingTime.medianSeconds];
  yield ['response time average (s)', responseTime.averageSeconds];
  yield ['response time median (s)', responseTime.medianSeconds];
  yield ['response time p90 (s)', responseTime.p90Seconds];
  yield ['resolution time average (s)', resolutionTime.averageSeconds];
  yield ['CSAT average', satisfaction.averageScore];
  yield ['CSAT response rate', satisfaction.responseRate];
}

/** The CSV's lines, each ending in CRLF, produced one at a time (the export streams them). */
export function* csvLines(report: AnalyticsReport): Generator<string> {
  for (const row of csvRows(report)) yield `${row.map(csvCell).join(',')}\r\n`;
}

/** The whole CSV as one string. */
export function reportToCsv(report: AnalyticsReport): string {
  return [...csvLines(report)].join('');
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
