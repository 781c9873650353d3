// `npm run experiment:euclidean-data`: which data gives the Euclidean losses something to learn (tests/experiment/euclideanData.ts).
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/euclideanData.ts');
