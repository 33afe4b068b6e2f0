// Durations are stored in seconds and edited as an amount and a unit.

export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const UNIT_SECONDS: Record<DurationUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
};

const SINGULAR: Record<DurationUnit, string> = {
  seconds: 'second',
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
};

/** Whole seconds for an amount of a unit (rounded); undefined for no/negative amount. */
export function toSeconds(amount: number | undefined, unit: DurationUnit): number | undefined {
  if (amount === undefined || !Number.isFinite(amount) || amount < 0) return undefined;
  return Math.round(amount * UNIT_SECONDS[unit]);
}

/** The largest allowed unit that shows `seconds` as a whole amount (90 s → 90 seconds, 7200 → 2 hours). */
export function splitDuration(
  seconds: number | undefined,
  units: readonly DurationUnit[] = DURATION_UNITS,
): { amount: number | undefined; unit: DurationUnit } {
  const ordered = DURATION_UNITS.filter((unit) => units.includes(unit));
  const smallest = ordered[0] ?? 'seconds';
  if (seconds === undefined) return { amount: undefined, unit: smallest };
  for (const unit of [...ordered].reverse()) {
    if (seconds !== 0 && seconds % UNIT_SECONDS[unit] === 0) {
      return { amount: seconds / UNIT_SECONDS[unit], unit };
    }
  }
  return { amount: seconds / UNIT_SECONDS[smallest], unit: smallest };
}

/** "45 seconds", "1 hour 30 minutes", "2 days" — at most two parts, for hints and summaries. */
export function describeDuration(seconds: number): string {
  if (seconds <= 0) return '0 seconds';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const unit of [...DURATION_UNITS].reverse()) {
    const count = Math.floor(rest / UNIT_SECONDS[unit]);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${count === 1 ? SINGULAR[unit] : unit}`);
      rest -= count * UNIT_SECONDS[unit];
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ');
}
