import { isDeepStrictEqual } from 'node:util';

import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { storedOpeningHoursSchema } from '../contracts/opening-hours';
import type { Settings } from '../contracts/settings';
import { getService } from '../utils/get-service';
import { DEFAULT_OPENING_HOURS, isOpenAt, nextOpeningAt, type OpeningHours } from '../domain/opening-hours';

export interface Availability {
  open: boolean;
  nextOpeningAt: Date | null;
}

/**
 * The opening hours: stored once, and whether live support is open at a given time. Read from
 * the database on every use (one row) and never cached, so a change saved on any node applies
 * at once everywhere: the widget's status, escalation decisions and the analytics' days.
 */
const openingHoursService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The stored opening hours; the defaults while none are stored or they fail validation. */
  async get(): Promise<OpeningHours> {
    const stored = await strapi.db.query(UID.openingHours).findOne({});
    if (!stored) return DEFAULT_OPENING_HOURS;
    const parsed = storedOpeningHoursSchema.safeParse({
      timeZone: stored.timeZone,
      weekly: stored.weekly,
      exceptions: stored.exceptions ?? [],
    });
    if (parsed.success) return parsed.data;
    strapi.log.warn('[live-support] stored opening hours are invalid; using the defaults');
    return DEFAULT_OPENING_HOURS;
  },

  /**
   * An admin's change, already checked against the schema (and so against the rules): it
   * replaces the stored hours whole. The single row is updated in place; it is created only
   * where the seed has not run.
   */
  async save(hours: OpeningHours): Promise<OpeningHours> {
    const data = { timeZone: hours.timeZone, weekly: hours.weekly, exceptions: hours.exceptions };
    const existing = await strapi.db.query(UID.openingHours).findOne({});
    // Saving the hours as they are stores nothing and pushes nothing to the open widgets.
    if (existing && isDeepStrictEqual(await this.get(), data)) return this.get();
    if (existing) await strapi.db.query(UID.openingHours).update({ where: { id: existing.id }, data });
    else await strapi.documents(UID.openingHours).create({ data });
    // The widgets' open/closed status follows at once.
    void getService('notifier', { strapi }).widgetConfigChanged();
    return this.get();
  },

  async availability(now: Date): Promise<Availability> {
    return openAt(await this.get(), now);
  },

  /** Whether live support is open now, as the queue settings say: always, unless hours are enforced. */
  async currentAvailability(queueSettings: Pick<Settings['queue'], 'enforceOpeningHours'>, now: Date): Promise<Availability> {
    return queueSettings.enforceOpeningHours ? this.availability(now) : ALWAYS_OPEN;
  },
});

const ALWAYS_OPEN: Availability = { open: true, nextOpeningAt: null };

function openAt(hours: OpeningHours, now: Date): Availability {
  const open = isOpenAt(hours, now);
  return { open, nextOpeningAt: open ? null : nextOpeningAt(hours, now) };
}

/** `currentAvailability` for hours already read. */
export function availabilityAt(
  hours: OpeningHours,
  queueSettings: Pick<Settings['queue'], 'enforceOpeningHours'>,
  now: Date,
): Availability {
  return queueSettings.enforceOpeningHours ? openAt(hours, now) : ALWAYS_OPEN;
}

export default openingHoursService;
