// Parsing for number inputs: what the user typed may be half a number ("", "1.", "-").

/** The number typed, or undefined while the text is empty or not (yet) a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

/** What to show for a value; the user's own text wins while it still means the value. */
export function shownNumber(draft: string, value: number | undefined): string {
  return parseNumber(draft) === value ? draft : value === undefined ? '' : String(value);
}

/** A range message when `value` is outside [min, max], for inline display. */
export function rangeProblem(
  value: number | undefined,
  min: number | undefined,
  max: number | undefined,
  describe: (n: number) => string = String,
): string | undefined {
  if (value === undefined) return undefined;
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return `Use a value from ${describe(min)} to ${describe(max)}`;
  }
  if (min !== undefined && value < min) return `Use at least ${describe(min)}`;
  if (max !== undefined && value > max) return `Use at most ${describe(max)}`;
  return undefined;
}
