// DurationField — value: whole seconds (a number), or undefined while empty. Edited as an
// amount and a unit (seconds / minutes / hours / days); `min`/`max` are in seconds.
import { useMemo } from 'react';
import { AmountUnitField } from './AmountUnitField';
import {
  describeDuration,
  DURATION_UNITS,
  splitDuration,
  toSeconds,
  type DurationUnit,
} from './duration';
import type { FieldBaseProps } from './Field';

export interface DurationFieldProps extends FieldBaseProps {
  value: number | undefined;
  onChange: (seconds: number | undefined) => void;
  min?: number;
  max?: number;
  /** The units offered, smallest first (default: all four). */
  units?: readonly DurationUnit[];
}

export function DurationField({ units = DURATION_UNITS, ...props }: DurationFieldProps) {
  const scale = useMemo(
    () => ({
      units,
      split: (seconds: number | undefined) => splitDuration(seconds, units),
      combine: toSeconds,
      describe: describeDuration,
    }),
    [units],
  );
  return <AmountUnitField {...props} scale={scale} />;
}
