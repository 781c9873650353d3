// `npm run lessons:runs`: the numbers the lessons quote from their own widgets (tests/experiment/lessonRuns.ts).
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/lessonRuns.ts');
