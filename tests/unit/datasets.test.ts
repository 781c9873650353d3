import { describe, expect, it } from 'vitest';
import { DATA_LIMITS } from './settingLimits';
import { DEFAULT_DATA_SETTINGS, clampDataSettings } from '../../src/lib/math/dataSettings';
import {
	TOY_GENERATORS,
	type DataSettings,
	type GeneratorKind
} from '../../src/lib/math/settingTypes';
import { IDENTITIES_INPUT_DIM, inputDimLimit } from '../../src/lib/math/margins';
import {
	MAX_INPUT_DIM,
	datasetProblem,
	seenClassesOnly,
	type Dataset
} from '../../src/lib/math/datasets';
import { IDENTITIES, classDirections, generateDataset } from '../../src/lib/math/generators';
import { SPLIT } from '../../src/lib/math/split';
import { angleBetween, norm } from '../../src/lib/math/vec';
import { en } from './noticeText';

/** Row i of a dataset as a plain array. */
const row = (ds: Dataset, i: number): number[] =>
	Array.from(ds.points.subarray(i * ds.dim, (i + 1) * ds.dim));

/** Bytes of a typed array, for bit-identity checks (toEqual would treat −0 and 0 alike). */
const bytes = (a: Float64Array): number[] => Array.from(new Uint8Array(a.buffer));

/** Mean distance of each point from where the same seed puts it with noise 0. */
function meanDisplacement(noisy: Dataset, clean: Dataset): number {
	let total = 0;
	for (let i = 0; i < noisy.labels.length; i++) {
		total += norm(row(noisy, i).map((v, d) => v - clean.points[i * clean.dim + d]));
	}
	return total / noisy.labels.length;
}

const shapes: [GeneratorKind, 2 | 3, number, number[]][] = TOY_GENERATORS.flatMap((g) =>
	([2, 3] as const).flatMap((dim) => [
		[g, dim, 2, []] as [GeneratorKind, 2 | 3, number, number[]],
		[g, dim, 5, [1, 3]] as [GeneratorKind, 2 | 3, number, number[]],
		[g, dim, 10, [0]] as [GeneratorKind, 2 | 3, number, number[]]
	])
);

describe('generateDataset: shapes, labels, splits, range', () => {
	it.each(shapes)('%s %iD, %i classes, heldOut %j', (generator, inputDim, classes, heldOut) => {
		const perClass = 37;
		const testFraction = 0.3;
		for (const noise of [0, 0.5, 1]) {
			const ds = generateDataset({
				generator,
				inputDim,
				classes,
				heldOut,
				noise,
				testFraction,
				pointsPerClass: perClass
			});
			const n = classes * perClass;
			expect(ds.dim).toBe(inputDim);
			expect(ds.numClasses).toBe(classes);
			expect(ds.points.length).toBe(n * inputDim);
			expect(ds.labels.length).toBe(n);
			expect(ds.split.length).toBe(n);
			for (const v of ds.points) {
				expect(Number.isFinite(v)).toBe(true);
				// Strictly inside: a point at exactly ±1 would mean the final clamp cut a generator off.
				expect(Math.abs(v)).toBeLessThan(1);
			}
			const nTest = Math.round(testFraction * perClass); // 11
			for (let c = 0; c < classes; c++) {
				const splits = Array.from(ds.split.filter((_, i) => ds.labels[i] === c));
				expect(splits.length).toBe(perClass);
				const count = (s: number) => splits.filter((x) => x === s).length;
				if (heldOut.includes(c)) expect(count(2)).toBe(perClass);
				else expect([count(0), count(1), count(2)]).toEqual([perClass - nTest, nTest, 0]);
			}
		}
	});
});

