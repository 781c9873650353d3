import { describe, expect, it } from 'vitest';
import { ALLOWED_NAMES, englishReport, englishWords } from '../e2e/englishWords';

describe('englishWords', () => {
	it.each([
		// Korean with names, symbols and numbers: nothing to report.
		['최대 클래스 내 10.0° < 최소 클래스 간 73.4°: ✓ 성립', []],
		['A-Softmax m = 4, λ → 0 · CosFace · ArcFace · SphereLab', []],
		['PNG로 내보내기 · SVG로 내보내기 · 데이터 (CSV)', []],
		['FAR 1e-2에서 TAR의 차이 · ROC · AUC', []],
		['sphereface_pytorch 구현: 1500/(1+0.1·it)', []],
		['cos θ · ψ(θ) · ‖x‖ · W3 · 2D · 8-D', []],
		['URL에 held=6,7,8,9를 추가하세요 (?lang=ko)', []],
		['단계 120 · 손실 0.213 · tfjs webgl', []],
		// English UI words are found, each once, with the case they were written in.
		['✗ does not hold yet', ['does', 'not', 'hold', 'yet']],
		['max intra 10.0°', ['max', 'intra']],
		['Contrastive, Triplet, Center loss', ['Contrastive', 'Triplet', 'Center', 'loss']],
		['개방 집합(open-set) 테스트', ['open-set']],
		['Training Training', ['Training']],
		['SphereLab: feature circle', ['feature', 'circle']],
		['students’ phones', ['students', 'phones']]
	] as [string, string[]][])('%s → %j', (text, want) => {
		expect(englishWords(text)).toEqual(want);
	});

	it('keeps the list of names short and in lower case', () => {
		expect(ALLOWED_NAMES.size).toBeLessThanOrEqual(30);
		for (const name of ALLOWED_NAMES) expect(name).toBe(name.toLowerCase());
	});
});

describe('englishReport', () => {
	it('names each place with English words, once', () => {
		const report = englishReport([
			{ where: 'text of p.readout', text: '최대 클래스 내 각도 < 최소 클래스 간 각도: ✓ holds' },
			{ where: 'aria-label of svg', text: '각도 히스토그램' },
			{ where: 'text of p.readout', text: '최대 클래스 내 각도 < 최소 클래스 간 각도: ✓ holds' }
		]);
		expect(report).toEqual([
			'text of p.readout: holds — «최대 클래스 내 각도 < 최소 클래스 간 각도: ✓ holds»'
		]);
	});

	it('is empty for a Korean page', () => {
		expect(
			englishReport([{ where: 'document title', text: '손실 함수 비교 · SphereLab' }])
		).toEqual([]);
	});
});
