import { describe, expect, test } from 'vitest';
import {
	capRim,
	clampTau,
	coneArc,
	enrolledGallery,
	operatingPoint,
	pairAngle,
	randomPair,
	searchGallery,
	testRows,
	thresholdAtFar,
	verificationModel
} from '../../src/lib/math/recognitionView';
import { roc, rocSweep, tarAtFar } from '../../src/lib/math/roc';
import { rank1 } from '../../src/lib/math/identification';
import { createRng } from '../../src/lib/math/rng';
import { SPLIT } from '../../src/lib/math/split';

const deg = (d: number) => (d * Math.PI) / 180;

/** Seeded features on the circle: `classes` clusters of `per` points around evenly spread directions. */
function clusters(classes: number, per: number, spread: number, seed: number) {
	const rng = createRng(seed);
	const features = new Float32Array(classes * per * 2);
	const labels = new Int32Array(classes * per);
	for (let c = 0; c < classes; c++) {
		for (let k = 0; k < per; k++) {
			const i = c * per + k;
			const phi = (2 * Math.PI * c) / classes + spread * rng.normal();
			const r = 0.5 + rng.next();
			features[2 * i] = r * Math.cos(phi);
			features[2 * i + 1] = r * Math.sin(phi);
			labels[i] = c;
		}
	}
	return { features, labels };
}

describe('testRows', () => {
	test.each([
		['new', [2, 4]],
		['known', [1, 5]]
	] as const)('%s', (which, rows) => {
		const split = Uint8Array.of(SPLIT.train, SPLIT.test, SPLIT.heldOut, 0, 2, 1);
		expect(Array.from(testRows(split, which))).toEqual(rows);
	});
});

describe('operatingPoint is a point of the ROC of the same scores', () => {
	const { features, labels } = clusters(4, 30, 0.5, 7);
	const rows = Int32Array.from({ length: labels.length }, (_, i) => i);
	const model = verificationModel(features, 2, labels, rows);
	test('every threshold of the full ROC gives that point', () => {
		// The full ROC of the same pair scores, computed independently of the sweep.
		const scores: number[] = [];
		const same: number[] = [];
		for (let a = 0; a < rows.length; a++) {
			for (let b = a + 1; b < rows.length; b++) {
				const p = pairAngle(features, 2, a, b);
				scores.push(p ? p.cos : 0);
				same.push(labels[a] === labels[b] ? 1 : 0);
			}
		}
		const curve = roc(scores, same);
		expect(model.problem).toBeNull();
		expect(model.sampled).toBe(false);
		expect(model.pairs).toBe(scores.length);
		let checked = 0;
		for (let k = 1; k < curve.thresholds.length; k++) {
			const op = operatingPoint(model.sweep, curve.thresholds[k]);
			expect(op.far).toBeCloseTo(curve.fpr[k], 12);
			expect(op.tar).toBeCloseTo(curve.tpr[k], 12);
			checked++;
		}
		expect(checked).toBeGreaterThan(100);
	});
	test('counts add up, τ above every score accepts nothing, τ = −1 accepts all', () => {
		const { positives: P, negatives: N } = model.sweep;
		for (const tau of [-1, -0.3, 0, 0.5, 0.9, 0.999, 1.5]) {
			const op = operatingPoint(model.sweep, tau);
			expect(op.genuineAccepted + op.genuineRejected).toBe(P);
			expect(op.impostorAccepted + op.impostorRejected).toBe(N);
		}
		expect(operatingPoint(model.sweep, 1.5)).toMatchObject({ far: 0, tar: 0 });
		expect(operatingPoint(model.sweep, -1)).toMatchObject({ far: 1, tar: 1 });
		expect(operatingPoint(model.sweep, NaN)).toMatchObject({ genuineAccepted: 0 });
	});
	test.each([1e-3, 1e-2, 0.1, 0.5])('thresholdAtFar(%s) gives tarAtFar', (far) => {
		const tau = thresholdAtFar(model.sweep, far);
		expect(tau).not.toBeNull();
		const op = operatingPoint(model.sweep, tau as number);
		expect(op.far as number).toBeLessThanOrEqual(far);
		// tarAtFar of the same pairs' scores, computed from scratch.
		const scores: number[] = [];
		const same: number[] = [];
		for (let a = 0; a < rows.length; a++) {
			for (let b = a + 1; b < rows.length; b++) {
				scores.push((pairAngle(features, 2, a, b) as { cos: number }).cos);
				same.push(labels[a] === labels[b] ? 1 : 0);
			}
		}
		expect(op.tar).toBe(tarAtFar(scores, same, far));
	});
	test('no pairs of both kinds: no threshold', () => {
		expect(thresholdAtFar(rocSweep([0.5, 0.2], [1, 1]))).toBeNull();
	});
});