describe('generateDataset: determinism', () => {
	it.each(TOY_GENERATORS.flatMap((g) => ([2, 3] as const).map((d) => [g, d] as const)))(
		'%s %iD',
		(generator, inputDim) => {
			const p: Partial<DataSettings> = {
				generator,
				inputDim,
				classes: 3,
				pointsPerClass: 50,
				seed: 7
			};
			const a = generateDataset(p);
			const b = generateDataset(p);
			expect(bytes(a.points)).toEqual(bytes(b.points));
			expect(Array.from(a.split)).toEqual(Array.from(b.split));
			expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
			const c = generateDataset({ ...p, seed: 8 });
			expect(bytes(c.points)).not.toEqual(bytes(a.points));
			expect(Array.from(c.split)).not.toEqual(Array.from(a.split));
		}
	);

	it('points do not depend on testFraction or heldOut; holding out a class keeps the other splits', () => {
		const base = { classes: 4, pointsPerClass: 40, seed: 3 };
		const a = generateDataset({ ...base, testFraction: 0.25 });
		const b = generateDataset({ ...base, testFraction: 0.5, heldOut: [2] });
		const c = generateDataset({ ...base, testFraction: 0.25, heldOut: [2] });
		expect(bytes(b.points)).toEqual(bytes(a.points));
		for (let i = 0; i < a.labels.length; i++) {
			if (a.labels[i] !== 2) expect(c.split[i]).toBe(a.split[i]);
		}
	});
});

describe('generateDataset: split edge cases', () => {
	it.each([
		[0, 20, 0],
		[0.25, 20, 5],
		[0.9, 5, 4], // round(4.5) = 5 would leave no training point: capped at count − 1
		[0.9, 100, 90]
	])('testFraction %f with %i per class puts %i in test', (testFraction, pointsPerClass, nTest) => {
		const ds = generateDataset({ classes: 3, pointsPerClass, testFraction });
		for (let c = 0; c < 3; c++) {
			const test = ds.split.filter((s, i) => ds.labels[i] === c && s === 1).length;
			expect(test).toBe(nTest);
		}
	});

	it('SPLIT names the split codes 0 = train, 1 = test, 2 = held out', () => {
		expect(SPLIT).toEqual({ train: 0, test: 1, heldOut: 2 });
	});

	it('held-out classes keep their original label index', () => {
		const ds = generateDataset({ classes: 5, pointsPerClass: 10, heldOut: [1, 4] });
		const heldLabels = new Set(Array.from(ds.labels.filter((_, i) => ds.split[i] === 2)));
		expect([...heldLabels].sort()).toEqual([1, 4]);
		expect(Array.from(new Set(ds.labels))).toEqual([0, 1, 2, 3, 4]);
	});
});

