/**
 * The sweeps' UI strings on /compare (identity sweep and m sweep): paired differences with
 * their 95 % intervals, chosen margins, the task workers a browser run uses, and what a short
 * run in the browser is not. English and Korean; merged into `STRINGS` by strings.ts. Loss
 * names and symbols (Δ, m, λ, AUC, TAR) stay as they are in both languages.
 */
export const SWEEP_EN = {
	'sweep.workersOne': '1 worker',
	'sweep.workersMany': '{n} workers',
	'sweep.onWorkers': 'on {workers}',
	'sweep.cores':
		'Runs on {workers} in this browser ({cores} logical cores, one left for the page).',
	'sweep.ahead': 'ahead {k} of {n}',
	'sweep.deltaSub': 'mean [95 % interval]',
	'sweep.deltaNote':
		'Δ: the paired difference against modified softmax on the same seed, mean [95 % bootstrap interval], and on how many seeds the loss was ahead. Bold: the interval excludes 0 (green: the loss helped, red: it hurt).',
	'sweep.deltaAuc': 'Δ AUC vs modified',
	'sweep.deltaTar': 'Δ TAR vs modified',
	'idsweep.deltaAucNew': 'Δ AUC, new people',
	'idsweep.deltaTarNew': 'Δ TAR, new people',
	'idsweep.deltaTarKnown': 'Δ TAR, known people',
	'idsweep.tried': 'chosen of {list}',
	'idsweep.triedTitle':
		'The margins tried on validation runs (seeds and identities of their own), each with its mean TAR at FAR 1e-2 on new people there; the best one trained on the test seeds.',
	'idsweep.effMargin': 'Margin at end',
	'idsweep.effMarginTitle':
		'The margin that trained at the end, in degrees: the angle between the decision boundaries of the two nearest class weights, under the last step’s λ for A-Softmax; 0 for modified softmax; — for losses without class weights.',
	'idsweep.validationSeeds': 'Validation seeds',
	'idsweep.validationNone': '0: published margins',
	'idsweep.validationNote':
		'Margins with a grid (CosFace, ArcFace, contrastive, triplet) were chosen per count on validation runs ({seeds}), whose identities no test seed uses.',
	'idsweep.noValidation': 'No validation runs: every loss trained with its published margin.',
	'idsweep.cheap':
		'A run here is kept small so that it ends in minutes: 1 seed, 800 steps and 1 validation seed by default.',
	'idsweep.notShipped':
		'One short run in this browser is not the shipped sweep ({seeds}, {steps} steps each): with few seeds its intervals are wide or missing, so read its differences as a demonstration, not a measurement.',
	'idsweep.showSaved': 'Show the shipped sweep',
	'idsweep.barsCi': 'Bars: 95 % bootstrap interval of the mean difference over seeds.',
	'idsweep.barsStd':
		'Bars: ±1 standard deviation over seeds (this sweep was saved without intervals).',
	'idsweep.barsNone': 'One seed: no interval to draw.'
} as const;

export const SWEEP_KO: Record<keyof typeof SWEEP_EN, string> = {
	'sweep.workersOne': '워커 1개',
	'sweep.workersMany': '워커 {n}개',
	'sweep.onWorkers': '{workers}에서 실행',
	'sweep.cores': '이 브라우저에서 {workers}로 실행합니다(논리 코어 {cores}개 중 하나는 페이지 몫).',
	'sweep.ahead': '{n}개 중 {k}개 시드에서 앞섬',
	'sweep.deltaSub': '평균 [95% 구간]',
	'sweep.deltaNote':
		'Δ: 같은 시드의 수정된 소프트맥스와의 짝지은 차이. 평균 [95% 부트스트랩 구간]과, 몇 개 시드에서 앞섰는지를 보입니다. 굵은 글씨: 구간이 0을 포함하지 않음(초록: 도움이 됨, 빨강: 해가 됨).',
	'sweep.deltaAuc': 'Δ AUC (수정된 소프트맥스 대비)',
	'sweep.deltaTar': 'Δ TAR (수정된 소프트맥스 대비)',
	'idsweep.deltaAucNew': 'Δ AUC, 새로운 사람',
	'idsweep.deltaTarNew': 'Δ TAR, 새로운 사람',
	'idsweep.deltaTarKnown': 'Δ TAR, 아는 사람',
	'idsweep.tried': '{list} 중에서 고름',
	'idsweep.triedTitle':
		'검증 실행(고유한 시드와 신원)에서 시도한 마진과, 거기서 새로운 사람에 대한 FAR 1e-2에서의 평균 TAR. 가장 좋은 마진으로 테스트 시드를 학습했습니다.',
	'idsweep.effMargin': '마지막 마진',
	'idsweep.effMarginTitle':
		'학습이 끝날 때의 마진(도): 가장 가까운 두 클래스 가중치의 결정 경계 사이 각도. A-Softmax는 마지막 단계의 λ로 계산합니다. 수정된 소프트맥스는 0, 클래스 가중치가 없는 손실은 —.',
	'idsweep.validationSeeds': '검증 시드 수',
	'idsweep.validationNone': '0: 논문의 마진',
	'idsweep.validationNote':
		'격자가 있는 마진(CosFace, ArcFace, 대조 손실, 트리플렛 손실)은 신원 수마다 검증 실행({seeds})에서 골랐습니다. 검증 실행의 신원은 어떤 테스트 시드에도 쓰이지 않습니다.',
	'idsweep.noValidation': '검증 실행 없음: 모든 손실이 논문의 마진으로 학습했습니다.',
	'idsweep.cheap':
		'여기서의 실행은 몇 분 안에 끝나도록 작게 잡았습니다. 기본값은 시드 1개, 800단계, 검증 시드 1개입니다.',
	'idsweep.notShipped':
		'이 브라우저의 짧은 실행 한 번은 사이트와 함께 제공되는 스윕({seeds}, 각 {steps}단계)이 아닙니다. 시드가 적으면 구간이 넓거나 없으므로, 그 차이는 측정이 아니라 시연으로 읽으세요.',
	'idsweep.showSaved': '제공된 스윕 보기',
	'idsweep.barsCi': '막대: 시드에 대한 평균 차이의 95% 부트스트랩 구간.',
	'idsweep.barsStd': '막대: 시드 간 ±1 표준편차(이 스윕은 구간 없이 저장되었습니다).',
	'idsweep.barsNone': '시드 1개: 그릴 구간이 없습니다.'
};
