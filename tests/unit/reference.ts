/**
 * Loads the independent float64 reference as it stands. The repository keeps a byte-identical
 * copy of `../shared/reference/` in `tests/fixtures/reference/` (so a clone on its own passes
 * its tests); `reference-copy.test.ts` fails if the copy drifts from `../shared/` when that
 * folder is beside the repository. Never edited: if a test disagrees with it, the
 * implementation is wrong. SPHERELAB_REFERENCE overrides the path of vectors.json.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository's copy of the reference folder. */
export const fixtureDir = resolve(here, '../fixtures/reference');
/** The shared folder beside the repository, when there is one (a user's clone has none). */
export const sharedDir = resolve(here, '../../../shared/reference');

/** Absolute path of vectors.json. */
export const referencePath = process.env.SPHERELAB_REFERENCE ?? resolve(fixtureDir, 'vectors.json');

export interface ReferenceCase {
	id: string;
	kind: 'softmax' | 'modified' | 'asoftmax' | 'cosface' | 'arcface';
	options: {
		m?: number;
		lambda?: number;
		psi_mode?: 'chebyshev' | 'angle';
		normalize_features?: boolean;
		s?: number | null;
		variant?: 'th_mm' | 'plain';
	};
	shape: { N: number; D: number; C: number };
	inputs: { X: number[][]; W: number[][]; y: number[]; b?: number[] };
	expected: {
		logits: number[][];
		loss: number;
		per_sample_loss: number[];
		cos_theta: number[][];
		x_norm: number[];
		psi_target?: number[];
		k_target?: number[];
		dX: number[][];
		dW: number[][];
		dW_hat: number[][] | null;
		db?: number[];
	};
	edge: string[];
	nondifferentiable: boolean;
}

export interface BoundaryRow {
	kind: 'asoftmax' | 'modified' | 'cosface' | 'arcface';
	delta: number;
	m?: number;
	lambda?: number;
	theta1: number | null;
	closed_form?: number | null;
	margin_between_boundaries?: number;
}

export interface Reference {
	cases: ReferenceCase[];
	psi_table: {
		theta: number[];
		psi: Record<string, number[]>;
		psi_lambda5: Record<string, number[]>;
	};
	lambda_schedules: {
		iterations: number[];
		official_caffe: { values: number[]; reaches_min_at_it: number };
		sphereface_pytorch: { values: number[]; reaches_min_at_it: number };
	};
	boundary_angles_2d: BoundaryRow[];
}

/** The parsed reference file. */
export const reference: Reference = JSON.parse(readFileSync(referencePath, 'utf8'));

/** |a − e| ≤ rel · max(|e|, floor): relative with an absolute floor for values near 0. */
export function closeTo(a: number, e: number, rel: number, floor = 1): boolean {
	return Number.isFinite(a) && Math.abs(a - e) <= rel * Math.max(Math.abs(e), floor);
}

/**
 * Largest error of `actual` against `expected`, relative to the largest magnitude of the
 * expected array with an absolute floor (the README's float32 rule): |a − e| / max(max|e|, floor).
 */
export function arrayError(
	actual: ArrayLike<number>,
	expected: readonly number[],
	floor = 1e-3
): number {
	if (actual.length !== expected.length) return Infinity;
	let scale = floor;
	for (const e of expected) scale = Math.max(scale, Math.abs(e));
	let worst = 0;
	for (let i = 0; i < expected.length; i++) {
		const d = Math.abs(actual[i] - expected[i]);
		worst = Math.max(worst, Number.isNaN(d) ? Infinity : d / scale);
	}
	return worst;
}

/** A reference case's options as the heads' options object (`HeadOptions` / `HeadParams`). */
export function headOptionsOf(c: ReferenceCase) {
	const o = c.options;
	return {
		kind: c.kind,
		m: o.m,
		lambda: o.lambda,
		s: o.s ?? undefined,
		normalizeFeatures: o.normalize_features,
		psiMode: o.psi_mode,
		arcfaceVariant: o.variant
	};
}
