#!/usr/bin/env node
// The installed `hookflow` command: runs the bundled CLI (built by `npm run build`).
import { main } from '../dist/runtime/cli.js';

main(process.argv.slice(2)).then((code) => {
  if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
});
