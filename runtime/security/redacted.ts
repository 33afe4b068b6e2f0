// What stands in for a secret wherever one is cut out (calls, logs, runs): one spelling,
// so redaction by name (ingress/redact.ts) and by value (redact-values.ts) read the same.
export const REDACTED = '[redacted]';
