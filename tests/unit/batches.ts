/**
 * Seeded test batches for the loss heads: random features and weights plus edge rows
 * (target exactly on and opposite its weight, on another class's weight, near-zero norm),
 * avoiding the kinks where finite differences mean nothing. With `opts.subCenters` = K > 1,
 * W has C·K rows (row j·K + k: class j's sub-center k), and random rows also avoid features
 * almost equally near two sub-centers of a class (the max's kink).
 */
import type { HeadOptions } from '../../src/lib/model/heads';
import { angleBetween, cosBetween, normalize } from '../../src/lib/math/vec';
import { createRng } from '../../src/lib/math/rng';

export interface Batch {
	X: number[][];
	W: number[][];
	b: number[] | null;
	y: number[];
}

/** A seeded batch with edge rows, avoiding the kinks where finite differences are not meaningful. */
export function makeBatch(seed: number, dim: number, classes: number, opts: HeadOptions): Batch {
	const rng = createRng(seed);
	const vec = (scale: number) => Array.from({ length: dim }, () => scale * rng.normal());
	const k = opts.kind === 'softmax' ? 1 : (opts.subCenters ?? 1);
	const W = Array.from({ length: classes * k }, () => vec(1.2));
	// Class 0's weight is axis-aligned, so the edge rows on and opposite it are exact cone
	// points in float32 too (as in the reference's edge cases).
	W[0] = W[0].map((_, i) => (i === 0 ? 1.3 : 0));
	const y: number[] = [];
	const X: number[][] = [];
	const m = opts.m ?? 0.5;
	/** The angle to the class's nearest sub-center (its only weight when K = 1). */
	const classAngle = (x: number[], j: number) =>
		Math.min(...W.slice(j * k, (j + 1) * k).map((w) => angleBetween(x, w)));
	/** Two sub-centers of one class with almost the same cosine: the max switches there. */
	const nearTie = (x: number[]) =>
		Array.from({ length: classes }, (_, j) =>
			W.slice(j * k, (j + 1) * k)
				.map((w) => cosBetween(x, w))
				.sort((a, b) => b - a)
		).some((c) => c.length > 1 && c[0] - c[1] < 0.02);
	const nearKink = (x: number[], label: number) => {
		if (k > 1 && nearTie(x)) return true;
		const t = classAngle(x, label);
		if (
			opts.kind === 'arcface' &&
			(opts.arcfaceVariant ?? 'th_mm') === 'th_mm' &&
			Math.abs(t - (Math.PI - m)) < 0.02
		)
			return true;
		if (opts.kind === 'asoftmax' && !Number.isInteger(m) && t > Math.PI - 0.05 && t < Math.PI)
			return true;
		return false;
	};
	while (X.length < 8) {
		const label = rng.int(classes);
		const x = vec(1.5);
		if (nearKink(x, label)) continue;
		X.push(x);
		y.push(label);
	}
	// Edge rows: exactly on the target weight, exactly opposite it, on another weight, tiny norm.
	const w0 = normalize(W[0]);
	X.push(
		w0.map((v) => 2 * v),
		w0.map((v) => -0.7 * v),
		normalize(W[k]).map((v) => 1.3 * v), // class 1's (first) weight
		vec(1e-3 / Math.sqrt(dim))
	);
	y.push(0, 0, 0, 1);
	const b =
		opts.kind === 'softmax' ? Array.from({ length: classes }, () => 0.3 * rng.normal()) : null;
	return { X, W, b, y };
}
