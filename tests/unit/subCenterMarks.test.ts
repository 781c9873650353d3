/**
 * The feature circle with sub-centers: the extra arrows (every non-dominant sub-center, where
 * the class arrows would put it) and the raw panel's plain regions by the max over
 * sub-centers (featurePlot.ts plainClass); on the sphere, the dashed spokes.
 */
import { describe, expect, test } from 'vitest';
import { circleSnapshot } from './circleSnapshot';
import { subCenterMarks } from '../../src/lib/viz/subCenterMarks';
import { classMarks, ARROW_REACH } from '../../src/lib/viz/featureLabels';
import { CIRCLE_R, PANEL, plainClass, rawToPanel } from '../../src/lib/viz/featurePlot';
import type { Snapshot } from '../../src/lib/model/snapshot';
import * as THREE from 'three';
import { SphereSubCenters, sphereSubCenters } from '../../src/lib/viz/sphereSubCenters';
import { ARROW_LENGTH } from '../../src/lib/viz/sphereScene';
import { pointCard } from '../../src/lib/viz/pointCard';
import { featureLogits } from '../../src/lib/math/logits';
import { circleGeometry } from '../../src/lib/viz/featureGeometry';

/** Two classes of K = 3 sub-centers at the given angles (radians), class j's dominant `dominant[j]`. */
function withSubCenters(angles: number[][], dominant: number[]): Snapshot {
	const k = angles[0].length;
	const dom = angles.map((a, j) => a[dominant[j]]);
	const s = circleSnapshot(dom, 'arcface', 0.5);
	s.subCenters = {
		k,
		subWeights: new Float32Array(angles.flat().flatMap((a) => [Math.cos(a), Math.sin(a)])),
		dominant: Int32Array.from(dominant),
		subOf: new Int8Array(2).fill(-1),
		shares: null
	};
	return s;
}

const C = PANEL / 2;

describe('subCenterMarks', () => {
	const s = withSubCenters(
		[
			[0, 2, 4],
			[1, 3, 5]
		],
		[1, 0]
	);

	test('every sub-center but the dominant one, on the circle just past the rim', () => {
		const marks = subCenterMarks('circle', s, 3);
		expect(marks.map((m) => [m.row, m.sub])).toEqual([
			[0, 0],
			[0, 2],
			[1, 1],
			[1, 2]
		]);
		const angle = [0, 4, 3, 5];
		marks.forEach((m, i) => {
			expect(m.tip[0]).toBeCloseTo(C + Math.cos(angle[i]) * CIRCLE_R * ARROW_REACH, 4);
			expect(m.tip[1]).toBeCloseTo(C - Math.sin(angle[i]) * CIRCLE_R * ARROW_REACH, 4);
		});
	});

	test('on the raw panel as long as the class arrows of the angular heads', () => {
		const marks = subCenterMarks('raw', s, 3);
		const [x, y] = rawToPanel(Math.cos(4) * 2.4, Math.sin(4) * 2.4, 3);
		expect(marks[1].tip[0]).toBeCloseTo(x, 4);
		expect(marks[1].tip[1]).toBeCloseTo(y, 4);
		// The class arrow (the dominant sub-center) has the same length.
		const main = classMarks('raw', s, 3)[0];
		const len = (t: [number, number]) => Math.hypot(t[0] - C, t[1] - C);
		expect(len(marks[1].tip)).toBeCloseTo(len(main.tip), 4);
	});

	test('none without sub-centers or for 3D features', () => {
		expect(subCenterMarks('circle', circleSnapshot([0, 2], 'arcface', 0.5), 3)).toEqual([]);
		expect(subCenterMarks('circle', { ...s, featureDim: 3 }, 3)).toEqual([]);
		expect(subCenterMarks('circle', null, 3)).toEqual([]);
	});
});

