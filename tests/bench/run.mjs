// `npm run bench`: the training benchmark (tests/bench/train.ts) under Node.
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/bench/train.ts');