describe('generator geometry', () => {
	it.each([2, 3] as const)('blobs %iD: every point is nearest its own class centre', (dim) => {
		const ds = generateDataset({
			generator: 'blobs',
			inputDim: dim,
			classes: 6,
			noise: 0.2,
			pointsPerClass: 200
		});
		const centres = classDirections(6, dim).map((u) => u.map((v) => 0.6 * v));
		for (let i = 0; i < ds.labels.length; i++) {
			const x = row(ds, i);
			const dists = centres.map((c) => norm(c.map((v, d) => v - x[d])));
			expect(dists.indexOf(Math.min(...dists))).toBe(ds.labels[i]);
		}
	});

	it.each([2, 3] as const)(
		'rings %iD: class i lies between radii (i + ½)·gap and (i + 1½)·gap',
		(dim) => {
			for (const noise of [0, 1]) {
				const ds = generateDataset({
					generator: 'rings',
					inputDim: dim,
					classes: 5,
					noise,
					pointsPerClass: 300
				});
				const gap = 0.8 / 5;
				for (let i = 0; i < ds.labels.length; i++) {
					const r = norm(row(ds, i));
					expect(r).toBeGreaterThanOrEqual((ds.labels[i] + 0.5) * gap);
					expect(r).toBeLessThanOrEqual((ds.labels[i] + 1.5) * gap);
				}
			}
		}
	);

	it.each([2, 3] as const)(
		'sphere %iD: unit norm, and at noise 0 closest to its own centre',
		(dim) => {
			const ds = generateDataset({
				generator: 'sphere',
				inputDim: dim,
				classes: 7,
				noise: 0,
				pointsPerClass: 100
			});
			const centres = classDirections(7, dim);
			for (let i = 0; i < ds.labels.length; i++) {
				const x = row(ds, i);
				expect(norm(x)).toBeCloseTo(1, 12);
				const angles = centres.map((c) => angleBetween(c, x));
				expect(angles.indexOf(Math.min(...angles))).toBe(ds.labels[i]);
			}
		}
	);

	it.each([2, 3] as const)(
		'spirals %iD: radius within the arm bounds; 3D rises as it winds out',
		(dim) => {
			const ds = generateDataset({
				generator: 'spirals',
				inputDim: dim,
				classes: 3,
				noise: 0,
				pointsPerClass: 300
			});
			let zMin = Infinity;
			let zMax = -Infinity;
			for (let i = 0; i < ds.labels.length; i++) {
				const [x, y, z] = row(ds, i);
				const r = Math.hypot(x, y);
				expect(r).toBeGreaterThan(0.8 * 0.15 - 0.02);
				expect(r).toBeLessThan(0.8 + 0.02);
				if (dim === 3) {
					// z = 0.6(2t − 1) and r = 0.8(0.15 + 0.85t): z is an affine function of r.
					expect(z).toBeCloseTo(0.6 * (2 * ((r / 0.8 - 0.15) / 0.85) - 1), 1);
					zMin = Math.min(zMin, z);
					zMax = Math.max(zMax, z);
				}
			}
			if (dim === 3) expect(zMax - zMin).toBeGreaterThan(1);
		}
	);

	it.each(TOY_GENERATORS.flatMap((g) => ([2, 3] as const).map((d) => [g, d] as const)))(
		'%s %iD: more noise moves points further from their noise-free place',
		(generator, inputDim) => {
			const make = (noise: number) =>
				generateDataset({ generator, inputDim, noise, classes: 3, pointsPerClass: 200 });
			const clean = make(0);
			const moved = [0.25, 0.5, 1].map((noise) => meanDisplacement(make(noise), clean));
			expect(moved[0]).toBeGreaterThan(0);
			expect(moved[1]).toBeGreaterThan(moved[0]);
			expect(moved[2]).toBeGreaterThan(moved[1]);
		}
	);

	it.each([
		[2, Math.PI],
		[3, (2 * Math.PI) / 3],
		[4, Math.acos(-1 / 3)], // the tetrahedron
		[5, 1],
		[8, 1],
		[10, 1] // a Fibonacci sphere, not the optimum (66°), but ≥ 57°
	])('classDirections(%i, 3): unit vectors, min pairwise angle ≥ %f', (count, minAngle) => {
		const dirs = classDirections(count, 3);
		expect(dirs.length).toBe(count);
		let closest = Math.PI;
		for (let i = 0; i < count; i++) {
			expect(norm(dirs[i])).toBeCloseTo(1, 12);
			for (let j = i + 1; j < count; j++)
				closest = Math.min(closest, angleBetween(dirs[i], dirs[j]));
		}
		expect(closest).toBeGreaterThanOrEqual(minAngle - 1e-12);
	});

	it.each([2, 3, 7, 10])('classDirections(%i, 2) are evenly spaced on the circle', (count) => {
		const dirs = classDirections(count, 2);
		for (let i = 0; i < count; i++) {
			const next = dirs[(i + 1) % count];
			expect(angleBetween(dirs[i], next)).toBeCloseTo(Math.min((2 * Math.PI) / count, Math.PI), 12);
		}
	});
});
type Case = [string, unknown, Record<string, unknown>, RegExp[]];