describe('plainClass with sub-centers', () => {
	test.each([
		[0.1, 0], // nearest to class 0's sub-center at angle 0 (not its dominant one at 2)
		[1.1, 1],
		[2.1, 0],
		[3.9, 0],
		[5.1, 1]
	])('a feature at angle %s belongs to class %s', (a, expected) => {
		const s = withSubCenters(
			[
				[0, 2, 4],
				[1, 3, 5]
			],
			[1, 0]
		);
		expect(plainClass(s, 2 * Math.cos(a), 2 * Math.sin(a))).toBe(expected);
		// Without the sub-centers, only the dominant rows (angles 2 and 1) would count.
		const plain = { ...s, subCenters: null };
		expect(plainClass(plain, 2 * Math.cos(a), 2 * Math.sin(a))).toBe(
			Math.abs(Math.atan2(Math.sin(a - 2), Math.cos(a - 2))) <
				Math.abs(Math.atan2(Math.sin(a - 1), Math.cos(a - 1)))
				? 0
				: 1
		);
	});
});

describe('sub-centers on the sphere', () => {
	/** Two 3D classes of K = 2 sub-centers along the axes; class 0's dominant is 1, class 1's 0. */
	function sphereSnapshot(): Snapshot {
		const s = circleSnapshot([0, 1], 'arcface', 0.5);
		s.featureDim = 3;
		s.weightClasses = Int32Array.from([0, 1]);
		s.subCenters = {
			k: 2,
			subWeights: new Float32Array([1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, -1]),
			dominant: Int32Array.from([1, 0]),
			subOf: new Int8Array(2).fill(-1),
			shares: null
		};
		return s;
	}

	test('sphereSubCenters lists the non-dominant ones with their directions', () => {
		expect(sphereSubCenters(sphereSnapshot())).toEqual([
			{ row: 0, sub: 0, dir: [1, 0, 0] },
			{ row: 1, sub: 1, dir: [0, 0, -1] }
		]);
		expect(sphereSubCenters(null)).toEqual([]);
		expect(sphereSubCenters({ ...sphereSnapshot(), featureDim: 2 })).toEqual([]);
	});

	test('SphereSubCenters draws one spoke each, from the surface out, and frees them', () => {
		const spokes = new SphereSubCenters();
		spokes.set(sphereSnapshot());
		expect(spokes.count).toBe(2);
		const line = spokes.group.children[1] as THREE.Line;
		const pos = line.geometry.getAttribute('position');
		expect([pos.getX(0), pos.getY(0), pos.getZ(0)]).toEqual([0, 0, -1]);
		expect(pos.getZ(1)).toBeCloseTo(-ARROW_LENGTH, 6);
		spokes.set(null);
		expect(spokes.count).toBe(0);
		expect(spokes.group.children).toHaveLength(0);
		spokes.dispose();
	});
});

describe('the point card with sub-centers', () => {
	test('each class’s logit is that of its nearest sub-center (featureLogits with K)', () => {
		const angles = [
			[0, 2, 4],
			[1, 3, 5]
		];
		const s = withSubCenters(angles, [1, 0]);
		const W = angles.flat().map((a) => [Math.cos(a), Math.sin(a)]);
		for (const index of [0, 1]) {
			const card = pointCard(s, [0, 1], null, index);
			expect(card?.kind).toBe('head');
			if (card?.kind !== 'head') continue;
			const x = [s.features[2 * index], s.features[2 * index + 1]];
			const expected = featureLogits(x, W, null, index, {
				kind: 'arcface',
				m: 0.5,
				s: 30,
				subCenters: 3
			});
			card.math.logits.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 4));
			// The dominant rows alone would give other logits (point 0 sits on class 0's sub-center 0).
		}
		const plain = pointCard({ ...s, subCenters: null }, [0, 1], null, 0);
		const withSub = pointCard(s, [0, 1], null, 0);
		if (plain?.kind === 'head' && withSub?.kind === 'head')
			expect(withSub.math.thetas[0]).toBeLessThan(plain.math.thetas[0] - 1);
	});
});

test('the unit circle draws no one-arc-a-class sectors or wedges with sub-centers', () => {
	const plain = circleSnapshot([0, 2], 'arcface', 0.5);
	expect(circleGeometry(plain).wedges.length).toBeGreaterThan(0);
	const s = withSubCenters(
		[
			[0, 2, 4],
			[1, 3, 5]
		],
		[1, 0]
	);
	const g = circleGeometry(s);
	expect([g.arcs, g.wedges, g.overlaps, g.nominal]).toEqual([[], [], [], []]);
	expect(g.weightAngles).toHaveLength(2);
});
