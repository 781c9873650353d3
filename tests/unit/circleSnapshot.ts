/**
 * A 2D snapshot for the feature-circle tests: unit class weights at the given angles
 * (radians), one class per weight, two features, no statistics.
 */
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { CombinedMargins, HeadKind } from '../../src/lib/math/psi';

export function circleSnapshot(
	angles: number[],
	lossKind: HeadKind,
	m: number,
	lambda = 0,
	margins: CombinedMargins = { m1: 1, m2: 0.3, m3: 0.2 }
): Snapshot {
	const weights = new Float32Array(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]));
	return {
		step: 1,
		dataVersion: 1,
		loss: 0.1,
		trainAccuracy: 1,
		testAccuracy: 1,
		lambda,
		petalWidth: null,
		lossKind,
		m,
		margins,
		s: 30,
		rule: 'weights',
		classMeans: null,
		activity: null,
		backend: 'cpu',
		inputDim: 2,
		featureDim: 2,
		numClasses: angles.length,
		weightClasses: Int32Array.from(angles, (_, j) => j),
		features: new Float32Array([1, 0, 0, 1]),
		predictions: new Int32Array(2),
		weights,
		weightNorms: new Float32Array(angles.length).fill(1),
		bias: null,
		grid: null,
		status: 'ok',
		message: null,
		divergence: null,
		divergedAt: null,
		stats: null,
		imbalance: null
	};
}
