// node tests/experiment/subCenters.mjs: sub-center ArcFace under label noise (tests/experiment/subCenters.ts).
import { runMain } from '../nodeRunner.mjs';

await runMain('/tests/experiment/subCenters.ts');
