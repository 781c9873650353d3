/**
 * Toy data sets in 2D and 3D input space (blobs, spirals, rings/shells, clusters on the
 * sphere), like TensorFlow Playground's: every point lies in [−1, 1]^dim, the same params and
 * seed give bit-identical arrays, and a deterministic train/test/held-out split supports both
 * the closed-set and the open-set protocol. Bad params never throw: they are clamped and
 * each change is reported in a plain sentence.
 */
import { createRng, type Rng } from './rng';
import { angleBetween, dot, norm, normalize, unit2 } from './vec';
import { clampDataParams, type DataParams, type GeneratorKind } from './dataParams';

export * from './dataParams';

/** A generated data set. Rows are grouped by class (class 0 first); trainers shuffle. */
export interface Dataset {
	/** The clamped params actually used. */
	params: DataParams;
	dim: 2 | 3;
	numClasses: number;
	/** [n, dim] row-major, every coordinate in [−1, 1]. */
	points: Float64Array;
	/** [n], original class index 0..classes−1 (held-out classes are not relabelled). */
	labels: Int32Array;
	/** [n]: 0 = train, 1 = test (seen classes), 2 = held out (unseen classes, open-set). */
	split: Uint8Array;
}

/** The values of `Dataset.split`, by name. */
export const SPLIT = Object.freeze({ train: 0, test: 1, heldOut: 2 } as const);

// ---------------------------------------------------------------------------------------
// Geometry

/** Gaussian draws are truncated at this many standard deviations (see `truncatedNormal`). */
const TRUNCATE = 2.5;

/**
 * A standard normal draw restricted to |z| ≤ 2.5. The rare tail (about 1.2% of draws) is
 * redrawn rather than clipped, so the shape stays Gaussian, and every generator gets a hard
 * bound that keeps its points inside [−1, 1]^dim. The try cap only makes termination obvious
 * (32 tail draws in a row has probability ~1e−62).
 */
function truncatedNormal(rng: Rng): number {
	for (let i = 0; i < 32; i++) {
		const z = rng.normal();
		if (Math.abs(z) <= TRUNCATE) return z;
	}
	return 0;
}

/** A uniformly random unit vector: an angle in 2D, Archimedes' z-slice method in 3D. */
function randomDirection(dim: 2 | 3, rng: Rng): number[] {
	const [x, y] = unit2(2 * Math.PI * rng.next());
	if (dim === 2) return [x, y];
	const z = rng.uniform(-1, 1);
	const r = Math.sqrt(1 - z * z); // |z| ≤ 1, so the argument is never negative
	return [r * x, r * y, z];
}

/** Regular tetrahedron vertices (before normalising): the 4 most spread directions in 3D. */
const TETRAHEDRON = [
	[1, 1, 1],
	[1, -1, -1],
	[-1, 1, -1],
	[-1, -1, 1]
];

/**
 * `count` well-spread unit directions, one per class: evenly around the circle in 2D; in 3D
 * the equator for ≤ 3 classes (optimal), a tetrahedron for 4, a Fibonacci sphere above.
 * Used as blob centres and sphere clusters so every class starts equally far from the others.
 */
export function classDirections(count: number, dim: 2 | 3): number[][] {
	const ids = Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => i);
	if (dim === 2 || count <= 3) {
		return ids.map((i) => {
			const [x, y] = unit2((2 * Math.PI * i) / count);
			return dim === 2 ? [x, y] : [x, y, 0];
		});
	}
	if (count === 4) return TETRAHEDRON.map((v) => normalize(v));
	const golden = Math.PI * (3 - Math.sqrt(5));
	return ids.map((i) => {
		const z = 1 - (2 * (i + 0.5)) / count;
		const [x, y] = unit2(i * golden);
		const r = Math.sqrt(1 - z * z);
		return [r * x, r * y, z];
	});
}

/**
 * Moves the unit vector `c` by a Gaussian angle: a step t in the tangent plane at c, then
 * along the great circle (exponential map): p = cos θ · c + sin θ · t/‖t‖ with θ = σ‖t‖, so p
 * is exactly on the sphere and θ is the angular noise.
 */
function angularJitter(c: readonly number[], sigma: number, rng: Rng): number[] {
	const g = c.map(() => truncatedNormal(rng));
	const gc = dot(g, c);
	const t = g.map((v, i) => v - gc * c[i]);
	const len = norm(t);
	// A zero tangent step has no direction (probability ~0): stay at the centre.
	if (len === 0) return [...c];
	const theta = sigma * len;
	// Renormalise: cos² + sin² = 1 only up to rounding.
	return normalize(c.map((v, i) => Math.cos(theta) * v + (Math.sin(theta) * t[i]) / len));
}

/** Draws one point of class `cls`; built once per data set by a generator factory. */
type Sampler = (cls: number, rng: Rng) => number[];

/** Blob centres sit at this radius, leaving room for a 2.5σ spread inside the unit box. */
const BLOB_RADIUS = 0.6;
/** Spirals: outer radius, inner start (fraction of it), number of turns, helix height in 3D. */
const SPIRAL = { radius: 0.8, start: 0.15, turns: 1.25, height: 0.6 };
/** Rings: radius of the outermost ring/shell. */
const RING_RADIUS = 0.8;