const clampCases: Case[] = [
	['empty input', {}, { ...DEFAULT_DATA_SETTINGS }, []],
	['undefined', undefined, { ...DEFAULT_DATA_SETTINGS }, []],
	['null', null, { ...DEFAULT_DATA_SETTINGS }, [/not an object/]],
	['a number', 42, { ...DEFAULT_DATA_SETTINGS }, [/not an object/]],
	['classes 40', { classes: 40 }, { classes: 10 }, [/^classes 40 is out of range 2–10; using 10$/]],
	['classes 0', { classes: 0 }, { classes: 2 }, [/classes 0 is out of range 2–10; using 2/]],
	['classes 1000', { classes: 1000 }, { classes: 10 }, [/out of range/]],
	['classes NaN', { classes: NaN }, { classes: 4 }, [/^classes NaN is not a number; using 4$/]],
	[
		'classes Infinity',
		{ classes: Infinity },
		{ classes: 10 },
		[/classes Infinity is out of range/]
	],
	['classes 3.6', { classes: 3.6 }, { classes: 4 }, [/classes 3.6 is not a whole number; using 4/]],
	['classes "7" (string)', { classes: '7' }, { classes: 7 }, []],
	['classes "" (empty string)', { classes: '' }, { classes: 4 }, [/classes "" is not a number/]],
	['classes true', { classes: true }, { classes: 4 }, [/not a number/]],
	['pointsPerClass -5', { pointsPerClass: -5 }, { pointsPerClass: 5 }, [/out of range 5–2000/]],
	['pointsPerClass 1e9', { pointsPerClass: 1e9 }, { pointsPerClass: 2000 }, [/using 2000/]],
	['negative noise', { noise: -0.5 }, { noise: 0 }, [/noise -0.5 is out of range 0–1; using 0/]],
	['noise -0', { noise: -0 }, { noise: 0 }, []],
	['noise 2', { noise: 2 }, { noise: 1 }, [/noise 2 is out of range/]],
	['noise "abc"', { noise: 'abc' }, { noise: 0.2 }, [/noise "abc" is not a number; using 0.2/]],
	['inputDim 4', { inputDim: 4 }, { inputDim: 3 }, [/inputDim 4 is out of range 2–3/]],
	['inputDim 1', { inputDim: 1 }, { inputDim: 2 }, [/inputDim 1/]],
	['inputDim "3"', { inputDim: '3' }, { inputDim: 3 }, []],
	['seed -1', { seed: -1 }, { seed: 0 }, [/seed -1 is out of range/]],
	['seed 2.5', { seed: 2.5 }, { seed: 3 }, [/not a whole number/]],
	['seed NaN', { seed: NaN }, { seed: 1 }, [/seed NaN/]],
	[
		'testFraction 1',
		{ testFraction: 1 },
		{ testFraction: 0.9 },
		[/testFraction 1 is out of range 0–0.9/]
	],
	['testFraction -Infinity', { testFraction: -Infinity }, { testFraction: 0 }, [/out of range/]],
	[
		'generator "cubes"',
		{ generator: 'cubes' },
		{ generator: 'blobs' },
		[
			/generator "cubes" is not one of blobs, spirals, rings, sphere, identities, digits; using blobs/
		]
	],
	['generator 3', { generator: 3 }, { generator: 'blobs' }, [/generator 3/]],
	['generator "rings"', { generator: 'rings' }, { generator: 'rings' }, []],
	['identities: default inputDim 8', { generator: 'identities' }, { inputDim: 8 }, []],
	['identities inputDim 16', { generator: 'identities', inputDim: 16 }, { inputDim: 16 }, []],
	['identities inputDim 2', { generator: 'identities', inputDim: 2 }, { inputDim: 2 }, []],
	[
		'identities inputDim 40',
		{ generator: 'identities', inputDim: 40 },
		{ inputDim: 16 },
		[/^inputDim 40 is out of range 2–16; using 16$/]
	],
	[
		'blobs inputDim 8',
		{ generator: 'blobs', inputDim: 8 },
		{ inputDim: 3 },
		[/^inputDim 8 is out of range 2–3; using 3$/]
	],
	['heldOut not a list', { heldOut: 'x' }, { heldOut: [] }, [/heldOut "x" is not a list/]],
	['heldOut sorted', { heldOut: [3, 0] }, { heldOut: [0, 3] }, []],
	['heldOut strings', { heldOut: ['2'] }, { heldOut: [2] }, []],
	[
		'heldOut duplicates',
		{ heldOut: [1, 1, 2, 1] },
		{ heldOut: [1, 2] },
		[/heldOut lists class 1 more than once/]
	],
	[
		'heldOut invalid',
		{ heldOut: [5, -1, 1.5, NaN, null, 2] },
		{ heldOut: [2] },
		[/heldOut 5, -1, 1.5, NaN, null are not class indices 0–3; ignoring them/]
	],
	[
		'heldOut one invalid',
		{ heldOut: [4] },
		{ heldOut: [] },
		[/heldOut 4 is not a class index 0–3; ignoring it/]
	],
	[
		'heldOut leaves 1 class',
		{ heldOut: [2, 0, 1] },
		{ heldOut: [0, 2] },
		[/holding out 3 of 4 classes would leave fewer than 2 training classes; holding out only 0, 2$/]
	],
	[
		'heldOut with 2 classes',
		{ classes: 2, heldOut: [0] },
		{ classes: 2, heldOut: [] },
		[/holding out none/]
	],
	[
		'heldOut checked against clamped classes',
		{ classes: 1000, heldOut: [9] },
		{ classes: 10, heldOut: [9] },
		[/classes 1000/]
	],
	[
		'several fields at once',
		{ classes: NaN, noise: -1, inputDim: 7 },
		{ classes: 4, noise: 0, inputDim: 3 },
		[/classes/, /noise/, /inputDim/]
	]
];

