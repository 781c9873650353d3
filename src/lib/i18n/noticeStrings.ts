/**
 * The notices' strings (`notice.<NoticeKey>`, see math/notice.ts) in English and Korean;
 * `noticeText` (index.ts) writes a notice with them. Setting names and the values a user
 * typed are shown as they are (they are URL keys and input); the sentence around them is
 * the language's.
 */
import type { NoticeKey } from '$lib/math/notice';
import { FILE_NOTICE_EN, FILE_NOTICE_KO } from './fileNoticeStrings';
import { SWEEP_NOTICE_EN, SWEEP_NOTICE_KO } from './sweepNoticeStrings';

export const NOTICE_EN = {
	...FILE_NOTICE_EN,
	...SWEEP_NOTICE_EN,
	'notice.notNumber': '{name} {value} is not a number; using {using}',
	'notice.outOfRange': '{name} {value} is out of range {min}–{max}; using {using}',
	'notice.notWhole': '{name} {value} is not a whole number; using {using}',
	'notice.notFlag': '{name} {value} is not 1 or 0; using {using}',
	'notice.notEither': '{name} {value} is not {first} or {second}; using {using}',
	'notice.notOneOf': '{name} {value} is not one of {choices}; using {using}',
	'notice.notObject': '{name} {value} are not an object; using the defaults',
	'notice.notClassList': '{name} {value} is not a list of class indices; holding out no classes',
	'notice.notClassIndex': '{name} {values} is not a class index 0–{max}; ignoring it',
	'notice.notClassIndices': '{name} {values} are not class indices 0–{max}; ignoring them',
	'notice.classRepeated': '{name} lists class {values} more than once; counting it once',
	'notice.tooManyHeldNone':
		'{name}: holding out {asked} of {classes} classes would leave fewer than 2 training classes; holding out none',
	'notice.tooManyHeld':
		'{name}: holding out {asked} of {classes} classes would leave fewer than 2 training classes; holding out only {kept}',
	'notice.integerMargin': '{name} integer has only m 1–{max}; using continuous for m {m}',
	'notice.unknownSetting': 'unknown setting {key} ignored',
	'notice.repeatedSetting': '{key} is given {n} times; using the last, {value}',
	'notice.moreProblems': '…and {n} more problems with the settings',
	'notice.panelNotLoss': 'panels: {word} is not a loss',
	'notice.panelMarginNotNumber': 'panels: margin {value} is not a number',
	'notice.panelsAtMost': 'panels: at most {n}; using the first {n}',
	'notice.panelsAtLeast': 'panels: at least {n}; adding from the default set',
	'notice.widgetWord': '{name}: {word} is not one of {allowed}',
	'notice.digitsRefused': 'Keeping the data set of before.',
	'notice.restoredUpload':
		'Using your uploaded data ({n} points) from your last visit; Reset data to go back to the generator.',
	'notice.restoredDrawing':
		'Using your drawn data ({n} points) from your last visit; Reset data to go back to the generator.'
} as const satisfies Record<`notice.${NoticeKey}`, string>;

export const NOTICE_KO: Record<keyof typeof NOTICE_EN, string> = {
	...FILE_NOTICE_KO,
	...SWEEP_NOTICE_KO,
	'notice.notNumber': '{name} {value}은(는) 숫자가 아닙니다. {using}을(를) 씁니다',
	'notice.outOfRange': '{name} {value}은(는) 범위 {min}–{max} 밖입니다. {using}을(를) 씁니다',
	'notice.notWhole': '{name} {value}은(는) 정수가 아닙니다. {using}을(를) 씁니다',
	'notice.notFlag': '{name} {value}은(는) 1이나 0이 아닙니다. {using}을(를) 씁니다',
	'notice.notEither': '{name} {value}은(는) {first}나 {second}가 아닙니다. {using}을(를) 씁니다',
	'notice.notOneOf': '{name} {value}은(는) {choices} 중 하나가 아닙니다. {using}을(를) 씁니다',
	'notice.notObject': '{name} {value}은(는) 객체가 아닙니다. 기본값을 씁니다',
	'notice.notClassList':
		'{name} {value}은(는) 클래스 번호 목록이 아닙니다. 어떤 클래스도 빼 두지 않습니다',
	'notice.notClassIndex': '{name} {values}은(는) 클래스 번호 0–{max}가 아닙니다. 무시합니다',
	'notice.notClassIndices': '{name} {values}은(는) 클래스 번호 0–{max}가 아닙니다. 무시합니다',
	'notice.classRepeated': '{name}에 클래스 {values}이(가) 여러 번 있습니다. 한 번으로 셉니다',
	'notice.tooManyHeldNone':
		'{name}: {classes}개 클래스 중 {asked}개를 빼 두면 학습 클래스가 2개보다 적어집니다. 하나도 빼 두지 않습니다',
	'notice.tooManyHeld':
		'{name}: {classes}개 클래스 중 {asked}개를 빼 두면 학습 클래스가 2개보다 적어집니다. {kept}만 빼 둡니다',
	'notice.integerMargin': '{name} 정수 모드는 m 1–{max}만 있습니다. m {m}에는 연속 모드를 씁니다',
	'notice.unknownSetting': '알 수 없는 설정 {key}은(는) 무시합니다',
	'notice.repeatedSetting': '{key}이(가) {n}번 주어졌습니다. 마지막 값 {value}을(를) 씁니다',
	'notice.moreProblems': '…그리고 설정 문제 {n}개가 더 있습니다',
	'notice.panelNotLoss': 'panels: {word}은(는) 손실 함수가 아닙니다',
	'notice.panelMarginNotNumber': 'panels: 마진 {value}은(는) 숫자가 아닙니다',
	'notice.panelsAtMost': 'panels: 최대 {n}개입니다. 앞의 {n}개를 씁니다',
	'notice.panelsAtLeast': 'panels: 최소 {n}개입니다. 기본 패널에서 더합니다',
	'notice.widgetWord': '{name}: {word}은(는) {allowed} 중 하나가 아닙니다',
	'notice.digitsRefused': '이전 데이터 세트를 유지합니다.',
	'notice.restoredUpload':
		'지난번에 올린 데이터(점 {n}개)를 사용하고 있습니다. 데이터 초기화를 누르면 생성기 데이터로 돌아갑니다.',
	'notice.restoredDrawing':
		'지난번에 그린 데이터(점 {n}개)를 사용하고 있습니다. 데이터 초기화를 누르면 생성기 데이터로 돌아갑니다.'
};
