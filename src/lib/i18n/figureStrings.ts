/**
 * Text the views build outside the components, in English and Korean: the angle statistics'
 * readouts, markers and histogram summaries (viz/statsFormat.ts takes them as `StatsWords`),
 * the ψ chart's curve labels and description (viz/psiCurves.ts, `PsiWords`), the divergence
 * message (math/divergence.ts, `DivergenceWords`),
 * and the losses' names where they are words (the rest are published names, the same in both
 * languages: LOSS_NAMES in math/margins.ts). Merged into `STRINGS` by strings.ts.
 */
export const FIGURE_EN = {
	// The angle statistics (statsFormat.ts, STATS_WORDS_EN has the same English).
	'stats.markerIntra': 'max intra {angle}',
	'stats.markerInter': 'min inter {angle}',
	'stats.holds': '✓ holds',
	'stats.notYet': '✗ does not hold yet',
	'stats.boundBinary': 'm ≥ 2 + √3 ≈ 3.73 for two classes',
	'stats.boundMulti': 'm ≥ 3 for many classes (2D)',
	'stats.notAsoftmax': 'the bound is for A-Softmax',
	'stats.meets': 'm = {m} meets it ✓',
	'stats.below': 'm = {m} is below it ✗',
	'stats.angleLabel': 'Histogram of pair angles: {intra}, {inter}{sampled}',
	'stats.intraUpTo': 'same-class pairs up to {angle}',
	'stats.noIntra': 'no same-class pairs',
	'stats.interFrom': 'different-class pairs from {angle}',
	'stats.noInter': 'no different-class pairs',
	'stats.normLabel': 'Histogram of feature norms ‖x‖ from 0 to {max}, {n} points',
	'stats.normPeak': ', most between {lo} and {hi}',
	'stats.normBeyond': ', {n} beyond the axis',

	// The ψ(θ) chart's curve labels and description (psiCurves.ts, PSI_WORDS_EN).
	'psi.mixed': 'target with λ = {lambda}',
	'psi.softmax': 'cos θ, the target curve of softmax',
	'psi.modified': 'cos θ, the target curve of modified softmax',
	'psi.psiFor': 'ψ(θ) for m = {m}',
	'psi.withCos': '{curve} with cos θ for comparison',
	'psi.trainingMixed': 'the training target with λ = {lambda}',
	'psi.plus': ', plus {curves}',
	'psi.and': ' and ',
	'psi.rugLabel': '; ticks mark θ of {n} training points to their class weight',

	// The divergence message (math/divergence.ts, DIVERGENCE_WORDS_EN).
	'diverged.withMargin': '{loss} with margin {m}',
	'diverged.withM': '{loss} with m = {m}',
	'diverged.withScale': '{loss} with m = {m} and s = {s}',
	'diverged.withLambda': '{what} and λ = {lambda}',
	'diverged.lambdaOn': 'turn λ annealing on',
	'diverged.lowerM': 'lower m',
	'diverged.lowerS': 'lower s',
	'diverged.lowerRate': 'lower the learning rate',
	'diverged.reset': 'reset',
	'diverged.or': ' or ',
	'diverged.sentence':
		'{what} diverged at step {step}: {tips}. Training paused at the last finite state; Reset starts over.',

	// Loss names that are words (LOSS_NAMES has the same English).
	'loss.contrastive': 'Contrastive',
	'loss.triplet': 'Triplet',
	'loss.center': 'Center loss'
} as const;

export const FIGURE_KO: Record<keyof typeof FIGURE_EN, string> = {
	'stats.markerIntra': '최대 클래스 내 {angle}',
	'stats.markerInter': '최소 클래스 간 {angle}',
	'stats.holds': '✓ 성립',
	'stats.notYet': '✗ 아직 성립하지 않음',
	'stats.boundBinary': '두 클래스에서 m ≥ 2 + √3 ≈ 3.73',
	'stats.boundMulti': '여러 클래스(2D)에서 m ≥ 3',
	'stats.notAsoftmax': '이 한계는 A-Softmax에만 해당합니다',
	'stats.meets': 'm = {m}이면 충족 ✓',
	'stats.below': 'm = {m}은(는) 미달 ✗',
	'stats.angleLabel': '쌍 사이 각도의 히스토그램: {intra}, {inter}{sampled}',
	'stats.intraUpTo': '같은 클래스 쌍은 {angle}까지',
	'stats.noIntra': '같은 클래스 쌍 없음',
	'stats.interFrom': '다른 클래스 쌍은 {angle}부터',
	'stats.noInter': '다른 클래스 쌍 없음',
	'stats.normLabel': '특징 노름 ‖x‖의 히스토그램: 0부터 {max}까지, 점 {n}개',
	'stats.normPeak': ', 대부분 {lo}와 {hi} 사이',
	'stats.normBeyond': ', {n}개는 축 바깥',

	'psi.mixed': 'λ = {lambda}일 때의 목표',
	'psi.softmax': 'cos θ, softmax의 목표 곡선',
	'psi.modified': 'cos θ, 수정 Softmax의 목표 곡선',
	'psi.psiFor': 'm = {m}일 때의 ψ(θ)',
	'psi.withCos': '{curve}와 비교용 cos θ',
	'psi.trainingMixed': 'λ = {lambda}일 때의 학습 목표',
	'psi.plus': ', 그리고 {curves}',
	'psi.and': ', ',
	'psi.rugLabel': '; 눈금은 학습 점 {n}개 각각과 그 클래스 가중치 사이의 θ입니다',

	'diverged.withMargin': '마진 {m}의 {loss}',
	'diverged.withM': 'm = {m}인 {loss}',
	'diverged.withScale': 'm = {m}, s = {s}인 {loss}',
	'diverged.withLambda': '{what}(λ = {lambda})',
	'diverged.lambdaOn': 'λ 어닐링 켜기',
	'diverged.lowerM': 'm 낮추기',
	'diverged.lowerS': 's 낮추기',
	'diverged.lowerRate': '학습률 낮추기',
	'diverged.reset': '초기화',
	'diverged.or': ' 또는 ',
	'diverged.sentence':
		'{what} 학습이 {step}단계에서 발산했습니다. 해 볼 것: {tips}. 마지막 유한 상태에서 학습을 멈췄습니다. 초기화를 누르면 처음부터 다시 시작합니다.',

	'loss.contrastive': '대조 손실',
	'loss.triplet': '트리플렛 손실',
	'loss.center': '센터 손실'
};