describe('clampDataSettings', () => {
	it.each(clampCases)('%s', (_name, input, expected, notices) => {
		const out = clampDataSettings(input as Partial<DataSettings>);
		expect(out.data).toMatchObject(expected);
		expect(out.notices.length).toBe(notices.length);
		notices.forEach((re, i) => expect(en(out.notices)[i]).toMatch(re));
		// The result is valid: clamping it again changes nothing.
		expect(clampDataSettings(out.data)).toEqual({ data: out.data, notices: [] });
	});

	it('never throws on hostile values and still generates a valid dataset', () => {
		const hostile = {
			classes: Object.create(null),
			noise: Symbol('x'),
			seed: 10n,
			heldOut: [Object.create(null), undefined],
			generator: { toString: () => 'blobs' }
		} as unknown as Partial<DataSettings>;
		const { data: params, notices } = clampDataSettings(hostile);
		expect(params).toMatchObject({
			classes: 4,
			noise: 0.2,
			seed: 10,
			heldOut: [],
			generator: 'blobs'
		});
		expect(notices.length).toBe(4);
		const ds = generateDataset(hostile);
		expect(ds.labels.length).toBe(4 * 100);
	});

	it('returns a fresh heldOut array (the defaults cannot be mutated through it)', () => {
		clampDataSettings({}).data.heldOut.push(1);
		expect(clampDataSettings({}).data.heldOut).toEqual([]);
		expect(DEFAULT_DATA_SETTINGS.heldOut).toEqual([]);
		expect(
			Object.isFrozen(DEFAULT_DATA_SETTINGS) && Object.isFrozen(DEFAULT_DATA_SETTINGS.heldOut)
		).toBe(true);
	});

	it('DATA_LIMITS contains every default', () => {
		for (const [key, lim] of Object.entries(DATA_LIMITS)) {
			const v = DEFAULT_DATA_SETTINGS[key as keyof typeof DATA_LIMITS];
			expect(v).toBeGreaterThanOrEqual(lim.min);
			expect(v).toBeLessThanOrEqual(lim.max);
		}
	});
});

// ---------------------------------------------------------------------------------------
// The open-set family

/** Per-class mean [dim] of a data set's points. */
function classMeans(ds: Dataset): number[][] {
	const sums = Array.from({ length: ds.numClasses }, () => new Array<number>(ds.dim).fill(0));
	const counts = new Array<number>(ds.numClasses).fill(0);
	for (let i = 0; i < ds.labels.length; i++) {
		counts[ds.labels[i]]++;
		for (let d = 0; d < ds.dim; d++) sums[ds.labels[i]][d] += ds.points[i * ds.dim + d];
	}
	return sums.map((s, c) => s.map((v) => v / counts[c]));
}

/** Covariance [dim][dim] of the points of class `cls` around their mean. */
function classCovariance(ds: Dataset, cls: number, mean: number[]): number[][] {
	const C = Array.from({ length: ds.dim }, () => new Array<number>(ds.dim).fill(0));
	let n = 0;
	for (let i = 0; i < ds.labels.length; i++) {
		if (ds.labels[i] !== cls) continue;
		n++;
		const x = row(ds, i).map((v, d) => v - mean[d]);
		for (let a = 0; a < ds.dim; a++) for (let b = 0; b < ds.dim; b++) C[a][b] += x[a] * x[b];
	}
	return C.map((r) => r.map((v) => v / n));
}

