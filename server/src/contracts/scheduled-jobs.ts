import type { JsonValue } from '../domain/scheduling';

/** One periodic job as Settings → Live Support shows it (`GET /live-support/jobs`). */
export interface ScheduledJobView {
  name: string;
  /** The cron expression it runs on (six fields, seconds first). */
  cron: string;
  /** The time zone the expression is read in: the team's, from the opening hours. */
  timeZone: string;
  /** False when this node's config turns it off (`jobs.<name>.enabled: false`). */
  enabled: boolean;
  /** The tick the last run was for, when it started and ended (ISO 8601), on whichever node ran it. */
  lastTickAt: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  /** The node that ran the last tick (a random id per process start). */
  lastNode: string | null;
  /** True while a node holds the job's lease (a run in progress). */
  running: boolean;
  /** The error of the last run, null when it succeeded. */
  lastError: string | null;
  /** What the last successful run reported, as JSON (cut short when long). */
  lastOutcome: JsonValue;
  /** Runs since the database was created. */
  runCount: number;
  /** The next tick (ISO 8601), null when the job is off. */
  nextRunAt: string | null;
}
