/**
 * Every UI string in English and Korean. `ko` must have exactly the keys of `en` (the type
 * says so); `{name}` marks a placeholder filled by `translate`.
 */
import { EXPLORER_EN, EXPLORER_KO } from './explorerStrings';

const en = {
	...EXPLORER_EN,
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
