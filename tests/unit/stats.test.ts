import { describe, expect, it } from 'vitest';
import { TOY_GENERATORS } from '../../src/lib/math/settingTypes';
import { generateDataset } from '../../src/lib/math/generators';
import { angleHistograms, normHistogram } from '../../src/lib/math/histograms';
import { angleStats, DEFAULT_MAX_PAIRS } from '../../src/lib/math/stats';

/** An orthonormal pair in 3D to embed planar configurations: (1,2,2)/3 ⊥ (2,1,−2)/3. */
const E1 = [1 / 3, 2 / 3, 2 / 3];
const E2 = [2 / 3, 1 / 3, -2 / 3];

/** Rows at the given polar angles and norms, in the plane (dim 2) or the E1–E2 plane (dim 3). */
function ring(angles: number[], norms: number[], dim: 2 | 3): number[] {
	return angles.flatMap((phi, i) => {
		const [c, s] = [norms[i] * Math.cos(phi), norms[i] * Math.sin(phi)];
		return dim === 2 ? [c, s] : E1.map((e, k) => c * e + s * E2[k]);
	});
}

/**
 * Two classes of three: class 0 at angles −a, 0, a and class 1 at π/2 − b, π/2, π/2 + b,
 * with unequal norms (the stats must only see directions).
 */
function twoFans(a: number, b: number, dim: 2 | 3) {
	const angles = [-a, 0, a, Math.PI / 2 - b, Math.PI / 2, Math.PI / 2 + b];
	const norms = [0.5, 2, 7, 3, 0.01, 40];
	return { features: ring(angles, norms, dim), labels: [0, 0, 0, 1, 1, 1] };
}

/** Reference by brute force with acos (fine away from 0 and π). */
function reference(features: ArrayLike<number>, dim: number, labels: ArrayLike<number>) {
	const n = labels.length;
	const unit = (i: number) => {
		const v = Array.from({ length: dim }, (_, d) => features[i * dim + d]);
		const len = Math.hypot(...v);
		return v.map((x) => x / len);
	};
	const units = Array.from({ length: n }, (_, i) => unit(i));
	let maxIntra = -Infinity;
	let minInter = Infinity;
	let intra = 0;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const cos = units[i].reduce((s, v, d) => s + v * units[j][d], 0);
			const angle = Math.acos(Math.min(1, Math.max(-1, cos)));
			if (labels[i] === labels[j]) {
				intra++;
				maxIntra = Math.max(maxIntra, angle);
			} else minInter = Math.min(minInter, angle);
		}
	}
	return { maxIntra, minInter, intra, inter: (n * (n - 1)) / 2 - intra };
}

