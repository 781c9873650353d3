// `npm run claims`: static/data/claims.json from the saved sweeps (tests/experiment/claims.ts).
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/claims.ts');
