// The one rule for variable names, shared by the flow document and every node that reads
// or writes a variable: they appear bare in templates (`$name`, `{{name}}`), so they must
// be plain identifiers.
import { z } from 'zod';

export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const variableNameSchema = z
  .string()
  .regex(VARIABLE_NAME_PATTERN, 'Use letters, digits and "_" (not starting with a digit)');

/** A variable name a node may leave blank while the user is still filling it in. */
export const optionalVariableNameSchema = z.union([z.literal(''), variableNameSchema]);
