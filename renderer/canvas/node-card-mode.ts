// Node cards drawn outside the editor (a published version, read-only) show no problem
// pins: those describe the draft being edited.
import { createContext } from 'react';

export const NodeCardReadOnly = createContext(false);
