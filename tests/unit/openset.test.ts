import { describe, expect, it } from 'vitest';
import { bestThresholdAccuracy, compactRoc, roc, tarAtFar } from '../../src/lib/math/roc';
import { createRng } from '../../src/lib/math/rng';
import {
	DEFAULT_VERIFICATION_PAIRS,
	pairAngleHistograms,
	pairScores
} from '../../src/lib/math/verification';
import { generateDataset } from '../../src/lib/math/generators';
import { openSetReport, recognitionReport } from '../../src/lib/math/openset';
import { rank1 } from '../../src/lib/math/identification';
import { SPLIT } from '../../src/lib/math/split';

/** Rows [n, 2] at the given polar angles (degrees) and norms (default 1). */
function onCircle(degrees: number[], norms: number[] = []): Float64Array {
	return Float64Array.from(
		degrees.flatMap((deg, i) => {
			const r = norms[i] ?? 1;
			const phi = (deg * Math.PI) / 180;
			return [r * Math.cos(phi), r * Math.sin(phi)];
		})
	);
}

const cosDeg = (deg: number) => Math.cos((deg * Math.PI) / 180);

/** Brute-force Mann–Whitney: P(s⁺ > s⁻) + ½ P(s⁺ = s⁻) over all genuine × impostor pairs. */
function mannWhitney(scores: number[], same: number[]): number | null {
	let wins = 0;
	let pairs = 0;
	scores.forEach((sp, i) => {
		if (!same[i]) return;
		scores.forEach((sn, j) => {
			if (same[j]) return;
			pairs++;
			wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
		});
	});
	return pairs > 0 ? wins / pairs : null;
}

/** Trapezoid area under the returned polyline, an independent check of the curve itself. */
function trapezoid(fpr: Float64Array, tpr: Float64Array): number {
	let a = 0;
	for (let k = 1; k < fpr.length; k++) a += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
	return a;
}

/** Every number reachable in a value is finite or ±Infinity (never NaN). */
function hasNaN(v: unknown): boolean {
	if (typeof v === 'number') return Number.isNaN(v);
	if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array).some(Number.isNaN);
	if (Array.isArray(v)) return v.some(hasNaN);
	if (v && typeof v === 'object') return Object.values(v).some(hasNaN);
	return false;
}