describe('angleStats on hand-built configurations', () => {
	const cases: [number, number, 2 | 3][] = [
		[0.1, 0.2, 2],
		[0.3, 0.4, 2],
		[0.4, 0.4, 2],
		[0.5, 0.1, 2],
		[0.1, 0.2, 3],
		[0.4, 0.4, 3],
		[0, 0, 2]
	];
	it.each(cases)('a = %f, b = %f, dim %i', (a, b, dim) => {
		const { features, labels } = twoFans(a, b, dim);
		const s = angleStats(features, dim, labels);
		const maxIntra = 2 * Math.max(a, b);
		const minInter = Math.PI / 2 - a - b;
		expect(s.count).toBe(6);
		expect(s.skipped).toBe(0);
		expect(s.numClasses).toBe(2);
		expect(s.sampled).toBe(false);
		expect([s.intraPairs, s.interPairs]).toEqual([6, 9]);
		expect(s.maxIntra).toBeCloseTo(maxIntra, 12);
		expect(s.minInter).toBeCloseTo(minInter, 12);
		expect(s.perClassMaxIntra[0]).toBeCloseTo(2 * a, 12);
		expect(s.perClassMaxIntra[1]).toBeCloseTo(2 * b, 12);
		// Each fan is symmetric about its centre, so the mean directions are 0 and π/2.
		expect(s.minInterMeans).toBeCloseTo(Math.PI / 2, 12);
		// Intra angles a, a, 2a and b, b, 2b; inter angles π/2 ± (…) cancel to π/2 on average.
		expect(s.meanIntra).toBeCloseTo((4 * a + 4 * b) / 6, 12);
		expect(s.meanInter).toBeCloseTo(Math.PI / 2, 12);
		// Percentiles of the six intra angles, linearly interpolated between order statistics:
		// the median halfway between the 3rd and 4th, the 90th percentile at rank 0.9 · 5 = 4.5.
		const intra = [a, a, 2 * a, b, b, 2 * b].sort((x, y) => x - y);
		expect(s.medianIntra).toBeCloseTo((intra[2] + intra[3]) / 2, 12);
		expect(s.p90Intra).toBeCloseTo(intra[4] + 0.5 * (intra[5] - intra[4]), 12);
		expect(s.criterion).toBe(maxIntra < minInter);
	});

	it.each([
		[0.1, 0.2, true],
		[0.3, 0.4, true],
		[0.4, 0.4, false],
		[0.5, 0.1, false]
	])('criterion for a = %f, b = %f is %s', (a, b, expected) => {
		const { features, labels } = twoFans(a, b, 2);
		expect(angleStats(features, 2, labels).criterion).toBe(expected);
	});

	it('antipodal classes: minInter is exactly π', () => {
		const features = ring([0, 0, Math.PI, Math.PI], [1, 2, 3, 4], 2);
		const s = angleStats(features, 2, [0, 0, 1, 1]);
		expect(s.minInter).toBeCloseTo(Math.PI, 15);
		expect(s.maxIntra).toBe(0);
		expect(s.criterion).toBe(true);
	});

	it.each([2, 3] as const)(
		'is accurate for tiny angles (dim %i), where acos loses digits',
		(dim) => {
			// acos(cos 1e−6) is off by ~1e−10 (relative 1e−4); the atan2 form by ~1e−16.
			const eps = 1e-6;
			const features = ring([0, eps, 1, 1 + 2 * eps], [1, 1, 1, 1], dim);
			const s = angleStats(features, dim, [0, 0, 1, 1]);
			expect((s.maxIntra ?? 0) / (2 * eps)).toBeCloseTo(1, 8);
			expect((s.perClassMaxIntra[0] ?? 0) / eps).toBeCloseTo(1, 8);
		}
	);

	it('gives the same answer for Float32Array, Float64Array and number[]', () => {
		// Values exactly representable in float32.
		const features = [1, 0, 0.5, 0.5, 0, 1, -1, 0.25, 0, -2, 0.75, -0.5];
		const labels = [0, 0, 1, 1, 2, 2];
		const a = angleStats(features, 2, labels);
		expect(angleStats(new Float32Array(features), 2, new Int32Array(labels))).toEqual(a);
		expect(angleStats(new Float64Array(features), 2, new Uint8Array(labels))).toEqual(a);
	});
});

describe('angleStats: undefined values are null, never NaN', () => {
	it.each([
		['no rows', [], []],
		['one row', [1, 0], [0]],
		['one class', [1, 0, 0, 1, -1, 0], [0, 0, 0]],
		['one sample per class', [1, 0, 0, 1], [0, 1]]
	])('%s', (_name, features, labels) => {
		const s = angleStats(features, 2, labels);
		const oneClass = new Set(labels).size < 2;
		const noPairs = labels.length < 2;
		expect(s.minInter === null).toBe(oneClass);
		expect(s.minInterMeans === null).toBe(oneClass);
		expect(s.meanInter === null).toBe(oneClass);
		const noIntra = noPairs || labels.length === new Set(labels).size;
		expect(s.maxIntra === null).toBe(noIntra);
		expect(s.meanIntra === null).toBe(noIntra);
		expect(s.medianIntra === null).toBe(noIntra);
		expect(s.p90Intra === null).toBe(noIntra);
		expect(s.criterion === null).toBe(oneClass || noIntra);
		for (const v of Object.values(s).flat()) {
			if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
		}
	});

	it('one straggler decides the max intra angle, not the median or the 90th percentile', () => {
		// Class 0: 30 points within 0.029 rad (435 tight pairs) and one at 1 rad (30 pairs
		// near 1 rad, 6.5 % of the 465); class 1 far away.
		const angles = [...Array.from({ length: 30 }, (_, i) => i * 0.001), 1, 3];
		const labels = [...new Array<number>(31).fill(0), 1];
		const s = angleStats(ring(angles, new Array(32).fill(1), 2), 2, labels);
		expect(s.intraPairs).toBe(465);
		expect(s.maxIntra).toBeCloseTo(1, 12);
		expect(s.p90Intra as number).toBeLessThan(0.03);
		expect(s.medianIntra as number).toBeLessThan(s.p90Intra as number);
		// The median is rank 232 of 0…464 of the sorted pair angles: (j − i) · 0.001 for the
		// tight pairs, 1 − i · 0.001 for the straggler's.
		const tight: number[] = [];
		for (let i = 0; i < 30; i++) for (let j = i + 1; j < 30; j++) tight.push((j - i) * 0.001);
		const all = [...tight, ...Array.from({ length: 30 }, (_, i) => 1 - i * 0.001)].sort(
			(x, y) => x - y
		);
		expect(s.medianIntra).toBeCloseTo(all[232], 9);
	});

	it('perClassMaxIntra is null for classes with fewer than 2 samples (including absent ones)', () => {
		const s = angleStats(ring([0, 0.5, 2, 3], [1, 1, 1, 1], 2), 2, [0, 0, 1, 3]);
		expect(s.numClasses).toBe(4);
		expect(s.perClassMaxIntra[0]).toBeCloseTo(0.5, 12);
		expect(s.perClassMaxIntra.slice(1)).toEqual([null, null, null]);
	});

	it('a class whose unit vectors cancel has no mean direction', () => {
		// Class 0 at 0 and π (mean 0); classes 1 and 2 at π/2 and 3π/4.
		const features = ring([0, Math.PI, Math.PI / 2, (3 * Math.PI) / 4], [1, 1, 1, 1], 2);
		const s = angleStats(features, 2, [0, 0, 1, 2]);
		expect(s.minInterMeans).toBeCloseTo(Math.PI / 4, 12);
		const only = angleStats(features.slice(0, 6), 2, [0, 0, 1]);
		expect(only.minInterMeans).toBeNull();
	});
});

