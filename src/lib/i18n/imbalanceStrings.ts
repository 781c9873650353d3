/**
 * Strings of class imbalance and label noise (issue 28): the minority collapse readout under
 * the feature view (ImbalanceReadout.svelte), the flipped labels' note on the feature circle,
 * and the class weights' download, in English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const IMBALANCE_EN = {
	'imbalance.label': 'Class imbalance',
	'imbalance.classes':
		'Minority classes {list} keep {share} of their training points; test points stay balanced.',
	'imbalance.weights': 'weights',
	'imbalance.means': 'class mean directions',
	'imbalance.angles': 'Minority {what} are {minor} apart on average, majority {major}.',
	'imbalance.collapse':
		'Minority {what} are {minor} apart on average, majority {major}: the minority classes crowd together, the minority collapse of Fang et al. (2021).',
	'imbalance.oneMinority':
		'One minority class only: no angle between minority {what} to compare (majority {major} apart on average).',
	'imbalance.accuracy': 'Test accuracy: minority classes {minor}, majority {major}.',
	'circle.flipped':
		'Points ringed in another class’s colour have a flipped training label ({count} of {train} training points): the fill is their true class, the ring the label the model trains on.',
	'controls.exportWeights': 'Class weights (CSV)'
} as const;

export const IMBALANCE_KO: Record<keyof typeof IMBALANCE_EN, string> = {
	'imbalance.label': '클래스 불균형',
	'imbalance.classes':
		'소수 클래스({list})는 학습 점의 {share}만 남깁니다. 시험 점은 균형을 유지합니다.',
	'imbalance.weights': '가중치',
	'imbalance.means': '클래스 평균 방향',
	'imbalance.angles': '소수 클래스 {what} 사이의 평균 각도는 {minor}, 다수 클래스는 {major}입니다.',
	'imbalance.collapse':
		'소수 클래스 {what} 사이의 평균 각도는 {minor}, 다수 클래스는 {major}입니다. 소수 클래스끼리 한데 모이는 소수 붕괴입니다 (팡 외, 2021).',
	'imbalance.oneMinority':
		'소수 클래스가 하나뿐이라 비교할 소수 클래스 {what} 사이의 각도가 없습니다 (다수 클래스는 평균 {major}).',
	'imbalance.accuracy': '시험 정확도: 소수 클래스 {minor}, 다수 클래스 {major}.',
	'circle.flipped':
		'다른 클래스 색의 고리를 두른 점은 학습 레이블이 뒤바뀐 점입니다 (학습 점 {train}개 중 {count}개). 안쪽 색이 실제 클래스, 고리 색이 모델이 학습하는 레이블입니다.',
	'controls.exportWeights': '클래스 가중치 (CSV)'
};
