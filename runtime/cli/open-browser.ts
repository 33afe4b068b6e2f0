import { spawn } from 'node:child_process';

/** Opens a URL in the user's browser; failures are reported, never fatal. */
export function openInBrowser(url: string, onError: (message: string) => void): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', (error) =>
      onError(`Could not open a browser (${error.message}). Open ${url} yourself.`),
    );
    child.unref();
  } catch (error) {
    onError(`Could not open a browser (${String(error)}). Open ${url} yourself.`);
  }
}
