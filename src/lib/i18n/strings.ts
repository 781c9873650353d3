/**
 * Every UI string in English and Korean. `ko` must have exactly the keys of `en` (the type
 * says so); `{name}` marks a placeholder filled by `translate`.
 */
import { EXPLORER_EN, EXPLORER_KO } from './explorerStrings';

const en = {
	...EXPLORER_EN,
	'compare.pageTitle': 'Compare losses · SphereLab',
	'compare.title': 'Compare losses, and test them on people the model never saw',
	'compare.intro':
		'Each panel trains its own model on the same data, seed and network, with its own loss and margin. Four of the ten classes are held out of training (grey): they play the unseen identities of an open-set test, where only the geometry of the features can help.',
	'compare.controls': 'All panels',
	'compare.playAll': 'Play all',
	'compare.pauseAll': 'Pause all',
	'compare.seed': 'Seed',
	'compare.features': 'Features',
	'compare.heldOut': '{held} of {classes} classes held out of training',
	'compare.add': 'Add a panel',
	'compare.remove': 'Remove this panel',
	'compare.angleStats': 'Angle statistics',
	'compare.opensetTitle': 'The open-set test: unseen classes',
	'compare.opensetIntro':
		'Scored by cosine similarity of the features alone, updated while the panels train. Verification: every pair of held-out points, same identity or not (ROC, AUC, accuracy at the best threshold, true accepts at 1% false accepts). Identification: rank-1 with one gallery sample per identity. The closed-set column is the test accuracy on the seen classes. Note: these live panels keep a classifier row for every class, so the held-out classes (grey arrows) still act as negatives and the model knows they exist; the sweep below uses the strict protocol, with a classifier over the seen classes only.',
	'compare.noHeldOut':
		'No class is held out of training: add held=6,7,8,9 to the URL for the open-set test.',
	'compare.rocLabel': 'Verification ROC curves of the compared models on the unseen classes',
	'compare.far': 'false accept rate (FAR)',
	'compare.tar': 'true accept rate (TAR)',
	'compare.pairsNote': '{points} points of {classes} unseen classes, {pairs} pairs.',
	'compare.tableCaption':
		'Unseen classes (verification, identification) and seen classes (closed set)',
	'compare.model': 'Model',
	'compare.closedSet': 'Closed-set acc.',
	'compare.bestAcc': 'Best-threshold acc.',
	'compare.histLabel':
		'Angles between pairs of unseen points, same and different identity: {model}',
	'compare.samePairs': 'same identity',
	'compare.differentPairs': 'different identities',
	'compare.sweepTitle': 'The m sweep, over several seeds',
	'compare.sweepIntro':
		'Trains every loss headless in a worker on a harder open-set family (10 identities in 8 input dimensions with shared nuisance variation, 4 held out; A-Softmax with the paper’s λ annealing, 3D features) and scores the unseen identities. The same sweep runs in Node with npm run experiment.',
	'compare.seeds': 'Seeds',
	'compare.steps': 'Steps per model',
	'compare.runSweep': 'Run the sweep',
	'compare.cancel': 'Cancel',
	'compare.sweepProgress': 'Sweep progress',
	'compare.sweepStatus': '{done} of {runs} models · {model}, seed {seed} · {seconds} s',
	'compare.sweepCaption':
		'Mean ± standard deviation over {seeds} seeds, {steps} steps each (tfjs {backend})',
	'compare.rawInputs': 'raw inputs',
	'compare.aucVsM':
		'Verification AUC on unseen identities against the A-Softmax margin m, with the other losses as levels',
	'nav.compare': 'Compare',
	'lang.switch': 'Language',
	'nav.explorer': 'Explorer',
	'nav.lessons': 'Lessons',
	'widget.play': 'Play',
	'widget.pause': 'Pause',
	'widget.step': 'Step',
	'widget.reset': 'Reset',
	'widget.margin': 'Margin m',
	'widget.loss': 'Loss',
	'widget.lambda': 'λ annealing',
	'widget.openExplorer': 'Open in the explorer',
	'widget.waiting': 'The widget starts when it scrolls into view.',
	'widget.loading': 'Loading the live model…',
	'widget.paused': 'Paused while off-screen',
	'embed.copy': 'Copy embed code',
	'embed.copied': 'Embed code copied',
	'embed.copyFailed': 'Copy failed: select the code and copy it by hand',
	'embed.code': 'Embed code',
	'lesson.try': 'Try this',
	'lesson.previous': 'Previous',
	'lesson.next': 'Next',
	'lesson.index': 'All lessons',
	'lesson.preset': 'Open this lesson’s setup in the explorer',
	'lesson.number': 'Lesson {n}',
	'lessons.title': 'Lessons',
	'lessons.intro':
		'Six short lessons, from “what is face recognition” to “why A-Softmax, and what came after”, each with live widgets you can train and change.'
} as const;

export type StringKey = keyof typeof en;