describe('angleStats: skipped rows', () => {
	const good = twoFans(0.1, 0.2, 2);
	it.each([
		['NaN value', [NaN, 1], 0],
		['Infinity value', [Infinity, 0], 0],
		['zero vector', [0, 0], 1],
		['negative label', [1, 1], -1],
		['fractional label', [1, 1], 0.5],
		['NaN label', [1, 1], NaN],
		['label beyond MAX_LABEL', [1, 1], 1e9]
	])('%s is skipped and reported', (_name, bad, badLabel) => {
		const features = [...bad, ...good.features, ...bad];
		const labels = [badLabel, ...good.labels, badLabel];
		const s = angleStats(features, 2, labels);
		expect(s.skipped).toBe(2);
		expect({ ...s, skipped: 0 }).toEqual(angleStats(good.features, 2, good.labels));
	});

	it('huge finite rows keep their direction (their norm overflows to Infinity)', () => {
		const s = angleStats([1.5e308, 1.5e308, 1, 0, 0, -1.5e308], 2, [0, 0, 1]);
		expect(s.skipped).toBe(0);
		expect(s.maxIntra).toBeCloseTo(Math.PI / 4, 12);
		expect(s.minInter).toBeCloseTo(Math.PI / 2, 12);
	});

	it('an invalid dim gives no rows instead of throwing', () => {
		for (const dim of [0, -1, 1.5, NaN])
			expect(angleStats([1, 2, 3, 4], dim, [0, 1]).count).toBe(0);
	});
});

describe('angleStats against a brute-force reference', () => {
	it.each(TOY_GENERATORS.flatMap((g) => ([2, 3] as const).map((d) => [g, d] as const)))(
		'%s %iD',
		(generator, inputDim) => {
			const ds = generateDataset({
				generator,
				inputDim,
				classes: 4,
				pointsPerClass: 40,
				noise: 0.6
			});
			const ref = reference(ds.points, inputDim, ds.labels);
			const s = angleStats(ds.points, inputDim, ds.labels);
			expect(s.intraPairs).toBe(ref.intra);
			expect(s.interPairs).toBe(ref.inter);
			expect(s.maxIntra).toBeCloseTo(ref.maxIntra, 6);
			expect(s.minInter).toBeCloseTo(ref.minInter, 6);
		}
	);
});

describe('pair sampling', () => {
	const ds = generateDataset({
		generator: 'sphere',
		inputDim: 3,
		classes: 5,
		pointsPerClass: 40,
		noise: 0.5
	});
	const n = 200; // 19,900 pairs
	const exact = angleStats(ds.points, 3, ds.labels);

	it('visits all pairs up to maxPairs, and samples beyond', () => {
		expect(exact.sampled).toBe(false);
		expect(exact.intraPairs + exact.interPairs).toBe((n * (n - 1)) / 2);
		expect(angleStats(ds.points, 3, ds.labels, { maxPairs: 19900 }).sampled).toBe(false);
		const s = angleStats(ds.points, 3, ds.labels, { maxPairs: 19899 });
		expect(s.sampled).toBe(true);
		expect(s.intraPairs + s.interPairs).toBe(19899);
		expect(DEFAULT_MAX_PAIRS).toBeGreaterThanOrEqual((3000 * 2999) / 2);
	});

	it('is deterministic by seed, and a sample bounds the exact extremes', () => {
		const opts = { maxPairs: 2000, seed: 5 };
		const a = angleStats(ds.points, 3, ds.labels, opts);
		expect(angleStats(ds.points, 3, ds.labels, opts)).toEqual(a);
		const b = angleStats(ds.points, 3, ds.labels, { ...opts, seed: 6 });
		expect(b.meanInter).not.toBe(a.meanInter);
		expect(a.intraPairs + a.interPairs).toBe(2000);
		expect(a.maxIntra).toBeLessThanOrEqual(exact.maxIntra ?? NaN);
		expect(a.minInter).toBeGreaterThanOrEqual(exact.minInter ?? NaN);
		expect(a.meanInter).toBeCloseTo(exact.meanInter ?? NaN, 1);
		// Class means do not depend on the sample.
		expect(a.minInterMeans).toBe(exact.minInterMeans);
	});
});