describe('verificationModel says why it cannot score', () => {
	test.each([
		['no rows', [], 'noRows'],
		['one identity', [0, 1], 'oneIdentity'],
		['two identities', [0, 2], null]
	] as const)('%s', (_, rows, problem) => {
		const features = Float32Array.of(1, 0, 0.9, 0.1, 0, 1);
		const labels = Int32Array.of(0, 0, 1);
		const m = verificationModel(features, 2, labels, Int32Array.from(rows));
		expect(m.problem).toBe(problem);
		if (problem) {
			expect(m.pairs).toBe(0);
			expect(m.auc).toBeNull();
		}
	});
});

describe('coneArc', () => {
	test.each([
		[1, 0, Math.cos(deg(30)), 0, deg(30)],
		[0, 2, Math.cos(deg(45)), deg(90), deg(45)],
		[-1, 0, 1, Math.PI, 0],
		[1, 1, -1, deg(45), Math.PI],
		[1, 0, 7, 0, 0],
		[1, 0, NaN, 0, 0]
	])('(%s, %s) at τ = %s', (x, y, tau, center, half) => {
		const arc = coneArc(x, y, tau);
		expect(arc).not.toBeNull();
		expect(arc!.center).toBeCloseTo(center, 12);
		expect(arc!.half).toBeCloseTo(half, 12);
		expect(arc!.from).toBeCloseTo(center - half, 12);
		expect(arc!.to).toBeCloseTo(center + half, 12);
	});
	test.each([
		[0, 0],
		[NaN, 1],
		[Infinity, 0]
	])('no direction (%s, %s): null', (x, y) => expect(coneArc(x, y, 0.5)).toBeNull());
	test('clampTau', () => {
		expect([clampTau(2), clampTau(-3), clampTau(NaN), clampTau(0.25)]).toEqual([1, -1, 1, 0.25]);
	});
});

describe('capRim', () => {
	test.each([
		[[0, 0, 1], 0.9],
		[[1, 0, 0], 0.5],
		[[0.3, -2, 0.7], -0.2],
		[[1, 1, 1], 1],
		[[0, 1, 0], -1]
	])('%j at τ = %s: unit points at angle arccos τ', (v, tau) => {
		const rim = capRim(v, tau, 32);
		expect(rim).toHaveLength(33);
		expect(rim[32]).toEqual(rim[0]);
		const n = Math.hypot(...v);
		for (const p of rim) {
			expect(Math.hypot(...p)).toBeCloseTo(1, 12);
			const cos = (p[0] * v[0] + p[1] * v[1] + p[2] * v[2]) / n;
			expect(cos).toBeCloseTo(tau, 12);
		}
	});
	test('no direction: empty', () => {
		expect(capRim([0, 0, 0], 0.5)).toEqual([]);
		expect(capRim([NaN, 0, 1], 0.5)).toEqual([]);
	});
});

