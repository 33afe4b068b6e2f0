// The `hookflow` command. Exit codes: 0 ok, 1 failure, 2 usage error.
import { UsageError } from './cli/args';
import { exportCommand, importCommand } from './cli/flow-file-commands';
import { openCommand } from './cli/open-command';
import { serveCommand } from './cli/serve-command';
import { USAGE } from './cli/usage';
import { HOOKFLOW_VERSION } from './version';

const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  open: openCommand,
  import: importCommand,
  export: exportCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    console.log(HOOKFLOW_VERSION);
    return 0;
  }
  const command = commands[first];
  if (!command) {
    console.error(`Unknown command "${first}".\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  try {
    await command(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`hookflow: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Runs when executed directly (bundled dist/runtime/cli.js, or `tsx runtime/cli.ts`).
const invokedDirectly = process.argv[1] !== undefined && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    // serve keeps running until a signal; other commands exit with their code.
    if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
  });
}