describe('angleHistograms', () => {
	it('bins a hand-built configuration', () => {
		const { features, labels } = twoFans(0.1, 0.2, 2);
		const h = angleHistograms(features, 2, labels, { bins: 3 });
		expect(h.intra.edges).toEqual([0, Math.PI / 3, (2 * Math.PI) / 3, Math.PI]);
		expect(h.inter.edges).toEqual(h.intra.edges);
		// Intra angles ≤ 0.4 < π/3; inter angles within π/2 ± 0.3, inside (π/3, 2π/3).
		expect(h.intra.counts).toEqual([6, 0, 0]);
		expect(h.inter.counts).toEqual([0, 9, 0]);
	});

	it('puts 0 in the first bin and π in the last', () => {
		const features = ring([0, 0, Math.PI], [1, 1, 1], 2);
		const h = angleHistograms(features, 2, [0, 0, 1], { bins: 4 });
		expect(h.intra.counts).toEqual([1, 0, 0, 0]);
		expect(h.inter.counts).toEqual([0, 0, 0, 2]);
	});

	const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
	it.each([
		[undefined, 36],
		[NaN, 36],
		[0, 1],
		[7, 7],
		[1e6, 360]
	])('bins %s → %i, counts sum to the pairs of each kind', (bins, expectedBins) => {
		const ds = generateDataset({ classes: 3, pointsPerClass: 30 });
		const h = angleHistograms(ds.points, 2, ds.labels, { bins });
		expect(h.intra.counts.length).toBe(expectedBins);
		expect(h.intra.edges.length).toBe(expectedBins + 1);
		expect(h.inter.edges[expectedBins]).toBe(Math.PI);
		expect(sum(h.intra.counts)).toBe(3 * ((30 * 29) / 2));
		expect(sum(h.intra.counts) + sum(h.inter.counts)).toBe((90 * 89) / 2);
	});

	it('sampled histograms sum to maxPairs and are deterministic', () => {
		const ds = generateDataset({ classes: 4, pointsPerClass: 50 });
		const opts = { maxPairs: 1234, seed: 9 };
		const h = angleHistograms(ds.points, 2, ds.labels, opts);
		expect(h.sampled).toBe(true);
		expect(sum(h.intra.counts) + sum(h.inter.counts)).toBe(1234);
		expect(angleHistograms(ds.points, 2, ds.labels, opts)).toEqual(h);
		const s = angleStats(ds.points, 2, ds.labels, opts);
		expect(sum(h.intra.counts)).toBe(s.intraPairs);
	});
});

describe('normHistogram', () => {
	// Norms 0, 5, 10, 2, 1.
	const features = [0, 0, 3, 4, 6, 8, 0, 2, 1, 0];
	it.each([
		[{ bins: 5 }, [0, 2, 4, 6, 8, 10], [2, 1, 1, 0, 1], 0],
		[{ bins: 2, max: 4 }, [0, 2, 4], [2, 1], 2],
		[{ bins: 2, max: -1 }, [0, 5, 10], [3, 2], 0],
		[{ bins: 2, max: NaN }, [0, 5, 10], [3, 2], 0]
	])('%j', (opts, edges, counts, overflow) => {
		const h = normHistogram(features, 2, opts);
		expect(h.edges).toEqual(edges);
		expect(h.counts).toEqual(counts);
		expect(h.overflow).toBe(overflow);
		expect(h.skipped).toBe(0);
	});

	it('skips non-finite rows, and all-zero rows get a [0, 1] axis', () => {
		const h = normHistogram([0, 0, NaN, 1, 0, 0, Infinity, 0], 2, { bins: 4 });
		expect(h.skipped).toBe(2);
		expect(h.edges).toEqual([0, 0.25, 0.5, 0.75, 1]);
		expect(h.counts).toEqual([2, 0, 0, 0]);
	});

	it('a norm that overflows to Infinity is counted in overflow, not on the axis', () => {
		const h = normHistogram([1.5e308, 1.5e308, 3, 4], 2, { bins: 1 });
		expect(h.edges).toEqual([0, 5]);
		expect([h.counts[0], h.overflow]).toEqual([1, 1]);
	});
});
