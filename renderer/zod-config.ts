// The designer's CSP forbids eval; zod 4 would otherwise probe `new Function` for its
// JIT and log a CSP violation. Imported first by main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
