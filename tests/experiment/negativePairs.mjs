// `npm run experiment:negative-pairs`: negative against positive margins, paired by seed (tests/experiment/negativePairs.ts).
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/negativePairs.ts');
