/**
 * Strings of the boundaries figure (BoundariesFigure) and its lesson widget, in English and
 * Korean. Merged into `STRINGS` by strings.ts. Loss names and symbols (θ, W, Δ, m, λ) stay as
 * they are; `{name}` marks a placeholder.
 */
export const BOUNDARY_EN = {
	'widget.viewBoundaries': 'decision boundaries of the losses for two classes',
	'boundary.title': 'Decision boundaries of the losses',
	'boundary.anglePanel': 'In the angles θ1, θ2 to W1 and W2',
	'boundary.circlePanel': 'On the circle, from W1 to W2',
	'boundary.theta1Axis': 'θ1, angle to W1',
	'boundary.theta2Axis': 'θ2, angle to W2',
	'boundary.class1Wins': 'class 1 wins',
	'boundary.class2Wins': 'class 2 wins',
	'boundary.ringNone': '{loss}: no boundary',
	'boundary.softmaxEqual': 'Softmax, ‖W1‖ = ‖W2‖: the same boundary as modified softmax',
	'boundary.wedge': '{loss} leaves a {angle}° wedge',
	'boundary.noWedge': '{loss} has no boundary between the weights',
	'boundary.description':
		'Decision boundaries for two classes whose weights are {delta}° apart: {wedges}. One panel draws each class’s boundary in the angles θ1, θ2 to the two weights; the other splits the arc between the weights on the circle into class 1, the wedge no class owns and class 2.',
	'boundary.band': 'The margin of {loss}: no class wins there',
	'boundary.noBand': '{loss} has no margin: one boundary for both classes',
	'boundary.arcLine': 'θ1 + θ2 = Δ, the arc on the circle (dots: the boundaries of {loss})',
	'boundary.arcLinePlain': 'θ1 + θ2 = Δ, the arc on the circle',
	'boundary.class1Arc': 'class 1 wins',
	'boundary.class2Arc': 'class 2 wins',
	'boundary.gapArc': 'no class wins (margin)',
	'boundary.none':
		'No boundary: with this margin neither class wins anywhere between weights only {delta}° apart.',
	'boundary.delta': 'Angle Δ between the weights',
	'boundary.metric': '{loss} has no class weights, so it has no boundary in this figure.',
	'boundary.livePair':
		'The live model’s two nearest class weights, W{a} and W{b}, are {delta} apart: where each loss would put their boundaries (the explorer’s loss at its m, the others at their papers’ margins).',
	'boundary.noPair':
		'Train a few steps: the figure uses the two nearest class weights of the live model.',
	'boundary.metricLive':
		'The Euclidean losses have no class weights, so they have no decision boundary to compare here.'
} as const;

export const BOUNDARY_KO: Record<keyof typeof BOUNDARY_EN, string> = {
	'widget.viewBoundaries': '두 클래스에서 본 손실 함수별 결정 경계',
	'boundary.title': '손실 함수의 결정 경계',
	'boundary.anglePanel': 'W1, W2와 이루는 각 θ1, θ2로 본 경계',
	'boundary.circlePanel': '원 위에서 W1부터 W2까지',
	'boundary.theta1Axis': 'θ1, W1과의 각',
	'boundary.theta2Axis': 'θ2, W2와의 각',
	'boundary.class1Wins': '클래스 1이 이김',
	'boundary.class2Wins': '클래스 2가 이김',
	'boundary.ringNone': '{loss}: 경계 없음',
	'boundary.softmaxEqual': 'Softmax, ‖W1‖ = ‖W2‖: 수정 Softmax와 같은 경계',
	'boundary.wedge': '{loss}는 {angle}° 쐐기를 남김',
	'boundary.noWedge': '{loss}는 두 가중치 사이에 경계가 없음',
	'boundary.description':
		'가중치가 {delta}° 떨어진 두 클래스의 결정 경계: {wedges}. 한 그림은 두 가중치와 이루는 각 θ1, θ2로 각 클래스의 경계를 그리고, 다른 그림은 원 위에서 두 가중치 사이의 호를 클래스 1, 어느 클래스도 갖지 못한 쐐기, 클래스 2로 나눕니다.',
	'boundary.band': '{loss}의 마진: 여기서는 어느 클래스도 이기지 못함',
	'boundary.noBand': '{loss}에는 마진이 없음: 두 클래스가 경계 하나를 공유',
	'boundary.arcLine': 'θ1 + θ2 = Δ, 원 위의 호 (점: {loss}의 경계)',
	'boundary.arcLinePlain': 'θ1 + θ2 = Δ, 원 위의 호',
	'boundary.class1Arc': '클래스 1이 이김',
	'boundary.class2Arc': '클래스 2가 이김',
	'boundary.gapArc': '어느 클래스도 이기지 못함 (마진)',
	'boundary.none':
		'경계 없음: 이 마진에서는 가중치가 {delta}°밖에 떨어져 있지 않아 두 가중치 사이 어디에서도 어느 클래스도 이기지 못합니다.',
	'boundary.delta': '두 가중치 사이의 각 Δ',
	'boundary.metric': '{loss}에는 클래스 가중치가 없어서 이 그림에 경계가 없습니다.',
	'boundary.livePair':
		'지금 모델에서 가장 가까운 두 클래스 가중치 W{a}, W{b}는 {delta} 떨어져 있습니다. 각 손실 함수라면 두 클래스의 경계를 어디에 둘지 보여 줍니다 (탐색기의 손실 함수는 지금의 m으로, 나머지는 논문의 마진으로).',
	'boundary.noPair':
		'몇 단계 학습하세요. 이 그림은 지금 모델에서 가장 가까운 두 클래스 가중치를 씁니다.',
	'boundary.metricLive':
		'유클리드 손실 함수에는 클래스 가중치가 없어서, 여기서 비교할 결정 경계가 없습니다.'
};