describe('roc on hand-computed cases', () => {
	it('no ties: 3 genuine, 3 impostor', () => {
		// Decreasing: 0.9+ 0.8− 0.7+ 0.5− 0.4+ 0.2−. One point per score after (0, 0).
		// Mann–Whitney: 0.9 beats 3 impostors, 0.7 beats 2 (0.5, 0.2), 0.4 beats 1 → 6/9.
		const c = roc([0.9, 0.8, 0.7, 0.5, 0.4, 0.2], [1, 0, 1, 0, 1, 0]);
		expect(Array.from(c.fpr)).toEqual([0, 0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 1]);
		expect(Array.from(c.tpr)).toEqual([0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 1, 1]);
		expect(Array.from(c.thresholds)).toEqual([Infinity, 0.9, 0.8, 0.7, 0.5, 0.4, 0.2]);
		expect(c.auc).toBeCloseTo(6 / 9, 15);
		expect([c.positives, c.negatives, c.skipped]).toEqual([3, 3, 0]);
	});

	it('a genuine and an impostor tied: one diagonal step, the tie counts ½', () => {
		// Genuine 0.9, 0.5, 0.5; impostor 0.5, 0.3, 0.1 (order of input shuffled).
		// Groups: 0.9 {+} → (0, 1/3); 0.5 {+, +, −} → (1/3, 1); 0.3 → (2/3, 1); 0.1 → (1, 1).
		// Mann–Whitney: 0.9 → 3; each 0.5⁺ → ½ (tie) + 2 = 2.5 → (3 + 5)/9 = 8/9.
		// Trapezoid: step 0.5 is (1/3)·(1/3 + 1)/2 = 2/9, then (2/3)·1 = 6/9 → 8/9.
		const c = roc([0.5, 0.1, 0.9, 0.5, 0.3, 0.5], [1, 0, 1, 0, 0, 1]);
		expect(Array.from(c.fpr)).toEqual([0, 0, 1 / 3, 2 / 3, 1]);
		expect(Array.from(c.tpr)).toEqual([0, 1 / 3, 1, 1, 1]);
		expect(c.auc).toBeCloseTo(8 / 9, 15);
	});

	it('all scores tied: the diagonal, AUC ½', () => {
		const c = roc([0.4, 0.4, 0.4, 0.4, 0.4], [1, 0, 1, 0, 0]);
		expect(Array.from(c.fpr)).toEqual([0, 1]);
		expect(Array.from(c.tpr)).toEqual([0, 1]);
		expect(c.auc).toBe(0.5);
	});

	it('perfectly separated → 1, inverted → 0', () => {
		const sep = roc([3, 2, 1, 0], [1, 1, 0, 0]);
		// (0,0) → (0,½) → (0,1) → (½,1) → (1,1): the whole unit square.
		expect(Array.from(sep.tpr)).toEqual([0, 0.5, 1, 1, 1]);
		expect(sep.auc).toBe(1);
		expect(roc([3, 2, 1, 0], [0, 0, 1, 1]).auc).toBe(0);
	});

	it('degenerate (only genuine or only impostor pairs, or none): auc null, empty curve', () => {
		for (const same of [
			[1, 1, 1],
			[0, 0, 0]
		]) {
			const c = roc([0.1, 0.5, 0.9], same);
			expect(c.auc).toBeNull();
			expect(c.fpr.length + c.tpr.length + c.thresholds.length).toBe(0);
			expect(tarAtFar(c)).toBeNull();
		}
		expect(roc([], []).auc).toBeNull();
	});

	it('non-finite scores are skipped and counted', () => {
		const c = roc([0.9, NaN, 0.1, Infinity], [1, 1, 0, 0]);
		expect([c.positives, c.negatives, c.skipped]).toEqual([1, 1, 2]);
		expect(c.auc).toBe(1);
	});

	it('AUC equals brute-force Mann–Whitney on 200 seeded cases with many ties', () => {
		const rng = createRng(2024);
		let checked = 0;
		for (let t = 0; t < 200; t++) {
			const n = 1 + rng.int(40);
			// One decimal: about 11 distinct values, so ties are everywhere.
			const scores = Array.from({ length: n }, () => Math.round(rng.uniform(-1, 1) * 10) / 10);
			const same = Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
			const c = roc(scores, same);
			const ref = mannWhitney(scores, same);
			if (ref === null) {
				expect(c.auc).toBeNull();
				continue;
			}
			checked++;
			expect(c.auc).toBeCloseTo(ref, 12);
			expect(trapezoid(c.fpr, c.tpr)).toBeCloseTo(ref, 12);
			const last = c.fpr.length - 1;
			expect([c.fpr[0], c.tpr[0], c.fpr[last], c.tpr[last]]).toEqual([0, 0, 1, 1]);
			// One point per distinct score, plus (0, 0).
			expect(c.fpr.length).toBe(new Set(scores).size + 1);
			for (let k = 1; k <= last; k++) {
				expect(c.fpr[k]).toBeGreaterThanOrEqual(c.fpr[k - 1]);
				expect(c.tpr[k]).toBeGreaterThanOrEqual(c.tpr[k - 1]);
				expect(c.thresholds[k]).toBeLessThan(c.thresholds[k - 1]);
			}
		}
		expect(checked).toBeGreaterThan(150);
	});
});

