/**
 * The ten-minute tour for a projector (/tour, /tour/1 … /tour/8): the story of SphereLab in
 * eight steps, each one live widget (the lessons' own widgets, with their settings), one or
 * two sentences and a formula, in English and Korean. The sentences state definitions and
 * what the widget shows; a measured result is a `<Claim id="…" says="…"/>` token, printed
 * from static/data/claims.json and checked by tests/unit/lessonClaims.test.ts.
 */
import type { Lang } from '$lib/math/settingTypes';

export interface TourStep {
	/** The lesson this step comes from (its slug), for "read more". */
	lesson: string;
	title: Record<Lang, string>;
	text: Record<Lang, string>;
	/** TeX, rendered with KaTeX. */
	formula: string;
	/**
	 * The widget: a view and explorer settings, as a lesson's <Widget> tag takes them, or
	 * `{ view: 'verdict' }` for the claims chart (ClaimChart: the sweep's paired differences).
	 */
	widget: { view: string } & Record<string, string>;
}

export const TOUR_STEPS: readonly TourStep[] = Object.freeze<TourStep[]>([
	{
		lesson: 'recognition',
		title: {
			en: 'Identification, verification and the open set',
			ko: '식별, 검증, 개방 집합'
		},
		text: {
			en: 'Two photos are one person when their features’ cosine is at least τ: when B lies in the cone around A. The coloured identities were never trained: new people.',
			ko: '얼굴 인식 시스템은 두 특징의 코사인이 τ 이상일 때, 곧 B가 A 둘레의 원뿔 안에 있을 때 두 사진을 같은 사람으로 받아들입니다. 색이 있는 두 신원은 학습에 쓰지 않은, 개방 집합 테스트의 새로운 사람입니다.'
		},
		formula:
			'\\cos(x_1, x_2) = \\frac{x_1^\\top x_2}{\\lVert x_1\\rVert\\,\\lVert x_2\\rVert} > \\tau',
		widget: { view: 'verify', loss: 'softmax', classes: '6', held: '4,5', noise: '0.6', seed: '3' }
	},
	{
		lesson: 'softmax',
		title: {
			en: 'Softmax features are separable, not discriminative',
			ko: 'softmax 특징은 분리되지만 판별력은 없습니다'
		},
		text: {
			en: 'Softmax only needs every feature on the right side of a boundary. Nothing asks a class to be tight or far from the others.',
			ko: 'softmax는 모든 특징이 경계의 올바른 쪽에 있기만 하면 됩니다. 클래스가 촘촘하거나 다른 클래스와 멀리 떨어지라고 요구하는 것은 없습니다.'
		},
		formula: 'f_j = W_j^\\top x + b_j',
		widget: { view: 'circle', loss: 'softmax', classes: '6', noise: '0.6', seed: '3' }
	},
	{
		lesson: 'modified-softmax',
		title: { en: '|W| = 1, b = 0: the angle decides', ko: '|W| = 1, b = 0: 각도가 정합니다' },
		text: {
			en: 'With unit weights and no bias the logit is the feature norm times a cosine, so the class is the nearest weight in angle. The boundaries are bisectors.',
			ko: '가중치를 단위 벡터로 두고 편향을 없애면 로짓은 특징의 노름 곱하기 코사인이 되어, 각도가 가장 가까운 가중치의 클래스가 됩니다. 경계는 이등분선입니다.'
		},
		formula: 'f_j = \\lVert x\\rVert \\cos\\theta_j',
		widget: { view: 'circle', loss: 'modified', classes: '5', noise: '0.6', seed: '4' }
	},
	{
		lesson: 'a-softmax',
		title: {
			en: 'A-Softmax: drag m, watch the wedges',
			ko: 'A-Softmax: m을 움직이며 쐐기를 보세요'
		},
		text: {
			en: 'The true class must win by a factor m in angle. Between neighbouring classes a grey wedge opens that no class owns.',
			ko: '정답 클래스는 각도에서 m배만큼 이겨야 합니다. 이웃한 클래스 사이에 어느 클래스에도 속하지 않는 회색 쐐기가 열립니다.'
		},
		formula: '\\cos(m\\theta_1) > \\cos\\theta_2',
		widget: {
			view: 'circle',
			loss: 'asoftmax',
			m: '4',
			classes: '6',
			noise: '0.4',
			seed: '3',
			controls: 'm'
		}
	},
	{
		lesson: 'hypersphere',
		title: { en: 'The sphere', ko: '구' },
		text: {
			en: 'Only the direction of a feature matters, a point on the unit sphere. Each class owns a cap around its weight; drag to turn the sphere.',
			ko: '특징의 방향, 곧 단위 구 위의 한 점만이 중요합니다. 각 클래스는 자기 가중치 둘레의 캡을 차지합니다. 끌어서 구를 돌려 보세요.'
		},
		formula: '\\hat x = \\frac{x}{\\lVert x\\rVert} \\in S^{d-1}',
		widget: {
			view: 'sphere',
			loss: 'asoftmax',
			m: '4',
			classes: '6',
			noise: '0.4',
			seed: '3',
			controls: 'm'
		}
	},
	{
		lesson: 'a-softmax',
		title: { en: 'Real digits', ko: '실제 손글씨 숫자' },
		text: {
			en: 'The same loss on real handwritten digits (MNIST, 14 × 14 pixels), with 2-D features: every digit becomes a direction on the circle.',
			ko: '같은 손실을 실제 손글씨 숫자(MNIST, 14 × 14 픽셀)에 씁니다. 특징은 2차원이라 숫자마다 원 위의 한 방향이 됩니다.'
		},
		formula:
			'L = -\\log \\frac{e^{\\lVert x\\rVert \\psi(\\theta_y)}}{e^{\\lVert x\\rVert \\psi(\\theta_y)} + \\sum_{j \\ne y} e^{\\lVert x\\rVert \\cos\\theta_j}}',
		widget: { view: 'circle', data: 'digits', loss: 'asoftmax', m: '4', controls: 'm' }
	},
	{
		lesson: 'euclidean-margins',
		title: { en: 'Euclidean margins need pairs', ko: '유클리드 마진에는 쌍이 필요합니다' },
		text: {
			en: 'Triplet loss compares an anchor with a positive and a negative. Watch the chart: most triplets soon have zero loss and teach nothing.',
			ko: '트리플렛 손실은 앵커를 양성, 음성과 비교합니다. 차트를 보세요. 대부분의 트리플렛은 곧 손실이 0이 되어 아무것도 가르치지 않습니다.'
		},
		formula: '\\max(0,\\ D_{ap} - D_{an} + m)',
		widget: {
			view: 'circle',
			loss: 'triplet',
			// Blobs, not the Euclidean losses' default spirals: here most triplets go quiet.
			data: 'blobs',
			classes: '6',
			noise: '0.5',
			seed: '1',
			controls: 'mining'
		}
	},
	{
		lesson: 'recognition',
		title: { en: 'What the open-set sweep shows', ko: '개방 집합 스윕이 보여 주는 것' },
		// The takeaway, from claims (10 paired seeds, 95 % intervals): lessonClaims checks the words.
		text: {
			en: 'Ten paired seeds, margins chosen on other people. On new photos of known people the margin helps: A-Softmax m = 4 raises TAR by <Claim id="asoftmax-m4.25.seenTarAtFar1e2" show="short" says="helps"/> with 25 identities. On new people it does not: m = 2 makes no measurable difference, <Claim id="asoftmax-m2.25.tarAtFar1e2" show="short" says="none"/>, and m = 4 loses <Claim id="asoftmax-m4.25.tarAtFar1e2" show="short" says="hurts"/>. In this toy a margin buys compact known classes, not better recognition of strangers.',
			ko: '짝지은 시드 10개, 마진은 다른 사람들로 골랐습니다. 아는 사람의 새 사진에서는 마진이 도움이 됩니다: 신원 25명에서 A-Softmax m = 4는 TAR을 <Claim id="asoftmax-m4.25.seenTarAtFar1e2" show="short" says="helps"/> 높입니다. 새로운 사람에게는 그렇지 않습니다: m = 2는 측정 가능한 차이가 없고(<Claim id="asoftmax-m2.25.tarAtFar1e2" show="short" says="none"/>), m = 4는 TAR이 <Claim id="asoftmax-m4.25.tarAtFar1e2" show="short" says="hurts"/> 떨어집니다. 이 장난감에서 마진은 아는 클래스를 조밀하게 만들 뿐, 처음 보는 사람을 더 잘 알아보게 하지는 않습니다.'
		},
		formula:
			'\\Delta\\,\\mathrm{TAR} = \\mathrm{TAR}_{\\text{loss}} - \\mathrm{TAR}_{\\text{modified}}',
		// The verdict chart (ClaimChart): Δ TAR on new people with its 95 % interval per point.
		widget: { view: 'verdict' }
	}
]);

/** The step of a URL's `[step]` parameter (1-based), or null when it is not one. */
export function tourStep(param: string | undefined): number | null {
	if (param === undefined || !/^[1-9]\d*$/.test(param)) return null;
	const n = Number(param);
	return n <= TOUR_STEPS.length ? n : null;
}
