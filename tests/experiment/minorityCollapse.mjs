// `node tests/experiment/minorityCollapse.mjs`: does class imbalance crowd the minority classes' weights (tests/experiment/minorityCollapse.ts)?
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/minorityCollapse.ts');
