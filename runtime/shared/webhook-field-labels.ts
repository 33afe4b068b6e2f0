// Field labels (field-labels.ts) of the webhook settings a Start node and a Webhook Trigger
// share: methods, body limit and the Security section, as the inspector names them.
import type { FieldLabels } from './field-labels';

export const webhookFieldLabels: FieldLabels = {
  methods: 'Methods',
  bodyLimitBytes: 'Body size limit',
  security: 'Security',
  'security.auth': 'Authentication',
  'security.auth.type': 'Authentication',
  'security.auth.tokenSecretId': 'Token',
  'security.auth.headerName': 'Header name',
  'security.auth.paramName': 'Parameter name',
  'security.auth.algorithm': 'Algorithm',
  'security.auth.source': 'Signature in',
  'security.auth.encoding': 'Digest encoding',
  'security.auth.prefix': 'Prefix',
  'security.auth.preset': 'Preset',
  'security.auth.secretIds': 'Secrets',
  'security.auth.secretIds[]': 'Secret #',
  'security.auth.toleranceSeconds': 'Timestamp tolerance',
  'security.ipAllowlist': 'IP allowlist',
  'security.ipAllowlist[]': 'IP allowlist line #',
  'security.originAllowlist': 'Origin allowlist',
  'security.originAllowlist[]': 'Origin allowlist line #',
};
