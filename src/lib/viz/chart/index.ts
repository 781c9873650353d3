/**
 * Chart geometry in one import: frames, safe d3 scales, tick lists and path builders. Pure
 * functions (no DOM): d3 computes, the Svelte components (and src/lib/components/chart/Axis)
 * only draw what these return.
 */
export { chartFrame, type ChartFrame, type Margins } from './frame';
export {
	autoScale,
	finiteExtent,
	linearDomain,
	linearScale,
	logDomain,
	logScale,
	type AutoScale,
	type Interval
} from './scale';
export {
	decadeTicks,
	scaleTicks,
	stepFormat,
	type Tick,
	type TickOptions,
	type TickScale
} from './ticks';
export { barRects, linePath, rugPath, stepAreaPath, type BarRect } from './paths';
