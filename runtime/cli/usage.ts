export const USAGE = `Hookflow — flow designer and webhook runtime

Usage:
  hookflow serve [options]     run the headless runtime and print the designer URL
  hookflow open [--data-dir D] [--print]
                               open a fresh designer sign-in link of a running Hookflow
                               (--print: only print it)
  hookflow import <file> [--publish] [--name N] [--data-dir D]
                               import a flow file as a new flow (never overwrites one);
                               prints only the new flow id. --publish makes it live
  hookflow export <flowId> [--out <file>] [--data-dir D]
                               write the flow file (draft + published) to --out or stdout
  hookflow --help | --version

import and export use the running Hookflow of the data folder if there is one,
and otherwise open the data folder themselves.

serve options:
  --data-dir <dir>      data folder (default: the per-OS app data folder, or HOOKFLOW_DATA_DIR)
  --port <n>            admin listener port on 127.0.0.1 (default 4810, 0 = any free port)
  --public-port <n>     public listener port for webhooks (default 4811, 0 = any free port)
  --host <addr>         public listener address (default 127.0.0.1; 0.0.0.0 opens it to your LAN)
  --open                open the designer in your browser once started
  --database <url>      postgres://user:password@host:port/db (or HOOKFLOW_DATABASE_URL): keep
                        flows, versions, settings, secrets, project tokens and runs in
                        PostgreSQL, shared with every instance on the same database (a run
                        resumes only on the instance that started it). In progress: calls,
                        customers, chats and logs stay in each --data-dir.
                        The password is never printed.
  --secrets-key-file <f>
                        the secrets key (32 bytes, base64; or HOOKFLOW_SECRETS_KEY): every
                        instance on one database needs the same one (default: the data
                        folder's secrets.key)
  --query-timeout <s>   with --database: how long one query may take (default 15, or
                        HOOKFLOW_DATABASE_QUERY_TIMEOUT); past it the API answers 503
`;
