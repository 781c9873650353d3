/**
 * The arithmetic of one point on the feature sphere (3-D features, the margin heads): its
 * angles, logits, probabilities and loss under the snapshot's head (math/pointGradient.ts),
 * and where training pushes it on the sphere: the part of −∇ₓ loss across the point's
 * direction (moving along the direction changes only ‖x‖, which the sphere does not show).
 * The Euclidean losses have no head: null, and the card says the circle shows their pairs.
 */
import { isMetricLoss } from '../math/margins';
import { pointArithmetic, type PointArithmetic } from '../math/pointGradient';
import type { Snapshot } from '../model/snapshot';
import { nearestSubCenterWeights } from '../math/subCenters';

export interface SphereCard {
	index: number;
	label: number;
	predicted: number;
	/** The feature. */
	x: [number, number, number];
	arith: PointArithmetic;
	/** The push across the direction x̂: −(∇ − (∇·x̂) x̂), and its length. */
	push: [number, number, number];
	pushNorm: number;
}

/** The card of point `index`, or null (not 3-D, a Euclidean loss, out of range, no label). */
export function sphereCard(
	s: Snapshot,
	labels: ArrayLike<number>,
	index: number
): SphereCard | null {
	const kind = s.lossKind;
	if (s.featureDim !== 3 || isMetricLoss(kind)) return null;
	if (!Number.isInteger(index) || index < 0 || 3 * index + 2 >= s.features.length) return null;
	if (index >= labels.length) return null;
	const x: [number, number, number] = [
		s.features[3 * index],
		s.features[3 * index + 1],
		s.features[3 * index + 2]
	];
	// Softmax uses the raw W (unit rows × their norms) and the bias; the others normalise W.
	// With sub-centers, each class's nearest one to x (the max that decides its logit).
	const sub = s.subCenters;
	const W = sub
		? nearestSubCenterWeights(x, sub.subWeights, 3, sub.k)
		: Array.from({ length: s.numClasses }, (_, j) => {
				const n = s.bias ? s.weightNorms[j] : 1;
				return [0, 1, 2].map((d) => s.weights[3 * j + d] * n);
			});
	const row = s.weightClasses.indexOf(labels[index]);
	const arith = pointArithmetic(x, W, s.bias ? Array.from(s.bias) : null, row, {
		kind,
		m: s.m,
		lambda: s.lambda,
		s: s.s,
		...s.margins
	});
	const r = Math.hypot(...x);
	const g = arith.grad;
	const along = r > 0 ? (g[0] * x[0] + g[1] * x[1] + g[2] * x[2]) / r : 0;
	const push = [0, 1, 2].map((d) => -(g[d] - (r > 0 ? (along * x[d]) / r : 0))) as [
		number,
		number,
		number
	];
	const pushNorm = Math.hypot(...push);
	return {
		index,
		label: labels[index],
		predicted: s.predictions[index] ?? -1,
		x,
		arith,
		push: pushNorm > 0 && Number.isFinite(pushNorm) ? push : [0, 0, 0],
		pushNorm: Number.isFinite(pushNorm) ? pushNorm : 0
	};
}

/** The arrow's length on the unit sphere for a push of `norm`: grows with it, at most 0.45. */
export function pushLength(norm: number): number {
	return Number.isFinite(norm) && norm > 0 ? 0.45 * Math.tanh(norm) : 0;
}
