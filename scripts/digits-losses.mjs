// `npm run digits:losses [-- --steps N]`: the digits measurements the lessons quote
// (scripts/digitsLosses.ts), under Node through Vite's module runner.
import { runMain } from '../tests/nodeRunner.mjs';

await runMain('/scripts/digitsLosses.ts');