const frobenius = (A: number[][]) => Math.sqrt(A.flat().reduce((s, v) => s + v * v, 0));

/** The largest eigenvalue of a symmetric PSD matrix, by power iteration. */
function topEigenvalue(A: number[][]): { value: number; vector: number[] } {
	let v = A.map((_, i) => 1 / Math.sqrt(i + 1));
	let value = 0;
	for (let it = 0; it < 500; it++) {
		const w = A.map((r) => r.reduce((s, a, j) => s + a * v[j], 0));
		value = norm(w);
		v = w.map((x) => x / value);
	}
	return { value, vector: v };
}

describe('identities: the open-set family', () => {
	const base = {
		generator: 'identities' as const,
		classes: 10,
		heldOut: [6, 7, 8, 9],
		pointsPerClass: 400,
		seed: 5
	};

	it.each([2, 3, 5, 8, 16])(
		'%iD: every coordinate strictly inside (−1, 1), at any noise and seed',
		(inputDim) => {
			for (const noise of [0, 0.5, 1]) {
				for (const seed of [1, 2, 3]) {
					const ds = generateDataset({ ...base, inputDim, noise, seed, pointsPerClass: 150 });
					expect(ds.dim).toBe(inputDim);
					expect(ds.points.length).toBe(10 * 150 * inputDim);
					expect(ds.points.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeLessThan(1);
				}
			}
		}
	);

	it('the coordinate bound of IDENTITIES leaves room inside the box', () => {
		const { radius, nuisanceDirections, nuisanceSigma, isotropicSigma } = IDENTITIES;
		const bound =
			radius + 2.5 * Math.sqrt(nuisanceDirections) * nuisanceSigma[1] + 2.5 * isotropicSigma[1];
		expect(bound).toBeLessThan(1);
	});

	it('is deterministic from the seed; another seed gives other identities', () => {
		const a = generateDataset({ ...base, inputDim: 8 });
		const b = generateDataset({ ...base, inputDim: 8 });
		expect(bytes(a.points)).toEqual(bytes(b.points));
		expect(Array.from(a.split)).toEqual(Array.from(b.split));
		const c = generateDataset({ ...base, inputDim: 8, seed: 6 });
		const [ma, mc] = [classMeans(a), classMeans(c)];
		for (let k = 0; k < 10; k++)
			expect(norm(ma[k].map((v, d) => v - mc[k][d]))).toBeGreaterThan(0.05);
	});

	it('held-out identities get split 2, every point of them; seen ones train and test', () => {
		const ds = generateDataset({ ...base, inputDim: 8, testFraction: 0.25 });
		for (let i = 0; i < ds.labels.length; i++) {
			if (ds.labels[i] >= 6) expect(ds.split[i]).toBe(SPLIT.heldOut);
			else expect([SPLIT.train, SPLIT.test]).toContain(ds.split[i]);
		}
		expect(ds.split.filter((s) => s === SPLIT.test).length).toBe(6 * 100);
	});

	it('centres are i.i.d. on one sphere: seen and held-out class means lie at the same radius and differ', () => {
		for (const seed of [1, 2, 3, 4]) {
			const ds = generateDataset({ ...base, seed, inputDim: 8, noise: 0.5 });
			const means = classMeans(ds);
			// The nuisance and noise have mean 0 (symmetric truncation): a class mean estimates
			// its centre to about 0.2/√400 = 0.01 per direction.
			for (const m of means) expect(Math.abs(norm(m) - IDENTITIES.radius)).toBeLessThan(0.05);
			for (let i = 0; i < 10; i++) {
				for (let j = i + 1; j < 10; j++) {
					expect(norm(means[i].map((v, d) => v - means[j][d]))).toBeGreaterThan(0.05);
				}
			}
		}
	});

	it('adding identities leaves the first ones unchanged (centres come from their own stream)', () => {
		const six = generateDataset({ ...base, classes: 6, heldOut: [], inputDim: 8 });
		const ten = generateDataset({ ...base, inputDim: 8 });
		expect(bytes(ten.points.slice(0, six.points.length))).toEqual(bytes(six.points));
	});

	it('the nuisance is shared: every identity varies with the same covariance, mostly along 2 directions', () => {
		const ds = generateDataset({ ...base, inputDim: 8, noise: 1 });
		const means = classMeans(ds);
		const covs = means.map((m, c) => classCovariance(ds, c, m));
		const ref = covs[0];
		for (const C of covs.slice(1)) {
			// Sampling error of a covariance from 400 points is ~√(2/400) ≈ 0.07 relative; a
			// nuisance drawn per identity would differ by ~√2.
			const diff = C.map((r, a) => r.map((v, b) => v - ref[a][b]));
			expect(frobenius(diff) / frobenius(ref)).toBeLessThan(0.3);
		}
		// Pooled covariance: two large eigenvalues (the shared directions), the rest small.
		const pooled = ref.map((r, a) => r.map((_, b) => covs.reduce((s, C) => s + C[a][b], 0) / 10));
		const trace = pooled.reduce((s, r, a) => s + r[a], 0);
		const first = topEigenvalue(pooled);
		const deflated = pooled.map((r, a) =>
			r.map((v, b) => v - first.value * first.vector[a] * first.vector[b])
		);
		const second = topEigenvalue(deflated);
		expect((first.value + second.value) / trace).toBeGreaterThan(0.8);
		expect(second.value).toBeGreaterThan(10 * IDENTITIES.isotropicSigma[1] ** 2);
	});

	it('inputDimLimit: 2–16 for identities, the 196 pixels for digits, 2–3 for the others; datasetProblem accepts 2–196', () => {
		expect(inputDimLimit('identities')).toMatchObject({ min: 2, max: 16 });
		expect(inputDimLimit('digits')).toMatchObject({ min: 196, max: 196 });
		expect(MAX_INPUT_DIM).toBe(196);
		expect(IDENTITIES_INPUT_DIM.default).toBe(8);
		for (const g of TOY_GENERATORS.filter((k) => k !== 'identities')) {
			expect(inputDimLimit(g)).toEqual(DATA_LIMITS.inputDim);
		}
		const ds = generateDataset({ ...base, inputDim: 16, pointsPerClass: 10 });
		expect(datasetProblem(ds)).toBeNull();
		const problem = (d: typeof ds) => en([datasetProblem(d)!])[0];
		expect(problem({ ...ds, dim: 197 })).toMatch(/2 to 196 dimensions/);
		expect(problem({ ...ds, dim: 1 })).toMatch(/2 to 196 dimensions/);
	});
});

describe('seenClassesOnly', () => {
	it('keeps the seen rows in order, relabelled 0..K−1, and lists the held-out rows', () => {
		const ds = generateDataset({ classes: 6, heldOut: [1, 4], pointsPerClass: 12, seed: 3 });
		const { dataset, classes, heldOutRows } = seenClassesOnly(ds);
		expect(classes).toEqual([0, 2, 3, 5]);
		expect(dataset.numClasses).toBe(4);
		expect(dataset.dim).toBe(ds.dim);
		expect(datasetProblem(dataset)).toBeNull();
		const seenRows = Array.from(ds.labels.keys()).filter((i) => ds.split[i] !== SPLIT.heldOut);
		expect(dataset.labels.length).toBe(seenRows.length);
		seenRows.forEach((r, k) => {
			expect(classes[dataset.labels[k]]).toBe(ds.labels[r]);
			expect(dataset.split[k]).toBe(ds.split[r]);
			expect(row(dataset, k)).toEqual(row(ds, r));
		});
		expect(Array.from(heldOutRows)).toEqual(
			Array.from(ds.labels.keys()).filter((i) => ds.split[i] === SPLIT.heldOut)
		);
		expect(new Set(Array.from(heldOutRows, (r) => ds.labels[r]))).toEqual(new Set([1, 4]));
	});

	it('without held-out classes it is the same data set', () => {
		const ds = generateDataset({ generator: 'identities', classes: 4, pointsPerClass: 10 });
		const { dataset, classes, heldOutRows } = seenClassesOnly(ds);
		expect(classes).toEqual([0, 1, 2, 3]);
		expect(heldOutRows.length).toBe(0);
		expect(bytes(dataset.points)).toEqual(bytes(ds.points));
		expect(Array.from(dataset.labels)).toEqual(Array.from(ds.labels));
	});
});
