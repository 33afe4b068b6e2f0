// Kept in step with package.json by test/unit/runtime/version.test.ts.
export const HOOKFLOW_VERSION = '0.1.0';
