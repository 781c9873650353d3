import { describe, expect, test } from 'vitest';
import { psi, psiMixed, targetCurve, type HeadKind } from '../../src/lib/math/psi';
import {
	psiChartData,
	psiChartDescription,
	targetAngles,
	type CurveSeries
} from '../../src/lib/viz/psiCurves';

const ids = (series: CurveSeries[]) => series.map((s) => s.id);
const byId = (series: CurveSeries[], id: CurveSeries['id']) => series.find((s) => s.id === id)!;

describe('psiChartData: which curves each loss shows', () => {
	test.each([
		['softmax', 4, 0, ['cos']],
		['modified', 4, 5, ['cos']],
		['asoftmax', 4, 0, ['cos', 'psi']],
		['asoftmax', 4, 5, ['cos', 'psi', 'mixed']],
		['cosface', 0.35, 0, ['cos', 'cosface']],
		['arcface', 0.5, 0, ['cos', 'arcface']]
	] as [HeadKind, number, number, string[]][])('%s, m = %s, λ = %s', (loss, m, lambda, want) => {
		expect(ids(psiChartData({ loss, m, lambda }).series)).toEqual(want);
	});

	test('comparison curves are added once, with their default margins', () => {
		const d = psiChartData({
			loss: 'asoftmax',
			m: 4,
			lambda: 5,
			showCosFace: true,
			showArcFace: true
		});
		expect(ids(d.series)).toEqual(['cos', 'psi', 'mixed', 'cosface', 'arcface']);
		expect(byId(d.series, 'cosface').label).toContain('m = 0.35');
		expect(byId(d.series, 'arcface').label).toContain('m = 0.5');
		const own = psiChartData({ loss: 'cosface', m: 0.2, lambda: 0, showCosFace: true });
		expect(ids(own.series)).toEqual(['cos', 'cosface']);
		expect(byId(own.series, 'cosface').label).toContain('m = 0.2');
	});

	test('labels name m and λ', () => {
		const d = psiChartData({ loss: 'asoftmax', m: 4, lambda: 5 });
		expect(byId(d.series, 'psi').label).toBe('ψ(θ), m = 4');
		expect(byId(d.series, 'mixed').label).toBe('target with λ = 5.0');
		expect(psiChartDescription({ loss: 'asoftmax', m: 4, lambda: 0 })).toBe(
			'ψ(θ) for m = 4 with cos θ for comparison'
		);
	});
});

describe('psiChartData: values come from the math core', () => {
	test.each([1, 2, 3, 4, 2.5])('A-Softmax m = %s, λ = 5', (m) => {
		const d = psiChartData({ loss: 'asoftmax', m, lambda: 5, samples: 91 });
		for (const [t, v] of byId(d.series, 'cos').points) expect(v).toBe(Math.cos(t));
		for (const [t, v] of byId(d.series, 'psi').points) expect(v).toBe(psi(t, m));
		for (const [t, v] of byId(d.series, 'mixed').points) expect(v).toBe(psiMixed(t, m, 5));
		// ψ(π) = −(2m − 1) for integer m: the curve reaches the end of [0, π].
		const last = byId(d.series, 'psi').points.at(-1)!;
		expect(last[0]).toBe(Math.PI);
		if (Number.isInteger(m)) expect(last[1]).toBeCloseTo(-(2 * m - 1), 12);
	});

	test('CosFace and ArcFace curves equal targetCurve', () => {
		const d = psiChartData({ loss: 'arcface', m: 0.5, lambda: 0, showCosFace: true });
		for (const [t, v] of byId(d.series, 'arcface').points)
			expect(v).toBe(targetCurve('arcface', t, { m: 0.5 }));
		for (const [t, v] of byId(d.series, 'cosface').points) expect(v).toBe(Math.cos(t) - 0.35);
	});

	test('θ covers [0, π] in increasing order and includes ψ’s branch points kπ/m', () => {
		const pts = byId(
			psiChartData({ loss: 'asoftmax', m: 3, lambda: 0, samples: 50 }).series,
			'psi'
		).points;
		expect(pts[0][0]).toBe(0);
		expect(pts.at(-1)![0]).toBe(Math.PI);
		for (let i = 1; i < pts.length; i++) expect(pts[i][0]).toBeGreaterThan(pts[i - 1][0]);
		const thetas = pts.map((p) => p[0]);
		expect(thetas).toContain(Math.PI / 3);
		expect(thetas).toContain((2 * Math.PI) / 3);
	});

	test.each([
		['softmax', 1, 0],
		['asoftmax', 4, 1000],
		['asoftmax', NaN, NaN],
		['cosface', Infinity, 0],
		['arcface', 0.5, 0]
	] as [HeadKind, number, number][])('finite, padded y-range: %s m = %s λ = %s', (loss, m, l) => {
		const d = psiChartData({ loss, m, lambda: l, showCosFace: true, showArcFace: true });
		expect(Number.isFinite(d.yMin) && Number.isFinite(d.yMax)).toBe(true);
		for (const s of d.series) {
			expect(s.points.length).toBeGreaterThan(10);
			for (const [t, v] of s.points) {
				expect(Number.isFinite(t) && Number.isFinite(v)).toBe(true);
				// A-Softmax's ψ beside CosFace/ArcFace may fall below the range: it is cut there,
				// and clippedMin says how low it goes.
				const cut = d.clippedMin !== null && (s.id === 'psi' || s.id === 'mixed');
				expect(v).toBeGreaterThan(cut ? d.clippedMin! - 1e-9 : d.yMin);
				expect(v).toBeLessThan(d.yMax);
			}
		}
	});

	test('the y-range reaches ψ(π) = −7 for m = 4', () => {
		const d = psiChartData({ loss: 'asoftmax', m: 4, lambda: 0 });
		expect(d.yMin).toBeLessThan(-7);
		expect(d.yMin).toBeGreaterThan(-8);
		expect(d.yMax).toBeGreaterThan(1);
		expect(d.yMax).toBeLessThan(1.6);
	});
});

