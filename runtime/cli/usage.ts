export const USAGE = `Hookflow — flow designer and webhook runtime

Usage:
  hookflow serve [options]     run the headless runtime and print the designer URL
  hookflow open [--data-dir D] [--print]
                               open a fresh designer sign-in link of a running Hookflow
                               (--print: only print it)
  hookflow --help | --version

serve options:
  --data-dir <dir>      data folder (default: the per-OS app data folder, or HOOKFLOW_DATA_DIR)
  --port <n>            admin listener port on 127.0.0.1 (default 4810, 0 = any free port)
  --public-port <n>     public listener port for webhooks (default 4811, 0 = any free port)
  --host <addr>         public listener address (default 127.0.0.1; 0.0.0.0 opens it to your LAN)
  --open                open the designer in your browser once started
`;
