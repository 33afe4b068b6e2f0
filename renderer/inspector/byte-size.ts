// Byte sizes edited as an amount of KiB or MiB (a webhook's body limit).

export const SIZE_UNITS = ['KiB', 'MiB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

export const UNIT_BYTES: Record<SizeUnit, number> = { KiB: 1024, MiB: 1024 * 1024 };

/** Whole bytes for an amount of a unit; undefined for no or a negative amount. */
export function toBytes(amount: number | undefined, unit: SizeUnit): number | undefined {
  if (amount === undefined || !Number.isFinite(amount) || amount < 0) return undefined;
  return Math.round(amount * UNIT_BYTES[unit]);
}

/** MiB when the size is a whole number of them (1 MiB, 25 MiB), else KiB. */
export function splitBytes(bytes: number | undefined): {
  amount: number | undefined;
  unit: SizeUnit;
} {
  if (bytes === undefined) return { amount: undefined, unit: 'MiB' };
  if (bytes !== 0 && bytes % UNIT_BYTES.MiB === 0)
    return { amount: bytes / UNIT_BYTES.MiB, unit: 'MiB' };
  return { amount: Math.round((bytes / UNIT_BYTES.KiB) * 100) / 100, unit: 'KiB' };
}

/** "1 MiB", "512 KiB", "1.5 KiB". */
export function describeBytes(bytes: number): string {
  const { amount, unit } = splitBytes(bytes);
  return `${amount ?? 0} ${unit}`;
}