describe('bestThresholdAccuracy', () => {
	it('ties move together; the highest of equally good thresholds wins', () => {
		// Genuine 0.9, 0.7, 0.4; impostor 0.7, 0.7, 0.2. Correct = TP + (3 − FP):
		//   t > 0.9          accept none   0 + 3 = 3
		//   t ∈ (0.7, 0.9]   TP 1, FP 0    1 + 3 = 4  ← best, midpoint 0.8
		//   t ∈ (0.4, 0.7]   TP 2, FP 2    2 + 1 = 3
		//   t ∈ (0.2, 0.4]   TP 3, FP 2    3 + 1 = 4  (as good, but lower)
		//   t ≤ 0.2          accept all    3 + 0 = 3
		// Splitting the 0.7 tie (genuine first) would wrongly reach 2 + 3 = 5.
		const best = bestThresholdAccuracy([0.9, 0.7, 0.7, 0.7, 0.4, 0.2], [1, 1, 0, 0, 1, 0]);
		expect(best.accuracy).toBeCloseTo(4 / 6, 15);
		expect(best.threshold).toBeCloseTo(0.8, 15);
	});

	it('the threshold is the midpoint of the adjacent distinct scores', () => {
		// 0.9− 0.6+ 0.5+ 0.3−: t ∈ (0.3, 0.5] gets 2 + 1 = 3 of 4; midpoint 0.4.
		const best = bestThresholdAccuracy([0.9, 0.6, 0.5, 0.3], [0, 1, 1, 0]);
		expect(best.accuracy).toBe(0.75);
		expect(best.threshold).toBeCloseTo(0.4, 15);
	});

	it('the ends: accept none is +Infinity, accept all is −Infinity; no pair gives nulls', () => {
		expect(bestThresholdAccuracy([0.5, 0.1], [0, 0])).toEqual({ accuracy: 1, threshold: Infinity });
		expect(bestThresholdAccuracy([0.5, 0.1], [1, 1])).toEqual({
			accuracy: 1,
			threshold: -Infinity
		});
		// Genuine below impostors: nothing beats accepting none (2 of 3).
		expect(bestThresholdAccuracy([0.9, 0.8, 0.1], [0, 0, 1])).toEqual({
			accuracy: 2 / 3,
			threshold: Infinity
		});
		expect(bestThresholdAccuracy([], [])).toEqual({ accuracy: null, threshold: null });
	});

	it('never accepts the next group for adjacent doubles', () => {
		// hi = 1 − 2⁻⁵³ and lo = 1 − 2⁻⁵² are adjacent doubles; their midpoint 1 − 3·2⁻⁵⁴ is
		// a rounding tie and rounds to lo (even mantissa), which would also accept lo.
		const hi = 1 - Number.EPSILON / 2;
		const lo = 1 - Number.EPSILON;
		const { accuracy, threshold } = bestThresholdAccuracy([hi, lo], [1, 0]);
		expect(accuracy).toBe(1);
		expect(hi >= (threshold ?? NaN) && lo < (threshold ?? NaN)).toBe(true);
	});
});

describe('tarAtFar (step, no interpolation)', () => {
	// The tie case above: points (0,0), (0,1/3), (1/3,1), (2/3,1), (1,1).
	const scores = [0.5, 0.1, 0.9, 0.5, 0.3, 0.5];
	const same = [1, 0, 1, 0, 0, 1];

	it('takes the highest TPR among points with FPR ≤ far', () => {
		const c = roc(scores, same);
		expect(tarAtFar(c, 0)).toBeCloseTo(1 / 3, 15);
		// Interpolating along the tie's diagonal would give 2/3 at FAR 1/6; no threshold does.
		expect(tarAtFar(c, 1 / 6)).toBeCloseTo(1 / 3, 15);
		expect(tarAtFar(c, 1 / 3)).toBe(1);
		expect(tarAtFar(c, 1)).toBe(1);
		// The scores/same form gives the same values; default far is 1e−2.
		expect(tarAtFar(scores, same, 1 / 3)).toBe(1);
		expect(tarAtFar(scores, same)).toBeCloseTo(1 / 3, 15);
	});

	it('far below the smallest achievable FPR gives 0', () => {
		// Top score is an impostor: (0,0), (½,0) at 0.9, (½,1) at 0.5, (1,1) at 0.1.
		const c = roc([0.9, 0.5, 0.1], [0, 1, 0]);
		expect(tarAtFar(c, 0.4)).toBe(0);
		expect(tarAtFar(c, 0.5)).toBe(1);
		expect(tarAtFar(c, -3)).toBe(0); // clamped to 0
		expect(tarAtFar(c, NaN)).toBe(0); // default 1e−2
	});
});