describe('targetAngles', () => {
	// Class weights along +x and +y; features at known angles to their own class weight.
	const weights = Float32Array.from([1, 0, 0, 1]);
	const at = (deg: number, r = 2) => [
		r * Math.cos((deg * Math.PI) / 180),
		r * Math.sin((deg * Math.PI) / 180)
	];
	const features = Float32Array.from([
		...at(30), // class 0: θ = 30°
		...at(90 + 60, 0.5), // class 1: θ = 60°
		...[0, 0], // zero feature: skipped
		...at(10), // test split: skipped
		...[NaN, 1], // non-finite: skipped
		...at(-180 + 1e-3), // class 0, nearly opposite: θ ≈ 180°
		...at(90) // class 1, exactly on its weight: θ = 0
	]);
	const labels = Int32Array.from([0, 1, 0, 0, 1, 0, 1]);
	const split = Uint8Array.from([0, 0, 0, 1, 0, 0, 0]);

	test('known angles; zero, non-finite and non-train rows skipped', () => {
		const got = targetAngles(features, weights, labels, split, 2);
		const want = [30, 60, 180 - 1e-3, 0].map((d) => (d * Math.PI) / 180);
		expect(got).toHaveLength(want.length);
		got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 5));
	});

	test('3D features and an out-of-range label', () => {
		const w3 = Float32Array.from([0, 0, 1]);
		const f3 = Float32Array.from([1, 0, 1, 0, 0, 3, 1, 1, 1]);
		const got = targetAngles(f3, w3, Int32Array.from([0, 0, 5]), Uint8Array.from([0, 0, 0]), 3);
		expect(got).toHaveLength(2);
		expect(got[0]).toBeCloseTo(Math.PI / 4, 6);
		expect(got[1]).toBe(0);
	});
});

describe('psiChartData: the range fits the curves compared', () => {
	test('A-Softmax alone: the whole fall of ψ (1 − 2m = −7 at m = 4)', () => {
		const d = psiChartData({ loss: 'asoftmax', m: 4, lambda: 0 });
		expect(d.yMin).toBeLessThan(-7);
		expect(d.clippedMin).toBeNull();
	});
	test('beside CosFace and ArcFace, ψ is cut at the floor and the chart says how low it goes', () => {
		const d = psiChartData({
			loss: 'asoftmax',
			m: 4,
			lambda: 0,
			showCosFace: true,
			showArcFace: true
		});
		expect(d.yMin).toBeGreaterThan(-2.5);
		expect(d.yMin).toBeLessThanOrEqual(-2);
		expect(d.clippedMin).toBeCloseTo(-7, 6);
	});
	test('m = 1.2 never falls below the floor: nothing to cut', () => {
		const d = psiChartData({ loss: 'asoftmax', m: 1.2, lambda: 0, showCosFace: true });
		expect(d.clippedMin).toBeNull();
	});
	test('CosFace as the loss: its own curves only, nothing cut', () => {
		expect(psiChartData({ loss: 'cosface', m: 0.35, lambda: 0 }).clippedMin).toBeNull();
	});
});
