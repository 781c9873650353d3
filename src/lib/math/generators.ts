/**
 * The toy data generators, like TensorFlow Playground's: blobs, spirals, rings/shells and
 * clusters on the sphere in 2D and 3D input space, and the open-set family 'identities' in
 * up to 16 dimensions. Every point lies in [−1, 1]^dim, the same settings and seed give
 * bit-identical arrays, and the deterministic train/test/held-out split (split.ts) supports
 * both the closed-set and the open-set protocol. Bad settings never throw: they are clamped
 * first (dataSettings.ts).
 */
import { createRng, hashSeed, type Rng } from './rng';
import { angleBetween, dot, norm, normalize, unit2 } from './vec';
import { clampDataSettings } from './dataSettings';
import type { DataSettings, GeneratorKind } from './settingTypes';
import type { Dataset } from './datasets';
import { stratifiedSplit } from './split';

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

/** 2 or 3: the planar/space generators' dimension (their clamp allows nothing else). */
const planar = (dim: number): 2 | 3 => (dim === 3 ? 3 : 2);

/**
 * The 'identities' family: radius of the identity centres, number of shared nuisance
 * directions, and the spreads σ = lo + (hi − lo)·noise of the nuisance (per direction) and
 * of the isotropic noise (per coordinate). Every coordinate is bounded by
 * radius + 2.5·√K·σ_nuisance + 2.5·σ_iso = 0.25 + 2.5·√2·0.18 + 2.5·0.03 ≈ 0.961 < 1 (see
 * `identitiesSampler`). The nuisance is as large as the identity signal on purpose, as pose
 * and lighting change a face's pixels as much as identity does: two centres are typically
 * radius·√2 ≈ 0.35 apart, while a nuisance move has an rms length of √2·σ_n, 0.16 at noise
 * 0.5 and 0.25 at noise 1 (reaching 0.41 and 0.64).
 */
export const IDENTITIES = Object.freeze({
	radius: 0.25,
	nuisanceDirections: 2,
	nuisanceSigma: [0.05, 0.18] as const,
	isotropicSigma: [0.01, 0.03] as const
});

/** A vector of `dim` standard normal draws (full tails: only its direction is used). */
function gaussianVector(dim: number, rng: Rng): number[] {
	return Array.from({ length: dim }, () => rng.normal());
}

/**
 * `count` orthonormal directions in R^dim: Gram–Schmidt on Gaussian vectors, i.e. a uniformly
 * random K-frame. A draw that is (numerically) in the span of the previous ones is redrawn;
 * that has probability 0, the cap only makes termination obvious.
 */
function orthonormalFrame(count: number, dim: number, rng: Rng): number[][] {
	const frame: number[][] = [];
	for (let tries = 0; frame.length < count && tries < 100 * (count + 1); tries++) {
		let v = gaussianVector(dim, rng);
		for (const u of frame) {
			const c = dot(v, u);
			v = v.map((x, i) => x - c * u[i]);
		}
		if (norm(v) > 1e-6) frame.push(normalize(v));
	}
	return frame;
}

/**
 * The open-set family. From a geometry stream of its own (so class i's centre does not
 * depend on how many classes there are): K = min(2, D − 1) orthonormal nuisance directions
 * v_k shared by every identity, then one centre per class, c = radius · g/‖g‖ with g standard
 * normal, i.e. uniform on the sphere of that radius in R^D, i.i.d. for seen and held-out
 * classes alike. A sample is x = c + σ_n Σ_k z_k v_k + σ_i e (z, e truncated normals), so all
 * identities vary in the same way. Coordinate bound: |c_d| ≤ radius; |Σ_k z_k v_kd| ≤ ‖z‖ ·
 * (Σ_k v_kd²)^½ ≤ 2.5√K (Cauchy–Schwarz, rows of an orthonormal frame have norm ≤ 1);
 * |e_d| ≤ 2.5; so |x_d| ≤ radius + 2.5√K σ_n + 2.5 σ_i < 1 (see `IDENTITIES`).
 */