describe('pairScores', () => {
	// Rows: (1,0), (0,2), (−3,0), zero vector, (1,1); labels 0, 0, 1, 1, 0.
	const features = Float64Array.from([1, 0, 0, 2, -3, 0, 0, 0, 1, 1]);
	const labels = Int32Array.from([0, 0, 1, 1, 0]);
	const s = Math.SQRT1_2;

	it('cosines of all n(n−1)/2 pairs in (0,1), (0,2), … order; the zero vector scores 0', () => {
		const p = pairScores(features, 2, labels);
		expect(p.scores.length).toBe((5 * 4) / 2);
		// (0,1) ⊥; (0,2) opposite; (0,3) zero; (0,4) 45°; (1,2) ⊥; (1,3) zero; (1,4) 45°;
		// (2,3) zero; (2,4) 135°; (3,4) zero.
		const want = [0, -1, 0, s, 0, 0, s, 0, -s, 0];
		Array.from(p.scores).forEach((v, k) => expect(v).toBeCloseTo(want[k], 15));
		expect(Array.from(p.same)).toEqual([1, 0, 0, 1, 0, 0, 1, 1, 0, 0]);
		expect([p.total, p.sampled, p.undirected]).toEqual([10, false, 1]);
		expect(hasNaN(p)).toBe(false);
	});

	it('only direction matters, and non-finite rows count as having no direction', () => {
		const scaled = pairScores(Float64Array.from([1e-200, 0, 1e200, 1e200]), 2, [0, 0]);
		expect(scaled.scores[0]).toBeCloseTo(s, 15);
		const bad = pairScores(Float32Array.from([NaN, 1, 1, 0, Infinity, 0]), 2, [0, 1, 0]);
		expect(Array.from(bad.scores)).toEqual([0, 0, 0]);
		expect(bad.undirected).toBe(2);
	});

	it('rounding never pushes a cosine past ±1', () => {
		// û = (1,1,1)/√3 in float64 has û·û = 1 + 2⁻⁵²; the score is clamped to exactly 1.
		const p = pairScores(Float64Array.from([1, 1, 1, 2, 2, 2, -3, -3, -3]), 3, [0, 0, 1]);
		expect(Array.from(p.scores)).toEqual([1, -1, -1]);
	});

	it('indices select rows; duplicates and invalid rows are dropped', () => {
		const p = pairScores(features, 2, labels, [4, 0, 0, 99, -1, 1.5]);
		expect(p.scores.length).toBe(1);
		expect(p.scores[0]).toBeCloseTo(s, 15);
		expect(p.same[0]).toBe(1);
		expect(pairScores(features, 2, labels, []).scores.length).toBe(0);
	});

	it('subsamples distinct pairs deterministically, in the full order', () => {
		const rng = createRng(5);
		const n = 60; // 1770 pairs
		const f = Float64Array.from({ length: n * 3 }, () => rng.normal());
		const l = Int32Array.from({ length: n }, (_, i) => i % 4);
		const full = pairScores(f, 3, l);
		expect(full.scores.length).toBe(1770);
		expect(full.sampled).toBe(false);
		const a = pairScores(f, 3, l, undefined, { maxPairs: 100, seed: 9 });
		const b = pairScores(f, 3, l, undefined, { maxPairs: 100, seed: 9 });
		const c = pairScores(f, 3, l, undefined, { maxPairs: 100, seed: 10 });
		expect([a.scores.length, a.total, a.sampled]).toEqual([100, 1770, true]);
		expect(Array.from(b.scores)).toEqual(Array.from(a.scores));
		expect(Array.from(b.same)).toEqual(Array.from(a.same));
		expect(Array.from(c.scores)).not.toEqual(Array.from(a.scores));
		// Random directions give distinct cosines: locate each sample in the full list.
		const at = new Map(Array.from(full.scores, (v, k) => [v, k] as const));
		const positions = Array.from(a.scores, (v) => at.get(v) ?? -1);
		positions.forEach((k, i) => {
			expect(k).toBeGreaterThanOrEqual(0);
			expect(a.same[i]).toBe(full.same[k]);
			if (i > 0) expect(k).toBeGreaterThan(positions[i - 1]); // distinct and ordered
		});
		// Exactly maxPairs = total keeps everything.
		expect(pairScores(f, 3, l, undefined, { maxPairs: 1770 }).sampled).toBe(false);
	});

	it('handles ~200k pairs (and caps larger sets at the default budget)', () => {
		const rng = createRng(1);
		const n = 632; // 199,396 pairs
		const f = Float32Array.from({ length: n * 3 }, () => rng.normal());
		const l = Int32Array.from({ length: n }, (_, i) => i % 6);
		const p = pairScores(f, 3, l);
		const c = roc(p.scores, p.same);
		bestThresholdAccuracy(p.scores, p.same);
		tarAtFar(c);
		const big = pairScores(
			Float64Array.from({ length: 3000 * 2 }, () => rng.normal()),
			2,
			[...Array(3000).keys()]
		);
		expect(p.scores.length).toBe(199_396);
		expect(c.positives + c.negatives).toBe(199_396);
		expect(big.scores.length).toBe(DEFAULT_VERIFICATION_PAIRS);
	});
});

