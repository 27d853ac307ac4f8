// The entry point of the `truce` command (run by bin/truce.js).
import { runProgram } from './program.ts';

process.exitCode = await runProgram(process.argv);