const GENERATORS: Record<GeneratorKind, (p: DataParams) => Sampler> = {
	/** Gaussian blobs around well-spread centres; σ = 0.03 + 0.13·noise, so 0.6 + 2.5σ ≤ 1. */
	blobs: ({ classes, inputDim, noise }) => {
		const centres = classDirections(classes, inputDim).map((u) => u.map((v) => BLOB_RADIUS * v));
		const sigma = 0.03 + 0.13 * noise;
		return (cls, rng) => centres[cls].map((v) => v + sigma * truncatedNormal(rng));
	},
	/**
	 * C interleaved arms r = R(a + (1 − a)t), φ = 2πc/C + 2π·turns·t; in 3D a conical helix
	 * z = h(2t − 1). Neighbouring arms are `gap` apart radially; σ is a fraction of the gap.
	 */
	spirals: ({ classes, inputDim, noise }) => {
		const { radius, start, turns, height } = SPIRAL;
		const gap = (radius * (1 - start)) / (classes * turns);
		const sigma = gap * (0.02 + 0.2 * noise);
		return (cls, rng) => {
			const t = rng.next();
			const r = radius * (start + (1 - start) * t);
			const [x, y] = unit2((2 * Math.PI * cls) / classes + 2 * Math.PI * turns * t);
			const out = [r * x + sigma * truncatedNormal(rng), r * y + sigma * truncatedNormal(rng)];
			if (inputDim === 3) out.push(height * (2 * t - 1) + sigma * truncatedNormal(rng));
			return out;
		};
	},
	/**
	 * Class i on the ring (2D) or shell (3D) of radius (i + 1)·gap, gap = 0.8/C; radial
	 * σ = gap·(0.02 + 0.18·noise), so 2.5σ ≤ gap/2: radii stay in (0, 1] and rings never cross.
	 */
	rings: ({ classes, inputDim, noise }) => {
		const gap = RING_RADIUS / classes;
		const sigma = gap * (0.02 + 0.18 * noise);
		return (cls, rng) => {
			const r = gap * (cls + 1) + sigma * truncatedNormal(rng);
			return randomDirection(inputDim, rng).map((v) => r * v);
		};
	},
	/** Clusters on the unit circle/sphere; angular σ is a fraction of the closest centres' angle. */
	sphere: ({ classes, inputDim, noise }) => {
		const centres = classDirections(classes, inputDim);
		let spacing = Math.PI;
		for (let i = 0; i < classes; i++) {
			for (let j = i + 1; j < classes; j++) {
				spacing = Math.min(spacing, angleBetween(centres[i], centres[j]));
			}
		}
		const sigma = spacing * (0.03 + 0.3 * noise);
		return (cls, rng) => angularJitter(centres[cls], sigma, rng);
	}
};

/**
 * Generates a data set from (possibly invalid) params, clamped by `clampDataParams` first.
 * The seeded stream draws all points class by class, then shuffles every class (held out or
 * not) for the split, so points never depend on `testFraction`/`heldOut`, and holding out a
 * class leaves the other classes' splits unchanged. Within each seen class,
 * round(testFraction·count) shuffled points go to test, but at least one stays in train.
 */
export function generateDataset(p: Partial<DataParams>): Dataset {
	const { params } = clampDataParams(p);
	const { classes, pointsPerClass: perClass, inputDim: dim } = params;
	const n = classes * perClass;
	const points = new Float64Array(n * dim); // [n, dim]
	const labels = new Int32Array(n); // [n]
	const split = new Uint8Array(n); // [n]
	const rng = createRng(params.seed);
	const sample = GENERATORS[params.generator](params);
	for (let cls = 0; cls < classes; cls++) {
		for (let k = 0; k < perClass; k++) {
			const row = cls * perClass + k;
			const x = sample(cls, rng);
			// Each generator is bounded inside the box by construction; this clamp only
			// absorbs rounding (a coordinate of 1 + 2^−52).
			for (let d = 0; d < dim; d++) points[row * dim + d] = Math.min(1, Math.max(-1, x[d]));
			labels[row] = cls;
		}
	}
	const held = new Set(params.heldOut);
	// At most count − 1 in test: round(0.9·5) = 5 would leave a class with no training point.
	const nTest = Math.min(perClass - 1, Math.round(params.testFraction * perClass));
	for (let cls = 0; cls < classes; cls++) {
		const order = rng.shuffle(Array.from({ length: perClass }, (_, k) => cls * perClass + k));
		if (held.has(cls)) order.forEach((row) => (split[row] = SPLIT.heldOut));
		else for (let k = 0; k < nTest; k++) split[order[k]] = SPLIT.test;
	}
	return { params, dim, numClasses: classes, points, labels, split };
}

/**
 * Why a data set cannot be trained on, in plain words, or null when it can: consistent
 * array lengths, finite coordinates, labels that are class indices, 2–10 classes, 2D or 3D
 * inputs, and at least one training point. Used for uploaded and drawn data.
 */
export function datasetProblem(d: Dataset): string | null {
	const n = d.labels.length;
	if (d.dim !== 2 && d.dim !== 3) return `inputs must be 2D or 3D, not ${d.dim}D`;
	if (d.points.length !== n * d.dim || d.split.length !== n) {
		return 'points, labels and split have different lengths';
	}
	if (d.numClasses < 2 || d.numClasses > 10) return 'there must be 2 to 10 classes';
	if (!d.points.every(Number.isFinite)) return 'some coordinates are not finite numbers';
	if (!d.labels.every((l) => Number.isInteger(l) && l >= 0 && l < d.numClasses)) {
		return `labels must be class indices 0–${d.numClasses - 1}`;
	}
	if (!d.split.some((s) => s === 0)) return 'no point is in the training split';
	return null;
}