describe('rank1 (one gallery sample per identity by default)', () => {
	// Identities A (label 0), B (1), C (2); the first row of each class is its gallery:
	// A 0°, B 120°, C 240°. Probes: A 10° → A; B 100° → B; C 170° → B (50° < 70° to C),
	// misidentified; A 340° → A (20°). Rank-1 = 3/4. Norms vary: only angles matter.
	const features = onCircle([0, 120, 240, 10, 100, 170, 340], [1, 5, 0.2, 3, 1, 9, 0.5]);
	const labels = Int32Array.from([0, 1, 2, 0, 1, 2, 0]);

	it('hand case with one misidentified probe', () => {
		expect(rank1(features, 2, labels)).toEqual({ rank1: 0.75, correct: 3, probes: 4, gallery: 3 });
	});

	it('two gallery samples per identity: the nearest sample wins', () => {
		// Galleries: A {0°, 10°}, B {120°, 100°}, C {240°, 170°}; the one probe A 340° is 20°
		// from A's 0° and 170° from C's 170°: correct.
		const r = rank1(features, 2, labels, { galleryPerClass: 2 });
		expect(r).toEqual({ rank1: 1, correct: 1, probes: 1, gallery: 6 });
	});

	it('ties go to the lowest gallery row', () => {
		// Probe (1,1) of label 1 is at exactly 45° from (1,0) and (0,1).
		const f = Float64Array.from([1, 0, 0, 1, 1, 1]);
		expect(rank1(f, 2, [0, 1, 1]).rank1).toBe(0); // row 0 (label 0) wins the tie
		expect(rank1(f, 2, [1, 0, 1]).rank1).toBe(1); // row 0 (label 1) wins the tie
	});

	it('seeded gallery choice is deterministic; indices restrict the rows; no probes → null', () => {
		const a = rank1(features, 2, labels, { seed: 3 });
		expect(rank1(features, 2, labels, { seed: 3 })).toEqual(a);
		expect([a.probes, a.gallery]).toEqual([4, 3]);
		// Rows 0, 3 (class A) and 1 (class B alone: enrolled whole, a distractor).
		expect(rank1(features, 2, labels, { indices: [0, 3, 1] })).toEqual({
			rank1: 1,
			correct: 1,
			probes: 1,
			gallery: 2
		});
		expect(rank1(features, 2, labels, { indices: [0, 1, 2] }).rank1).toBeNull();
	});
});

