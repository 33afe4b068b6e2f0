// SizeField — value: whole bytes (a number), or undefined while empty. Edited as an amount
// and a unit (KiB / MiB); `min`/`max` are in bytes.
import { AmountUnitField, type AmountScale } from './AmountUnitField';
import { describeBytes, SIZE_UNITS, splitBytes, toBytes, type SizeUnit } from './byte-size';
import type { FieldBaseProps } from './Field';

export interface SizeFieldProps extends FieldBaseProps {
  value: number | undefined;
  onChange: (bytes: number | undefined) => void;
  min?: number;
  max?: number;
}

const BYTES: AmountScale<SizeUnit> = {
  units: SIZE_UNITS,
  split: splitBytes,
  combine: toBytes,
  describe: describeBytes,
};

export function SizeField(props: SizeFieldProps) {
  return <AmountUnitField {...props} scale={BYTES} />;
}
