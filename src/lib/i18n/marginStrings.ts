/**
 * Strings of the margin family after SphereFace (issue 28): the combined head's controls and
 * presets, negative margins, sub-centers, class imbalance and label noise, in English and
 * Korean. Merged into `STRINGS` by strings.ts.
 */
export const MARGIN_EN = {
	'loss.combined': 'Combined margin',
	'pointx.combined': 'target score cos(m1·θ_y + m2) − m3',
	'controls.m1': 'm1: multiplies θ (SphereFace)',
	'controls.m2': 'm2: adds to θ (ArcFace)',
	'controls.m3': 'm3: subtracts from cos (CosFace)',
	'controls.subCenters': 'Sub-centers per class',
	'controls.imbalance': 'Minority share of training points',
	'controls.labelNoise': 'Flipped training labels',
	'combined.presets': 'Presets',
	'combined.mix': 'Combined 1.0 / 0.3 / 0.2',
	'combined.formula': 'Target logit s·(cos(m1·θ + m2) − m3)',
	'combined.extension':
		'Past m1·θ + m2 = π the target continues as SphereFace’s ψ does, (−1)ᵏ cos(m1·θ + m2) − 2k − m3, so it keeps falling without a jump. (ArcFace’s own code jumps to cos θ − m·sin m there.)',
	'combined.negative':
		'A negative margin makes the target easier than cos θ: the classes’ regions overlap instead of leaving a wedge between them (Liu et al., ECCV 2020).',
	'circle.noOwner':
		'On the unit circle: at this margin no class wins anywhere, not even along its own weight, because the weights are too close together for it.',
	'circle.overlap':
		'On the unit circle: hatched sectors are overlaps, where both neighbouring classes win with their margin (a negative margin).'
} as const;

export const MARGIN_KO: Record<keyof typeof MARGIN_EN, string> = {
	'loss.combined': '결합 마진',
	'pointx.combined': '목표 점수 cos(m1·θ_y + m2) − m3',
	'controls.m1': 'm1: θ에 곱함 (SphereFace)',
	'controls.m2': 'm2: θ에 더함 (ArcFace)',
	'controls.m3': 'm3: cos에서 뺌 (CosFace)',
	'controls.subCenters': '클래스당 부중심 수',
	'controls.imbalance': '소수 클래스가 남기는 비율',
	'controls.labelNoise': '뒤바뀐 학습 레이블 비율',
	'combined.presets': '미리 정한 값',
	'combined.mix': '결합 1.0 / 0.3 / 0.2',
	'combined.formula': '목표 로짓 s·(cos(m1·θ + m2) − m3)',
	'combined.extension':
		'm1·θ + m2가 π를 넘으면 목표는 SphereFace의 ψ처럼 (−1)ᵏ cos(m1·θ + m2) − 2k − m3로 이어져, 끊김 없이 계속 줄어듭니다. (ArcFace의 원래 코드는 그 지점에서 cos θ에서 상수를 뺀 곡선으로 건너뜁니다.)',
	'combined.negative':
		'음의 마진은 목표를 cos θ보다 쉽게 만듭니다. 클래스 사이에 쐐기가 남지 않고 두 영역이 겹칩니다 (리우 외, 2020).',
	'circle.noOwner':
		'단위 원: 이 마진에서는 가중치들이 서로 너무 가까워서, 어느 클래스도 어디에서도, 자기 가중치 방향에서조차 이기지 못합니다.',
	'circle.overlap':
		'단위 원: 빗금 친 부채꼴은 겹침입니다. 이웃한 두 클래스가 마진을 두고도 모두 이기는 곳입니다 (음의 마진).'
};