describe('compactRoc', () => {
	it('keeps corners and the end points, drops collinear points', () => {
		// Perfect separation: (0,0), (0,½), (0,1), (½,1), (1,1); 3 points keep the corner.
		const c = compactRoc(roc([3, 2, 1, 0], [1, 1, 0, 0]), 3);
		expect(Array.from(c.fpr)).toEqual([0, 0, 1]);
		expect(Array.from(c.tpr)).toEqual([0, 1, 1]);
		expect(Array.from(c.thresholds)).toEqual([Infinity, 2, 0]);
	});

	it('reduces a long curve to ≤ 200 of its own points, close to the original', () => {
		const rng = createRng(8);
		const n = 20000;
		const same = Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0));
		const scores = same.map((s) => rng.normal() + 1.5 * s);
		const full = roc(scores, same);
		const c = compactRoc(full);
		expect(c.fpr.length).toBeLessThanOrEqual(200);
		expect([c.fpr[0], c.tpr[0], c.fpr.at(-1), c.tpr.at(-1)]).toEqual([0, 0, 1, 1]);
		const index = new Map(Array.from(full.thresholds, (t, k) => [t, k] as const));
		Array.from(c.thresholds).forEach((t, i) => {
			const k = index.get(t) ?? -1;
			expect([c.fpr[i], c.tpr[i]]).toEqual([full.fpr[k], full.tpr[k]]);
		});
		expect(Math.abs(trapezoid(c.fpr, c.tpr) - (full.auc ?? NaN))).toBeLessThan(2e-3);
	});
});

describe('pairAngleHistograms', () => {
	it('degree densities of the selected rows, reusing angleHistograms', () => {
		// Rows 0..2: 0° and 30.5° (label 0), 92° (label 1); row 3 is left out by indices.
		// Intra: 30.5° → bin 6 of 36 (5° each); inter: 92°, 61.5° → bins 18 and 12.
		const f = onCircle([0, 30.5, 92, 45]);
		const h = pairAngleHistograms(f, 2, [0, 0, 1, 0], { indices: [0, 1, 2] });
		expect(h.edgesDeg.length).toBe(37);
		expect([h.edgesDeg[0], h.edgesDeg[1], h.edgesDeg[36]]).toEqual([0, 5, 180]);
		expect([h.intraPairs, h.interPairs]).toEqual([1, 2]);
		expect(h.intra[6]).toBeCloseTo(1 / 5, 15); // 1 pair / (1 pair · 5°)
		expect(h.inter[18]).toBeCloseTo(1 / 10, 15); // 1 of 2 pairs / (2 · 5°)
		expect(h.inter[12]).toBeCloseTo(1 / 10, 15);
		for (const d of [h.intra, h.inter]) expect(d.reduce((a, v) => a + v * 5, 0)).toBeCloseTo(1, 12);
		// No pair of a kind: zeros, not NaN.
		const lone = pairAngleHistograms(f, 2, [0, 1, 2, 3]);
		expect(lone.intraPairs).toBe(0);
		expect(lone.intra.every((v) => v === 0)).toBe(true);
	});
});

