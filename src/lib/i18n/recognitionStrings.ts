/**
 * Strings of the verification and identification views (RecognitionPanel and its parts), in
 * English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const RECOGNITION_EN = {
	'recog.title': 'Verification and identification',
	'recog.verifyView': 'Verification: a pair and a threshold cone',
	'recog.identifyView': 'Identification: a gallery search',
	'recog.task': 'Task',
	'recog.verify': 'Verification (1:1)',
	'recog.identify': 'Identification (1:N)',
	'recog.testSet': 'Test set',
	'recog.newPeople': 'New people',
	'recog.knownPeople': 'New photos of known people',
	'recog.noNewPeople':
		'No identity is held out of training, so there are no new people: hold classes out (held=4,5 in the URL, or the data settings) to test on people the model never saw.',
	'recog.noSnapshot': 'Train a few steps first: the views use the live model’s features.',
	'recog.noRows': 'This test set has no points.',
	'recog.oneIdentity':
		'This test set has fewer than two identities: without impostor pairs there is no ROC to draw.',
	'recog.highDim':
		'The features have {dim} dimensions: the figure draws 2-D and 3-D features only; the numbers below are computed all the same.',
	'recog.figureVerify':
		'Features on the unit circle; the shaded cone around A holds every feature the system would call the same person as A. Click a point, or use the arrow keys and Enter, to pick A and B.',
	'recog.figureIdentify':
		'Features on the unit circle; diamonds are the enrolled gallery, P is the probe. Click a point, or use the arrow keys and Enter, to pick a probe.',
	'recog.pickHint':
		'Click or tap a point for A, then one for B. Keyboard: focus the figure, arrow keys move, Enter picks. Coloured: the test set; darker grey: the other test set; light grey: training photos.',
	'recog.probeHint':
		'Click or tap a point to search the gallery with it. Keyboard: focus the figure, arrow keys move, Enter picks.',
	'recog.point': 'identity {id}, {kind}',
	'recog.kindTrain': 'training photo',
	'recog.kindTest': 'test photo of a known person',
	'recog.kindHeldOut': 'new person (held out)',
	'recog.tau': 'Threshold τ =',
	'recog.cone': 'cone of {angle}',
	'recog.snap': 'τ at FAR = 1e−2',
	'recog.genuine': 'A genuine pair',
	'recog.impostor': 'An impostor pair',
	'recog.pairAngle': 'Angle between A and B: {angle}, cos θ = {cos}',
	'recog.saysSame': 'cos θ ≥ τ: “same person”.',
	'recog.saysDifferent': 'cos θ < τ: “different people”.',
	'recog.right': '✓ Right.',
	'recog.wrong': '✗ Wrong.',
	'recog.falseAccept': '✗ Wrong: two people (a false accept).',
	'recog.falseReject': '✗ Wrong: one person (a false reject).',
	'recog.noDirection': 'One of the two features has no direction (zero length): no angle.',
	'recog.rocLabel':
		'ROC of the test set: true accept rate against false accept rate (log scale); the dot is the threshold τ, at FAR {far} and TAR {tar}.',
	'recog.genuineRejected': 'Genuine pairs rejected',
	'recog.impostorAccepted': 'Impostor pairs accepted',
	'recog.pairsNote': '{points} points of {identities} identities, {pairs} pairs, AUC {auc}.',
	'recog.sampled': 'The pairs are a seeded sample of all {total}.',
	'recog.meaning':
		'At this τ the system turns away {rejected} of genuine pairs and lets in {accepted} of impostor pairs. Raising τ narrows the cone: fewer impostors get in, more genuine pairs are turned away. When every person’s photos sit in a narrow cone, far from the others, some τ does both well: that is what discriminative features buy.',
	'recog.openSet': 'Open set: answer “unknown person” when the best cos θ is below τ',
	'recog.galleryCaption':
		'Gallery: one enrolled photo for each of {n} identities, best match first',
	'recog.identity': 'Identity',
	'recog.answer': 'Answer: identity {id}.',
	'recog.answerUnknown': 'Answer: unknown person (best cos θ {cos} < τ = {tau}).',
	'recog.noAnswer': 'No answer: the probe has no direction or the gallery is empty.',
	'recog.identifyMeaning':
		'Closed set: the best match always answers, even for someone who was never enrolled. Open set: the system may say “unknown person”, and τ trades wrongly rejected enrolled people against strangers taken for someone enrolled.'
} as const;

export const RECOGNITION_KO: Record<keyof typeof RECOGNITION_EN, string> = {
	'recog.title': '검증과 식별',
	'recog.verifyView': '검증: 한 쌍과 임계 원뿔',
	'recog.identifyView': '식별: 갤러리 검색',
	'recog.task': '과제',
	'recog.verify': '검증 (1:1)',
	'recog.identify': '식별 (1:N)',
	'recog.testSet': '테스트 집합',
	'recog.newPeople': '새로운 사람',
	'recog.knownPeople': '아는 사람의 새 사진',
	'recog.noNewPeople':
		'학습에서 제외한 신원이 없어서 새로운 사람이 없습니다. 모델이 본 적 없는 사람으로 시험하려면 클래스를 제외하세요 (URL에 held=4,5, 또는 데이터 설정).',
	'recog.noSnapshot': '먼저 몇 단계 학습하세요. 이 화면은 지금 학습 중인 모델의 특징을 씁니다.',
	'recog.noRows': '이 테스트 집합에는 점이 없습니다.',
	'recog.oneIdentity':
		'이 테스트 집합에는 신원이 두 개보다 적습니다. 타인 쌍이 없으니 그릴 ROC도 없습니다.',
	'recog.highDim':
		'특징이 {dim}차원입니다. 그림은 2차원과 3차원 특징만 그리지만, 아래 수치는 똑같이 계산합니다.',
	'recog.figureVerify':
		'단위원 위의 특징들. A 둘레의 음영 원뿔 안에 있는 특징은 모두 시스템이 A와 같은 사람이라고 판단합니다. 점을 클릭하거나 화살표 키와 엔터 키로 A와 B를 고르세요.',
	'recog.figureIdentify':
		'단위원 위의 특징들. 마름모는 등록된 갤러리, P는 조회 사진입니다. 점을 클릭하거나 화살표 키와 엔터 키로 조회 사진을 고르세요.',
	'recog.pickHint':
		'점을 클릭하거나 눌러 A를, 다음 점으로 B를 고르세요. 키보드: 그림에 포커스를 두고 화살표 키로 옮기고 엔터 키로 고릅니다. 색이 있는 점은 테스트 집합, 짙은 회색 점은 다른 테스트 집합, 옅은 회색 점은 학습 사진입니다.',
	'recog.probeHint':
		'점을 클릭하거나 눌러 그 사진으로 갤러리를 검색하세요. 키보드: 그림에 포커스를 두고 화살표 키로 옮기고 엔터 키로 고릅니다.',
	'recog.point': '신원 {id}, {kind}',
	'recog.kindTrain': '학습 사진',
	'recog.kindTest': '아는 사람의 테스트 사진',
	'recog.kindHeldOut': '새로운 사람 (학습에서 제외)',
	'recog.tau': '임계값 τ =',
	'recog.cone': '원뿔 {angle}',
	'recog.snap': 'FAR = 1e−2의 τ',
	'recog.genuine': '동일인 쌍',
	'recog.impostor': '타인 쌍',
	'recog.pairAngle': 'A와 B 사이의 각도: {angle}, cos θ = {cos}',
	'recog.saysSame': 'cos θ ≥ τ: “같은 사람”.',
	'recog.saysDifferent': 'cos θ < τ: “다른 사람”.',
	'recog.right': '✓ 맞습니다.',
	'recog.wrong': '✗ 틀렸습니다.',
	'recog.falseAccept': '✗ 틀렸습니다. 다른 두 사람입니다 (잘못된 수락).',
	'recog.falseReject': '✗ 틀렸습니다. 같은 사람입니다 (잘못된 거부).',
	'recog.noDirection': '두 특징 중 하나의 길이가 0이라 방향이 없습니다. 각도를 잴 수 없습니다.',
	'recog.rocLabel':
		'테스트 집합의 ROC: 오수락률(로그 눈금)에 대한 정수락률. 점은 임계값 τ로, FAR {far}, TAR {tar}입니다.',
	'recog.genuineRejected': '거부된 동일인 쌍',
	'recog.impostorAccepted': '수락된 타인 쌍',
	'recog.pairsNote': '신원 {identities}명의 점 {points}개, 쌍 {pairs}개, AUC {auc}.',
	'recog.sampled': '쌍은 전체 {total}개에서 시드로 고정해 뽑은 표본입니다.',
	'recog.meaning':
		'이 τ에서 시스템은 동일인 쌍의 {rejected}를 거부하고 타인 쌍의 {accepted}를 수락합니다. τ를 올리면 원뿔이 좁아져 타인은 덜 들어오지만 동일인 쌍은 더 많이 거부됩니다. 사람마다 사진이 좁은 원뿔 안에 모여 다른 사람과 멀리 떨어져 있으면, 어떤 τ는 두 가지를 모두 잘 해냅니다. 판별력 있는 특징이 주는 것이 바로 이것입니다.',
	'recog.openSet': '개방 집합: 가장 높은 cos θ가 τ보다 낮으면 “모르는 사람”이라고 답하기',
	'recog.galleryCaption': '갤러리: 신원 {n}명에 한 장씩 등록된 사진, 가장 비슷한 순서',
	'recog.identity': '신원',
	'recog.answer': '답: 신원 {id}.',
	'recog.answerUnknown': '답: 모르는 사람 (가장 높은 cos θ {cos} < τ = {tau}).',
	'recog.noAnswer': '답이 없습니다. 조회 사진에 방향이 없거나 갤러리가 비어 있습니다.',
	'recog.identifyMeaning':
		'폐쇄 집합에서는 등록된 적 없는 사람이라도 가장 비슷한 사람이 늘 답이 됩니다. 개방 집합에서는 시스템이 “모르는 사람”이라고 답할 수 있고, τ는 잘못 거부되는 등록자와 등록자로 오인되는 낯선 사람 사이의 균형을 정합니다.'
};
