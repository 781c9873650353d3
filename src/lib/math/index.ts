/**
 * The math core: pure TypeScript in float64, no DOM, no tfjs, no rendering. Everything the
 * lessons state as a formula is a tested function here before anything draws it.
 */
export * from './rng';
export * from './vec';
export * from './psi';
export * from './lambda';
export * from './boundary';
export * from './circle';
export * from './logits';
export * from './dataParams';
export * from './split';
export * from './generators';
export * from './datasets';
export * from './limits';
export * from './stats';
export * from './histograms';
export * from './petal';
export * from './clamp';
export * from './roc';
export * from './cosineRows';
export * from './verification';
export * from './identification';
export * from './openset';
export * from './settings';
export * from './settingsEngine';
export * from './classDensity';
export * from './compactness';
export * from './offAngle';
export * from './nearestMean';
export * from './bootstrap';