describe('openSetReport', () => {
	// Held out: class 2 at 1°, 13°; class 3 at 92°, 104°. Train (label 0) sits exactly on the
	// class-2 probe at 13°, test (label 1) at 98°. If they were used, the impostor pair at 13°
	// (cos 1) would beat every genuine pair and the train row would steal the probe.
	// Held-out pairs: genuine 12°, 12°; impostor 91°, 103°, 79°, 91° → perfectly separated.
	const features = onCircle([13, 1, 98, 92, 13, 104]);
	const labels = Int32Array.from([0, 2, 1, 3, 2, 3]);
	const split = Uint8Array.from([SPLIT.train, 2, SPLIT.test, 2, 2, 2]);

	it('uses held-out rows only', () => {
		const r = openSetReport(features, 2, labels, split);
		expect([r.points, r.classes]).toEqual([4, 2]);
		const v = r.verification;
		expect([v.pairs, v.totalPairs, v.positives, v.negatives, v.sampled]).toEqual([
			6,
			6,
			2,
			4,
			false
		]);
		expect(v.auc).toBe(1);
		expect(v.accuracy).toBe(1);
		// Midway between the lowest genuine cos 12° and the highest impostor cos 79°.
		expect(v.threshold).toBeCloseTo((cosDeg(12) + cosDeg(79)) / 2, 12);
		expect([v.far, v.tar]).toEqual([0.01, 1]);
		expect([v.roc.fpr[0], v.roc.fpr.at(-1), v.roc.tpr.at(-1)]).toEqual([0, 1, 1]);
		// Galleries 1° and 92° (first held-out rows); probes 13° and 104° → both right.
		expect(r.identification).toEqual({ rank1: 1, correct: 2, probes: 2, gallery: 2 });
		expect([r.histograms.intraPairs, r.histograms.interPairs]).toEqual([2, 4]);
		expect(r.histograms.intra[2]).toBeCloseTo(2 / (2 * 5), 15); // both at 12° ∈ [10°, 15°)
		expect(hasNaN(r)).toBe(false);
	});

	it('no held-out rows: nulls and empty arrays, never NaN', () => {
		const r = openSetReport(features, 2, labels, new Uint8Array(6));
		expect([r.points, r.verification.pairs]).toEqual([0, 0]);
		expect([r.verification.auc, r.verification.accuracy, r.verification.tar]).toEqual([
			null,
			null,
			null
		]);
		expect(r.identification.rank1).toBeNull();
		expect(r.verification.roc.fpr.length).toBe(0);
		expect(hasNaN(r)).toBe(false);
	});

	it('a generated data set with held-out classes: sampled pairs, compact ROC, no NaN', () => {
		const d = generateDataset({ classes: 6, pointsPerClass: 400, heldOut: [4, 5], seed: 3 });
		const r = openSetReport(d.points, d.dim, d.labels, d.split, { maxPairs: 50_000 });
		expect([r.points, r.classes]).toEqual([800, 2]);
		expect([r.verification.pairs, r.verification.sampled]).toEqual([50_000, true]);
		const { fpr, tpr } = r.verification.roc;
		expect(fpr.length).toBeLessThanOrEqual(200);
		expect([fpr[0], tpr[0], fpr.at(-1), tpr.at(-1)]).toEqual([0, 0, 1, 1]);
		expect(openSetReport(d.points, d.dim, d.labels, d.split, { maxPairs: 50_000 })).toEqual(r);
		expect(hasNaN(r)).toBe(false);
	});
});

describe('recognitionReport: two test sets that never share a row', () => {
	// 3 classes × 6 rows in 2-D: class 2 held out, classes 0 and 1 split 4 train / 2 test.
	const n = 18;
	const labels = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 6));
	const split = Uint8Array.from(labels, (l, i) => (l === 2 ? 2 : i % 6 < 4 ? 0 : 1));
	const base = Float64Array.from({ length: n * 2 }, (_, k) => {
		const i = Math.floor(k / 2);
		const angle = labels[i] * 2 + (i % 6) * 0.05;
		return k % 2 === 0 ? Math.cos(angle) : Math.sin(angle);
	});

	it('new people are the held-out rows, known people the seen test rows', () => {
		const r = recognitionReport(base, 2, labels, split);
		expect([r.unseen.points, r.unseen.classes]).toEqual([6, 1]);
		expect([r.seen.points, r.seen.classes]).toEqual([4, 2]);
	});

	it('moving a row changes only the report of its own set (train rows: neither)', () => {
		const moved = (row: number) => {
			const f = base.slice();
			f[2 * row] = -f[2 * row];
			return recognitionReport(f, 2, labels, split);
		};
		const r0 = recognitionReport(base, 2, labels, split);
		const train = moved(0); // class 0, a training row
		expect(train.unseen.verification.auc).toBe(r0.unseen.verification.auc);
		expect(train.seen).toEqual(r0.seen);
		const photo = moved(5); // class 0, a test row
		expect(photo.unseen).toEqual(r0.unseen);
		expect(photo.seen).not.toEqual(r0.seen);
		const held = moved(13); // class 2, held out
		expect(held.seen).toEqual(r0.seen);
		expect(held.unseen).not.toEqual(r0.unseen);
	});
});
