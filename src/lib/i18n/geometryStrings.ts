/**
 * Strings of the geometry readouts (GeometryReadout under the explorer's feature view, and
 * GeometryTrajectory on /compare), in English and Korean. Merged into `STRINGS` by strings.ts.
 * What they describe is computed in src/lib/math/geometry.ts.
 */
export const GEOMETRY_EN = {
	'geometry.title': 'Geometry of the unit features',
	'geometry.empty': 'Train a few steps: these numbers come with the angle statistics.',
	'geometry.alignment': 'Alignment {value}',
	'geometry.alignmentNote':
		'mean squared distance between unit features of the same class (lower: tighter classes)',
	'geometry.uniformity': 'Uniformity {value}',
	'geometry.uniformityNote':
		'log of the mean Gaussian potential exp(−2‖u − v‖²) over all pairs of unit features (lower: more spread out)',
	'geometry.energy': 'Weight energy {value}',
	'geometry.energyMeans': 'Class-mean energy {value}',
	'geometry.simplex': '(regular simplex: {value})',
	'geometry.polygon': '(evenly spaced: {value})',
	'geometry.noReference': '(no closed-form minimum for {count} directions in {dim} dimensions)',
	'geometry.energyNote':
		'mean of 1/‖ŵᵢ − ŵⱼ‖ over pairs of unit class weights (lower: more evenly spread; the value in brackets is the least possible)',
	'geometry.energyNoteMeans':
		'mean of 1/‖μ̂ᵢ − μ̂ⱼ‖ over pairs of class mean directions, as this loss has no class weights (lower: more evenly spread; the value in brackets is the least possible)',
	'geometry.overlay':
		'The faint dashed spokes on the unit circle are that least-energy arrangement, turned to lie closest to the current directions.',
	'geometry.overlaySphere':
		'The faint dashed grey spokes outside the sphere point along that regular simplex, turned to lie closest to the current directions.',
	'geometry.source':
		'Alignment (α = 2) and uniformity (t = 2) as defined by Wang & Isola (ICML 2020), with two points of the same class as a positive pair; energy with s = 1 as defined by Liu et al. (NeurIPS 2018), each term capped at 10⁶. Over the points of the seen classes, at step {step}.',
	'geometry.sampled': 'The pairs are a seeded sample.',
	'geometry.chartTitle': 'Geometry over training',
	'geometry.chartLabel': '{metric} against training step, one line per panel',
	'geometry.axisStep': 'step',
	'geometry.axisAlignment': 'alignment',
	'geometry.axisUniformity': 'uniformity',
	'geometry.axisEnergy': 'class-direction energy',
	'geometry.simplexLine': 'least possible energy (dashed)',
	'geometry.chartNote':
		'Lower is tighter or more spread out: lower alignment means each class’s unit features sit closer together, lower uniformity means all unit features spread more evenly, lower energy means the class directions (weights, or class means for contrastive, triplet and center loss) spread more evenly; the dashed line is the least possible energy.',
	'geometry.chartEmpty': 'Press Play all: each panel adds a point a few times a second.'
} as const;

export const GEOMETRY_KO: Record<keyof typeof GEOMETRY_EN, string> = {
	'geometry.title': '단위 특징의 기하',
	'geometry.empty': '몇 단계 학습해 보세요. 이 값들은 각도 통계와 함께 계산됩니다.',
	'geometry.alignment': '정렬도 {value}',
	'geometry.alignmentNote':
		'같은 클래스 단위 특징 사이 거리 제곱의 평균 (낮을수록 클래스가 촘촘함)',
	'geometry.uniformity': '균일도 {value}',
	'geometry.uniformityNote':
		'모든 단위 특징 쌍에 대한 가우스 퍼텐셜 e^(−2‖u − v‖²) 평균의 log (낮을수록 고르게 퍼짐)',
	'geometry.energy': '가중치 에너지 {value}',
	'geometry.energyMeans': '클래스 평균 에너지 {value}',
	'geometry.simplex': '(정단체: {value})',
	'geometry.polygon': '(같은 간격: {value})',
	'geometry.noReference': '({dim}차원의 방향 {count}개에는 닫힌 꼴의 최솟값이 없음)',
	'geometry.energyNote':
		'단위 클래스 가중치 쌍에 대한 1/‖ŵᵢ − ŵⱼ‖의 평균 (낮을수록 고르게 퍼짐, 괄호 안의 값이 가능한 최솟값)',
	'geometry.energyNoteMeans':
		'이 손실에는 클래스 가중치가 없으므로 클래스 평균 방향 쌍에 대한 1/‖μ̂ᵢ − μ̂ⱼ‖의 평균 (낮을수록 고르게 퍼짐, 괄호 안의 값이 가능한 최솟값)',
	'geometry.overlay':
		'단위원 위의 옅은 점선은 에너지가 가장 낮은 그 배치를 지금의 방향에 가장 가깝게 돌려 놓은 것입니다.',
	'geometry.overlaySphere':
		'구 바깥의 옅은 회색 점선은 그 정단체의 방향을 지금의 방향에 가장 가깝게 돌려 놓은 것입니다.',
	'geometry.source':
		'정렬도(α = 2)와 균일도(t = 2)는 왕과 아이솔라(2020)의 정의를 따르며 같은 클래스의 두 점을 양성 쌍으로 봅니다. 에너지는 리우 등(2018)의 정의에서 s = 1이며, 각 항은 10⁶에서 자릅니다. 학습에 쓰인 클래스의 점들로, {step}단계에서 계산했습니다.',
	'geometry.sampled': '쌍은 시드를 고정한 표본입니다.',
	'geometry.chartTitle': '학습에 따른 기하의 변화',
	'geometry.chartLabel': '학습 단계에 따른 {metric}, 패널마다 선 하나',
	'geometry.axisStep': '단계',
	'geometry.axisAlignment': '정렬도',
	'geometry.axisUniformity': '균일도',
	'geometry.axisEnergy': '클래스 방향 에너지',
	'geometry.simplexLine': '가능한 가장 낮은 에너지 (점선)',
	'geometry.chartNote':
		'낮을수록 촘촘하거나 고르게 퍼진 것입니다. 정렬도가 낮으면 각 클래스의 단위 특징이 서로 가깝고, 균일도가 낮으면 모든 단위 특징이 더 고르게 퍼지며, 에너지가 낮으면 클래스 방향(가중치, 또는 대조 손실·트리플렛 손실·센터 손실에서는 클래스 평균)이 더 고르게 퍼집니다. 점선은 가능한 가장 낮은 에너지입니다.',
	'geometry.chartEmpty': '모두 재생을 누르세요. 패널마다 1초에 몇 번씩 점이 더해집니다.'
};