const ko: Record<StringKey, string> = {
	...EXPLORER_KO,
	'compare.pageTitle': '손실 함수 비교 · SphereLab',
	'compare.title': '손실 함수를 비교하고, 학습에서 본 적 없는 사람으로 시험하기',
	'compare.intro':
		'각 패널은 같은 데이터, 같은 시드, 같은 네트워크로 자기 모델을 학습하며 손실 함수와 마진만 다릅니다. 열 개 클래스 중 네 개(회색)는 학습에서 빼 두었습니다. 이 클래스들이 개방 집합 시험의 처음 보는 신원 역할을 하며, 여기서는 특징의 기하 구조만이 도움이 됩니다.',
	'compare.controls': '모든 패널',
	'compare.playAll': '모두 재생',
	'compare.pauseAll': '모두 일시 정지',
	'compare.seed': '시드',
	'compare.features': '특징 차원',
	'compare.heldOut': '클래스 {classes}개 중 {held}개를 학습에서 제외',
	'compare.add': '패널 추가',
	'compare.remove': '이 패널 삭제',
	'compare.angleStats': '각도 통계',
	'compare.opensetTitle': '개방 집합 시험: 처음 보는 클래스',
	'compare.opensetIntro':
		'특징의 코사인 유사도만으로 평가하며, 패널이 학습하는 동안 갱신됩니다. 검증: 제외된 점들의 모든 쌍에 대해 같은 신원인지 판단합니다(ROC, AUC, 최적 임계값 정확도, 오수락률 1%에서의 참수락률). 식별: 신원마다 갤러리 샘플 하나를 둔 rank-1 정확도. 폐쇄 집합 열은 학습에 쓴 클래스의 테스트 정확도입니다. 참고: 이 실시간 패널의 분류기는 모든 클래스에 대한 행을 가지고 있어서, 제외된 클래스(회색 화살표)도 음성 클래스로 작용하고 모델은 그 존재를 압니다. 아래 스윕은 학습한 클래스만으로 분류기를 만드는 엄격한 프로토콜을 씁니다.',
	'compare.noHeldOut':
		'학습에서 제외된 클래스가 없습니다. 개방 집합 시험을 하려면 URL에 held=6,7,8,9를 추가하세요.',
	'compare.rocLabel': '처음 보는 클래스에 대한 비교 모델들의 검증 ROC 곡선',
	'compare.far': '오수락률 (FAR)',
	'compare.tar': '참수락률 (TAR)',
	'compare.pairsNote': '처음 보는 클래스 {classes}개의 점 {points}개, 쌍 {pairs}개.',
	'compare.tableCaption': '처음 보는 클래스(검증, 식별)와 학습한 클래스(폐쇄 집합)',
	'compare.model': '모델',
	'compare.closedSet': '폐쇄 집합 정확도',
	'compare.bestAcc': '최적 임계값 정확도',
	'compare.histLabel': '처음 보는 점 쌍 사이의 각도, 같은 신원과 다른 신원: {model}',
	'compare.samePairs': '같은 신원',
	'compare.differentPairs': '다른 신원',
	'compare.sweepTitle': '여러 시드에 걸친 m 스윕',
	'compare.sweepIntro':
		'워커에서 화면 없이 모든 손실 함수를 더 어려운 개방 집합 데이터(8차원 입력의 신원 10개, 공통 잡음 변동, 4개 제외; A-Softmax는 논문의 λ 어닐링 사용, 3차원 특징)로 학습하고 처음 보는 신원을 평가합니다. 같은 스윕을 Node에서 npm run experiment로 실행할 수 있습니다.',
	'compare.seeds': '시드 수',
	'compare.steps': '모델당 학습 단계',
	'compare.runSweep': '스윕 실행',
	'compare.cancel': '취소',
	'compare.sweepProgress': '스윕 진행률',
	'compare.sweepStatus': '모델 {runs}개 중 {done}개 완료 · {model}, 시드 {seed} · {seconds}초',
	'compare.sweepCaption': '시드 {seeds}개에 대한 평균 ± 표준편차, 각 {steps}단계 (tfjs {backend})',
	'compare.rawInputs': '원시 입력',
	'compare.aucVsM': 'A-Softmax 마진 m에 따른 처음 보는 신원의 검증 AUC와 다른 손실 함수의 수준선',
	'nav.compare': '비교',
	'lang.switch': '언어',
	'nav.explorer': '탐색기',
	'nav.lessons': '강의',
	'widget.play': '재생',
	'widget.pause': '일시 정지',
	'widget.step': '한 단계',
	'widget.reset': '초기화',
	'widget.margin': '마진 m',
	'widget.loss': '손실 함수',
	'widget.lambda': 'λ 어닐링',
	'widget.openExplorer': '탐색기에서 열기',
	'widget.waiting': '위젯이 화면에 보이면 학습을 시작합니다.',
	'widget.loading': '실시간 모델을 불러오는 중…',
	'widget.paused': '화면 밖에 있어 일시 정지됨',
	'embed.copy': '임베드 코드 복사',
	'embed.copied': '임베드 코드를 복사했습니다',
	'embed.copyFailed': '복사하지 못했습니다. 코드를 선택해 직접 복사하세요',
	'embed.code': '임베드 코드',
	'lesson.try': '직접 해 보기',
	'lesson.previous': '이전',
	'lesson.next': '다음',
	'lesson.index': '전체 강의',
	'lesson.preset': '이 강의의 설정을 탐색기에서 열기',
	'lesson.number': '{n}강',
	'lessons.title': '강의',
	'lessons.intro':
		'“얼굴 인식이란 무엇인가”에서 “왜 A-Softmax인가, 그 뒤에는 무엇이 나왔나”까지, 직접 학습시키고 바꿔 볼 수 있는 실시간 위젯이 들어 있는 짧은 강의 여섯 편입니다.'
};

export const STRINGS: Readonly<Record<'en' | 'ko', Readonly<Record<StringKey, string>>>> =
	Object.freeze({ en, ko });
