/**
 * Why the identity sweep saved with the site could not be read (`notice.<SavedSweepNoticeKey>`,
 * see math/notice.ts), in English and Korean: a clause that 'idsweep.badSaved' shows in its
 * brackets. JSON field names (`{field}`), the file's values (`{value}`), HTTP statuses and the
 * browser's or parser's own words (`{detail}`) are shown as they are.
 */
import type { SavedSweepNoticeKey } from '$lib/math/notice';

export const SWEEP_NOTICE_EN = {
	'notice.sweepHttp': 'HTTP {status}',
	'notice.sweepNotLoaded': '{detail}',
	'notice.sweepNotJson': 'not valid JSON: {detail}',
	'notice.sweepNotObject': 'not a JSON object',
	'notice.sweepWrongKind': 'not a saved identity sweep',
	'notice.sweepNoRows': 'no rows',
	'notice.sweepNoSeeds': 'no seeds',
	'notice.sweepNoBaselines': 'no raw-input baselines',
	'notice.sweepFieldNotNumber': '{field} is not a number',
	'notice.sweepFieldNotObject': '{field} is not an object',
	'notice.sweepRowNotObject': 'a row is not an object',
	'notice.sweepUnknownLoss': 'unknown loss {value}',
	'notice.sweepRowNoCounts': 'a row has no identity count or seeds',
	'notice.sweepRowNoMargin': 'a row has no margin',
	'notice.sweepUnknownVariant': 'unknown variant {value}',
	'notice.sweepRowNoField': 'a row has no {field}',
	'notice.sweepNotList': '{field} is not a list',
	'notice.sweepTrialNotNumber': 'a margin trial is not a number',
	'notice.sweepDeltaNotObject': 'a paired difference is not an object',
	'notice.sweepDeltaNotNumber': 'a paired difference is not a number',
	'notice.sweepDeltaNoAhead': 'a paired difference has no seeds ahead',
	'notice.sweepDeltaNoSeeds': 'a paired difference has no seed count',
	'notice.sweepIntervalNotTwo': 'a 95 % interval is not two numbers',
	'notice.sweepUnknownVerdict': 'unknown verdict {value}'
} as const satisfies Record<`notice.${SavedSweepNoticeKey}`, string>;

export const SWEEP_NOTICE_KO: Record<keyof typeof SWEEP_NOTICE_EN, string> = {
	'notice.sweepHttp': '서버 응답 코드 {status}',
	'notice.sweepNotLoaded': '파일을 받지 못했습니다: {detail}',
	'notice.sweepNotJson': '올바른 JSON이 아닙니다: {detail}',
	'notice.sweepNotObject': 'JSON 객체가 아닙니다',
	'notice.sweepWrongKind': '저장된 신원 수 스윕이 아닙니다',
	'notice.sweepNoRows': '행이 없습니다',
	'notice.sweepNoSeeds': '시드가 없습니다',
	'notice.sweepNoBaselines': '원시 입력 기준선이 없습니다',
	'notice.sweepFieldNotNumber': '{field} 값이 숫자가 아닙니다',
	'notice.sweepFieldNotObject': '{field} 값이 객체가 아닙니다',
	'notice.sweepRowNotObject': '객체가 아닌 행이 있습니다',
	'notice.sweepUnknownLoss': '알 수 없는 손실 함수 {value}',
	'notice.sweepRowNoCounts': '신원 수나 시드 수가 없는 행이 있습니다',
	'notice.sweepRowNoMargin': '마진이 없는 행이 있습니다',
	'notice.sweepUnknownVariant': '알 수 없는 변형 {value}',
	'notice.sweepRowNoField': '{field} 값이 없는 행이 있습니다',
	'notice.sweepNotList': '{field} 값이 목록이 아닙니다',
	'notice.sweepTrialNotNumber': '숫자가 아닌 마진 시도가 있습니다',
	'notice.sweepDeltaNotObject': '객체가 아닌 짝지은 차이가 있습니다',
	'notice.sweepDeltaNotNumber': '숫자가 아닌 짝지은 차이가 있습니다',
	'notice.sweepDeltaNoAhead': '앞선 시드 수가 없는 짝지은 차이가 있습니다',
	'notice.sweepDeltaNoSeeds': '시드 수가 없는 짝지은 차이가 있습니다',
	'notice.sweepIntervalNotTwo': '두 수가 아닌 95 % 구간이 있습니다',
	'notice.sweepUnknownVerdict': '알 수 없는 판정 {value}'
};
