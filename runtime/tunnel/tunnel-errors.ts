// Turns ngrok's failures into messages that say what to do. ngrok puts server-side
// reasons in `errorCode` (ERR_NGROK_…); network failures only have a message.

export interface TunnelError {
  code: string;
  message: string;
}

const DASHBOARD = 'https://dashboard.ngrok.com/get-started/your-authtoken';

const BY_NGROK_CODE: Record<string, TunnelError> = {
  ERR_NGROK_105: {
    code: 'invalid_authtoken',
    message: `The ngrok authtoken is not valid. Copy it again from ${DASHBOARD}.`,
  },
  ERR_NGROK_107: {
    code: 'invalid_authtoken',
    message: `ngrok does not accept this authtoken. Copy it again from ${DASHBOARD}.`,
  },
  ERR_NGROK_4018: {
    code: 'missing_authtoken',
    message: `Add your ngrok authtoken (free at ${DASHBOARD}) to open a public URL.`,
  },
  ERR_NGROK_108: {
    code: 'session_limit',
    message:
      'Your ngrok account already has a tunnel open elsewhere (free accounts allow one). Stop it, then try again.',
  },
  ERR_NGROK_313: {
    code: 'domain_not_allowed',
    message:
      'Your ngrok account cannot use this domain. Reserve it in the ngrok dashboard or clear the domain.',
  },
  ERR_NGROK_320: {
    code: 'domain_in_use',
    message:
      'This domain is already in use by another ngrok session. Stop that session or choose another domain.',
  },
};

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value: unknown = Reflect.get(error, name);
  return typeof value === 'string' ? value : undefined;
}

export function describeTunnelError(error: unknown): TunnelError {
  const ngrokCode = field(error, 'errorCode');
  if (ngrokCode && BY_NGROK_CODE[ngrokCode]) return BY_NGROK_CODE[ngrokCode];
  const message = field(error, 'message') ?? String(error);
  if (
    /establish tcp connection|dns|resolve|network|timed? ?out|connection refused/i.test(message)
  ) {
    return {
      code: 'unreachable',
      message:
        'Hookflow could not reach ngrok. Check your internet connection, or whether a firewall blocks connections to ngrok (port 443).',
    };
  }
  return {
    code: 'ngrok_error',
    message: `ngrok refused the tunnel${ngrokCode ? ` (${ngrokCode})` : ''}: ${message.slice(0, 300)}`,
  };
}

export const TIMEOUT_ERROR: TunnelError = {
  code: 'timeout',
  message:
    'ngrok did not answer in time. Check your internet connection and try again; Hookflow keeps working locally meanwhile.',
};
