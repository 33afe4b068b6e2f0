// A small leveled logger. The runtime never logs secrets: callers pass redacted values.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function format(message: string, fields?: Record<string, unknown>): string {
  return fields && Object.keys(fields).length > 0
    ? `${message} ${JSON.stringify(fields)}`
    : message;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(`[hookflow] ${format(message, fields)}`),
  warn: (message, fields) => console.warn(`[hookflow] warning: ${format(message, fields)}`),
  error: (message, fields) => console.error(`[hookflow] error: ${format(message, fields)}`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