describe('pairAngle', () => {
	test.each([
		[[1, 0, 0, 1], 0, 90],
		[[1, 0, 2, 0], 1, 0],
		[[1, 0, -3, 0], -1, 180],
		[[1, 1, 0, 5], Math.SQRT1_2, 45]
	])('%j', (f, cos, angle) => {
		const p = pairAngle(Float32Array.from(f), 2, 0, 1);
		expect(p!.cos).toBeCloseTo(cos, 6);
		expect((p!.angle * 180) / Math.PI).toBeCloseTo(angle, 4);
	});
	test('a row without direction: null', () => {
		expect(pairAngle(Float32Array.of(0, 0, 1, 0), 2, 0, 1)).toBeNull();
	});
});

describe('randomPair', () => {
	const labels = Int32Array.of(0, 0, 1, 1, 2);
	const rows = Int32Array.of(0, 1, 2, 3, 4);
	test.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %s: genuine same, impostor different', (seed) => {
		const g = randomPair(rows, labels, true, seed)!;
		const i = randomPair(rows, labels, false, seed)!;
		expect(g[0]).not.toBe(g[1]);
		expect(labels[g[0]]).toBe(labels[g[1]]);
		expect(labels[i[0]]).not.toBe(labels[i[1]]);
		expect(randomPair(rows, labels, true, seed)).toEqual(g);
	});
	test('no such pair: null', () => {
		expect(randomPair(Int32Array.of(0, 2, 4), labels, true, 1)).toBeNull();
		expect(randomPair(Int32Array.of(0, 1), labels, false, 1)).toBeNull();
	});
});

describe('gallery search', () => {
	const { features, labels } = clusters(5, 12, 0.4, 11);
	const rows = Int32Array.from({ length: labels.length }, (_, i) => i);
	const gallery = enrolledGallery(rows, labels);
	test('one enrolled sample per identity', () => {
		expect(new Set(Array.from(gallery, (r) => labels[r])).size).toBe(5);
		expect(gallery).toHaveLength(5);
	});
	test('closed-set answers over every probe give rank1 with the same enrolment', () => {
		let correct = 0;
		let probes = 0;
		for (const p of rows) {
			if (gallery.includes(p)) continue;
			const s = searchGallery(features, 2, labels, gallery, p);
			if (s.answer === labels[p]) correct++;
			probes++;
		}
		const r = rank1(features, 2, labels, { seed: 0, indices: rows });
		expect(probes).toBe(r.probes);
		expect(correct).toBe(r.correct);
	});
	test('ranking by decreasing cosine; open set answers unknown below τ', () => {
		const probe = rows.find((r) => !gallery.includes(r))!;
		const s = searchGallery(features, 2, labels, gallery, probe);
		expect(s.ranking).toHaveLength(5);
		for (let k = 1; k < s.ranking.length; k++)
			expect(s.ranking[k - 1].cos).toBeGreaterThanOrEqual(s.ranking[k].cos);
		const best = s.ranking[0].cos;
		expect(searchGallery(features, 2, labels, gallery, probe, best + 1e-6).answer).toBe('unknown');
		expect(searchGallery(features, 2, labels, gallery, probe, best).answer).toBe(
			s.ranking[0].label
		);
		expect(searchGallery(features, 2, labels, gallery, probe, -1).answer).toBe(s.ranking[0].label);
	});
	test('an enrolled probe is compared with the other entries only', () => {
		const s = searchGallery(features, 2, labels, gallery, gallery[0]);
		expect(s.ranking.map((m) => m.row)).not.toContain(gallery[0]);
		expect(s.ranking).toHaveLength(4);
	});
	test('a probe without direction, or an empty gallery: no answer', () => {
		const f = Float32Array.of(0, 0, 1, 0, 0, 1);
		const l = Int32Array.of(0, 1, 2);
		expect(searchGallery(f, 2, l, Int32Array.of(1, 2), 0).answer).toBeNull();
		expect(searchGallery(f, 2, l, Int32Array.of(), 1).answer).toBeNull();
	});
});
