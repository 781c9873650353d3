// `npm run experiment:mining`: the pair and triplet activity the lessons quote (tests/experiment/mining.ts).
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/mining.ts');
