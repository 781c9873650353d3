// `npm run experiment`: the open-set sweep (tests/experiment/main.ts) under Node.
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/main.ts');
