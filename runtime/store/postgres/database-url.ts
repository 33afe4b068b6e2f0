// A PostgreSQL URL as Hookflow prints it: never with its password. Logs, errors, --help
// output and /readyz go through here.

/** The URL with any password replaced by `***`; anything unparseable is hidden whole. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    // Passwords can ride in the query string too (libpq's `?password=`).
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return '(a database URL that could not be parsed)';
  }
}

/** A message with the URL's password cut out, in case a driver error quoted it. */
export function redactPassword(message: string, url: string): string {
  const withoutUrl = message.split(url).join(redactDatabaseUrl(url));
  let password: string;
  try {
    const parsed = new URL(url);
    password = decodeURIComponent(parsed.password) || (parsed.searchParams.get('password') ?? '');
  } catch {
    return withoutUrl;
  }
  // A one- or two-letter password would cut letters out of every word; such a password
  // is only ever in the URL, which is already replaced.
  return password.length < 3 ? withoutUrl : withoutUrl.split(password).join('***');
}

/** True for the URLs `--database` takes. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
