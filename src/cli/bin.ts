import { run } from './main';
import { terminalSafe } from '../core/util/controlText';

// The executable: the only place that touches process (argv, streams, exit code).
run(process.argv.slice(2), {
  cwd: process.cwd(),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policy-annotator: internal error: ${terminalSafe(error instanceof Error ? (error.stack ?? error.message) : String(error)).replace(/\\u\{000A\}/g, '\n')}\n`);
    process.exitCode = 3;
  },
);
