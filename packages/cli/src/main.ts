// The entry point of the `truce` command (run by bin/truce.js).
import { runProgram } from './program.ts';

// A reader that stops early (`truce export … | head`) closes the pipe: that ends the output, not in a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runProgram(process.argv);
