/**
 * Strings of sub-centers (issue 28, item 4b; Deng et al. 2020): the hint on the feature
 * circle's extra arrows and the readout under the feature view (SubCenterReadout.svelte),
 * in English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const SUB_CENTER_EN = {
	'subcenters.label': 'Sub-centers',
	'subcenters.hint':
		'Thin dashed arrows: each class’s other sub-centers. The thick arrow is its dominant sub-center, the one most of its training points are nearest to.',
	'subcenters.hintSphere':
		'Thin dashed spokes in a class’s colour: its other sub-centers. Its arrow is its dominant sub-center, the one most of its training points are nearest to.',
	'subcenters.caption':
		'On the unit circle: each class owns the directions nearest to one of its sub-centers, so its sectors are not drawn; the raw panel’s regions show them.',
	'subcenters.testAccuracy':
		'Accuracy on clean test labels: {acc} (test labels are never flipped).',
	'subcenters.shares':
		'Of the {noisyCount} training points with a flipped label, {noisy} are nearest to one of their label’s other sub-centers rather than its dominant one; of the {cleanCount} clean points, {clean}.',
	'subcenters.more':
		'Here the flipped points leave the dominant sub-center more often than the clean ones, as Deng et al. (2020) report for noisy web face data with three sub-centers a class.',
	'subcenters.similar':
		'Here the flipped and clean points leave the dominant sub-center about equally often (within 10 points): not the separation Deng et al. (2020) report for noisy web face data.',
	'subcenters.less':
		'Here the clean points leave the dominant sub-center more often than the flipped ones: the opposite of what Deng et al. (2020) report for noisy web face data.'
} as const;

export const SUB_CENTER_KO: Record<keyof typeof SUB_CENTER_EN, string> = {
	'subcenters.label': '부중심',
	'subcenters.hint':
		'가는 점선 화살표는 각 클래스의 다른 부중심입니다. 굵은 화살표는 그 클래스의 주 부중심으로, 학습 점 대부분이 가장 가까이 있는 부중심입니다.',
	'subcenters.hintSphere':
		'클래스 색의 가는 점선은 그 클래스의 다른 부중심입니다. 화살표는 주 부중심으로, 학습 점 대부분이 가장 가까이 있는 부중심입니다.',
	'subcenters.caption':
		'단위 원: 각 클래스는 자기 부중심 중 하나에 가장 가까운 방향을 차지하므로 부채꼴을 그리지 않습니다. 원시 특징 그림의 영역이 이를 보여 줍니다.',
	'subcenters.testAccuracy':
		'깨끗한 시험 레이블에 대한 정확도: {acc} (시험 레이블은 뒤바뀌지 않습니다).',
	'subcenters.shares':
		'레이블이 뒤바뀐 학습 점 {noisyCount}개 중 {noisy}는 레이블 클래스의 주 부중심이 아닌 다른 부중심에 가장 가깝습니다. 깨끗한 학습 점 {cleanCount}개에서는 {clean}입니다.',
	'subcenters.more':
		'여기서도 뒤바뀐 점이 깨끗한 점보다 주 부중심에서 더 자주 벗어납니다. 덩 외(2020)가 클래스마다 부중심 세 개를 두고 잡음 많은 웹 얼굴 데이터에서 보고한 모습과 같습니다.',
	'subcenters.similar':
		'여기서는 뒤바뀐 점과 깨끗한 점이 주 부중심에서 벗어나는 비율이 비슷합니다(차이 10퍼센트포인트 이내). 덩 외(2020)가 잡음 많은 웹 얼굴 데이터에서 보고한 분리는 보이지 않습니다.',
	'subcenters.less':
		'여기서는 오히려 깨끗한 점이 뒤바뀐 점보다 주 부중심에서 더 자주 벗어납니다. 덩 외(2020)가 잡음 많은 웹 얼굴 데이터에서 보고한 것과 반대입니다.'
};