function identitiesSampler(p: DataSettings, geometry: Rng): Sampler {
	const { classes, inputDim: dim, noise } = p;
	const { radius, nuisanceDirections, nuisanceSigma, isotropicSigma } = IDENTITIES;
	const nuisance = orthonormalFrame(Math.min(nuisanceDirections, dim - 1), dim, geometry);
	const centres = Array.from({ length: classes }, () => {
		const u = normalize(gaussianVector(dim, geometry));
		// A zero draw (probability 0) has no direction: use the first axis.
		return norm(u) > 0 ? u.map((v) => radius * v) : u.map((_, i) => (i === 0 ? radius : 0));
	});
	const sn = nuisanceSigma[0] + (nuisanceSigma[1] - nuisanceSigma[0]) * noise;
	const si = isotropicSigma[0] + (isotropicSigma[1] - isotropicSigma[0]) * noise;
	return (cls, rng) => {
		const x = centres[cls].map((v) => v + si * truncatedNormal(rng));
		for (const v of nuisance) {
			const z = sn * truncatedNormal(rng);
			for (let d = 0; d < dim; d++) x[d] += z * v[d];
		}
		return x;
	};
}

/** Blob centres sit at this radius, leaving room for a 2.5σ spread inside the unit box. */
const BLOB_RADIUS = 0.6;
/** Spirals: outer radius, inner start (fraction of it), number of turns, helix height in 3D. */
const SPIRAL = { radius: 0.8, start: 0.15, turns: 1.25, height: 0.6 };
/** Rings: radius of the outermost ring/shell. */
const RING_RADIUS = 0.8;

/**
 * The geometry stream of a seed: derived from it, but unrelated to the points' stream
 * `createRng(seed)` (the salt is any fixed 32-bit constant, here the first word of √2's
 * fraction; createRng hashes again, so neighbouring seeds stay unrelated).
 */
function geometryRng(seed: number): Rng {
	return createRng(hashSeed(seed) ^ 0x6a09e667);
}

/**
 * Generator factories. `geometry` is a stream separate from the points' stream, for random
 * geometry (the identities' centres); the planar/space generators do not use it.
 */
const GENERATORS: Record<
	Exclude<GeneratorKind, 'digits'>,
	(p: DataSettings, geometry: Rng) => Sampler
> = {
	/** Gaussian blobs around well-spread centres; σ = 0.03 + 0.13·noise, so 0.6 + 2.5σ ≤ 1. */
	blobs: ({ classes, inputDim, noise }) => {
		const centres = classDirections(classes, planar(inputDim)).map((u) =>
			u.map((v) => BLOB_RADIUS * v)
		);
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
			return randomDirection(planar(inputDim), rng).map((v) => r * v);
		};
	},
	/** Clusters on the unit circle/sphere; angular σ is a fraction of the closest centres' angle. */
	sphere: ({ classes, inputDim, noise }) => {
		const centres = classDirections(classes, planar(inputDim));
		let spacing = Math.PI;
		for (let i = 0; i < classes; i++) {
			for (let j = i + 1; j < classes; j++) {
				spacing = Math.min(spacing, angleBetween(centres[i], centres[j]));
			}
		}
		const sigma = spacing * (0.03 + 0.3 * noise);
		return (cls, rng) => angularJitter(centres[cls], sigma, rng);
	},
	identities: identitiesSampler
};

/**
 * Generates a data set from (possibly invalid) settings, clamped by `clampDataSettings` first.
 * The seeded stream draws all points class by class, then shuffles every class (held out or
 * not) for the split (`stratifiedSplit`), so points never depend on `testFraction`/`heldOut`,
 * and holding out a class leaves the other classes' splits unchanged. Within each seen class,
 * round(testFraction·count) shuffled points go to test, but at least one stays in train.
 */
export function generateDataset(p: Partial<DataSettings>): Dataset {
	const { data: settings } = clampDataSettings(p);
	if (settings.generator === 'digits') {
		// Real digits are read, not drawn: `digitsDataset` (io/digits.ts) builds them.
		throw new RangeError('Digits are not generated: they come from the digits file.');
	}
	const { classes, pointsPerClass: perClass, inputDim: dim } = settings;
	const n = classes * perClass;
	const points = new Float64Array(n * dim); // [n, dim]
	const labels = new Int32Array(n); // [n]
	const rng = createRng(settings.seed);
	const sample = GENERATORS[settings.generator](settings, geometryRng(settings.seed));
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
	const split = stratifiedSplit(labels, classes, settings.testFraction, rng, settings.heldOut);
	return { settings, dim, numClasses: classes, points, labels, split };
}
