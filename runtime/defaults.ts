// Default ports, kept apart from createRuntime so the Electron main bundle can use them
// without pulling in the whole runtime.
export const DEFAULT_ADMIN_PORT = 4810;
export const DEFAULT_PUBLIC_PORT = 4811;
