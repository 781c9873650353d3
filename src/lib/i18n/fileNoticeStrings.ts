/**
 * The data files' notices (`notice.<FileNoticeKey>`, `notice.<DigitsNoticeKey>` and
 * `notice.<DatasetNoticeKey>`, see math/notice.ts) in English and Korean: why an uploaded file
 * or the digits file was refused, why the trainer refused a data set, and the reader's notes
 * on a file it read. Values of the file (`{value}`, `{names}`) are
 * shown as the file has them; `{axes}` are the coordinate columns ("x, y"), the label column
 * is the language's word. The words a notice names by a `…Word` parameter are `noticeWord.*`.
 * Why a data set cannot be trained on is a clause that 'dataCannotTrain' writes in its
 * `{cause}`.
 */
import type { DatasetNoticeKey, DigitsNoticeKey, FileNoticeKey } from '$lib/math/notice';

export const FILE_NOTICE_EN = {
	'notice.fileNotBytes': 'Expected the text or the bytes of a file.',
	'notice.fileTooBig': 'This file is {size}; the limit is {limit}.',
	'notice.fileUtf16': 'This file is UTF-16 text; save it as UTF-8 CSV or TSV and try again.',
	'notice.fileBinary': 'This looks like a binary file, not CSV/TSV text.',
	'notice.fileNotUtf8':
		'This looks like a binary file, not CSV/TSV text: it is not valid UTF-8. Save spreadsheets as "CSV UTF-8".',
	'notice.fileEmpty': 'This file is empty.',
	'notice.fileBlank': 'This file has only blank lines.',
	'notice.fileQuoteOpen':
		'Line {line}: a quoted value is not closed on this line (values cannot contain line breaks).',
	'notice.fileAfterQuote': 'Line {line}: {value} follows a closing quote; quote whole values.',
	'notice.fileOneColumn':
		'Line {line}: found one column; separate x, y and label with commas or tabs.',
	'notice.fileColumns':
		'Line {line}: expected 3 columns (x, y, label) or 4 (x, y, z, label), found {found}.',
	'notice.fileColumnsLike':
		'Line {line}: expected {columns} columns ({axes}, label) like line {first}, found {found}.',
	'notice.fileMixedSeparators':
		'Line {line} uses {sepWord} but line {first} uses {firstSepWord} (mixed separators); use one separator throughout.',
	'notice.fileTooManyRows': 'Line {line}: more than {max} data rows; the limit is {max}.',
	'notice.fileValueEmpty': 'Line {line}: the {axis} value is empty.',
	'notice.fileValueTooLarge':
		'Line {line}: {axis} = {value} is too large; coordinates must be finite numbers.',
	'notice.fileNotFinite': 'Line {line}: {axis} is {word}; coordinates must be finite numbers.',
	'notice.fileDecimalComma':
		'Line {line}: {value} in column {axis} has a decimal comma; write it as {point}.',
	'notice.fileNotNumber': 'Line {line}: {value} in column {axis} is not a number.',
	'notice.fileLabelEmpty': 'Line {line}: the label is empty.',
	'notice.fileTooManyClasses':
		'Line {line}: label {value} is class {n}; at most {max} classes are allowed.',
	'notice.fileNoRows': 'This file has a header (line {line}) but no data rows.',
	'notice.fileOneClass': 'Every data row has the label {value}; at least 2 classes are needed.',
	'notice.fileHeaderUnnamed': 'Line {line}: column {column} of the header has no name.',
	'notice.fileHeaderIndex':
		'Line {line}: column 1 of the header has no name. If it is a row index, remove it (pandas: index=False).',
	'notice.fileColumnOrder': 'Line {line}: columns must be in the order {axes}, label.',
	'notice.fileUnexpected': 'This file could not be read because of an unexpected error.',
	'notice.fileRenumbered': 'Labels {labels} are numbered as classes 0–{last}.',
	'notice.fileSinglePoint': 'Class {name} has only one point, so it has no test point.',
	'notice.fileHeaderRead': 'Line {line} ({names}) is read as the header {axes}, label.',
	'notice.fileNoData': 'The worker sent no data.',
	'notice.fileNotRead': 'The file could not be read{detail}.',
	'notice.trainerNotReady': 'The trainer is not ready yet; try again in a moment.',
	'notice.workerStopped': 'The training worker was stopped.',
	'notice.dataCannotTrain': 'This data set cannot be trained on: {cause}.',
	'notice.dataDims': 'inputs must have 2 to {max} dimensions, not {dim}',
	'notice.dataLengths': 'points, labels and split have different lengths',
	'notice.dataClassCount': 'there must be {min} to {max} classes',
	'notice.dataNotFinite': 'some coordinates are not finite numbers',
	'notice.dataLabels': 'labels must be class indices 0–{last}',
	'notice.dataNoTraining': 'no point is in the training split',
	'notice.digitsTooShort': 'The digits file is too short ({n} bytes).',
	'notice.digitsNotDigits':
		'The digits file does not start with SLD1: it is not a SphereLab digits file.',
	'notice.digitsImageSize':
		'The digits file has {width} × {height} images, not {first} or {second}.',
	'notice.digitsCount': 'The digits file claims {n} digits.',
	'notice.digitsTruncated': 'The digits file is truncated ({n} of {expected} bytes).',
	'notice.digitsTooLong': 'The digits file has {n} bytes too many.',
	'notice.digitsBadLabel': 'The digits file labels digit {index} as {label}, not 0–9.',
	'notice.digitsInputs':
		'The digits file has {width} × {height} images, not the {inputs} inputs asked for.',
	'notice.digitsTooFew':
		'The digits file has {have} digits {digit}, fewer than the {per} asked for.',
	'notice.digitsNoAddress': 'The digits file could not be loaded (no address for the file).',
	'notice.digitsNotLoaded': 'The digits file could not be loaded ({detail}).'
} as const satisfies Record<`notice.${FileNoticeKey | DigitsNoticeKey | DatasetNoticeKey}`, string>;

export const FILE_NOTICE_KO: Record<keyof typeof FILE_NOTICE_EN, string> = {
	'notice.fileNotBytes': '파일의 텍스트나 바이트가 필요합니다.',
	'notice.fileTooBig': '이 파일은 {size}입니다. 한도는 {limit}입니다.',
	'notice.fileUtf16': '이 파일은 UTF-16 텍스트입니다. UTF-8 CSV나 TSV로 저장한 뒤 다시 시도하세요.',
	'notice.fileBinary': 'CSV/TSV 텍스트가 아니라 바이너리 파일로 보입니다.',
	'notice.fileNotUtf8':
		'CSV/TSV 텍스트가 아니라 바이너리 파일로 보입니다. 올바른 UTF-8이 아닙니다. 스프레드시트는 "CSV UTF-8"로 저장하세요.',
	'notice.fileEmpty': '빈 파일입니다.',
	'notice.fileBlank': '이 파일에는 빈 줄만 있습니다.',
	'notice.fileQuoteOpen':
		'{line}번째 줄: 따옴표로 연 값이 이 줄에서 닫히지 않습니다(값 안에는 줄바꿈을 넣을 수 없습니다).',
	'notice.fileAfterQuote':
		'{line}번째 줄: 닫는 따옴표 뒤에 {value}이(가) 있습니다. 값 전체를 따옴표로 감싸세요.',
	'notice.fileOneColumn':
		'{line}번째 줄: 열이 하나뿐입니다. x, y, 레이블을 쉼표나 탭으로 구분하세요.',
	'notice.fileColumns':
		'{line}번째 줄: 열이 3개(x, y, 레이블)나 4개(x, y, z, 레이블)여야 하는데 {found}개입니다.',
	'notice.fileColumnsLike':
		'{line}번째 줄: {first}번째 줄처럼 열이 {columns}개({axes}, 레이블)여야 하는데 {found}개입니다.',
	'notice.fileMixedSeparators':
		'{line}번째 줄은 {sepWord} 구분하는데 {first}번째 줄은 {firstSepWord} 구분합니다(구분자가 섞여 있습니다). 구분자를 하나만 쓰세요.',
	'notice.fileTooManyRows': '{line}번째 줄: 데이터 행이 {max}개를 넘습니다. 한도는 {max}개입니다.',
	'notice.fileValueEmpty': '{line}번째 줄: {axis} 값이 비어 있습니다.',
	'notice.fileValueTooLarge':
		'{line}번째 줄: {axis} = {value}은(는) 너무 큽니다. 좌표는 유한한 수여야 합니다.',
	'notice.fileNotFinite': '{line}번째 줄: {axis} 값이 {word}입니다. 좌표는 유한한 수여야 합니다.',
	'notice.fileDecimalComma':
		'{line}번째 줄: {axis} 열의 {value}에 소수점 쉼표가 있습니다. {point}처럼 쓰세요.',
	'notice.fileNotNumber': '{line}번째 줄: {axis} 열의 {value}은(는) 숫자가 아닙니다.',
	'notice.fileLabelEmpty': '{line}번째 줄: 레이블이 비어 있습니다.',
	'notice.fileTooManyClasses':
		'{line}번째 줄: 레이블 {value}은(는) {n}번째 클래스입니다. 클래스는 최대 {max}개까지 쓸 수 있습니다.',
	'notice.fileNoRows': '이 파일에는 머리글({line}번째 줄)만 있고 데이터 행이 없습니다.',
	'notice.fileOneClass':
		'모든 데이터 행의 레이블이 {value}입니다. 클래스가 적어도 2개 있어야 합니다.',
	'notice.fileHeaderUnnamed': '{line}번째 줄: 머리글의 {column}번째 열에 이름이 없습니다.',
	'notice.fileHeaderIndex':
		'{line}번째 줄: 머리글의 첫 번째 열에 이름이 없습니다. 행 번호 열이라면 지우세요(index=False로 저장).',
	'notice.fileColumnOrder': '{line}번째 줄: 열은 {axes}, 레이블 순서여야 합니다.',
	'notice.fileUnexpected': '예상하지 못한 오류로 이 파일을 읽지 못했습니다.',
	'notice.fileRenumbered': '레이블 {labels}을(를) 클래스 0–{last}로 번호를 다시 매깁니다.',
	'notice.fileSinglePoint': '클래스 {name}에는 점이 하나뿐이라 테스트 점이 없습니다.',
	'notice.fileHeaderRead': '{line}번째 줄({names})을 머리글 {axes}, 레이블로 읽습니다.',
	'notice.fileNoData': '학습 워커가 데이터를 보내지 않았습니다.',
	'notice.fileNotRead': '파일을 읽을 수 없습니다{detail}.',
	'notice.trainerNotReady': '학습기가 아직 준비되지 않았습니다. 잠시 뒤에 다시 해 보세요.',
	'notice.workerStopped': '학습 워커가 멈췄습니다.',
	'notice.dataCannotTrain': '이 데이터 세트로는 학습할 수 없습니다: {cause}.',
	'notice.dataDims': '입력은 2–{max}차원이어야 하는데 {dim}차원입니다',
	'notice.dataLengths': '점, 레이블, 분할의 길이가 서로 다릅니다',
	'notice.dataClassCount': '클래스는 {min}–{max}개여야 합니다',
	'notice.dataNotFinite': '일부 좌표가 유한한 수가 아닙니다',
	'notice.dataLabels': '레이블은 클래스 번호 0–{last}여야 합니다',
	'notice.dataNoTraining': '학습 분할에 든 점이 하나도 없습니다',
	'notice.digitsTooShort': '숫자 파일이 너무 짧습니다({n}바이트).',
	'notice.digitsNotDigits':
		'숫자 파일의 첫 바이트가 맞지 않습니다. SphereLab 숫자 파일이 아닙니다.',
	'notice.digitsImageSize':
		'숫자 파일의 이미지가 {width} × {height}입니다. {first}나 {second}여야 합니다.',
	'notice.digitsCount': '숫자 파일에 숫자가 {n}개 있다고 되어 있습니다.',
	'notice.digitsTruncated': '숫자 파일이 잘렸습니다({expected}바이트 중 {n}바이트).',
	'notice.digitsTooLong': '숫자 파일이 {n}바이트 더 깁니다.',
	'notice.digitsBadLabel':
		'숫자 파일이 {index}번째 숫자의 레이블을 0–9가 아닌 {label}(으)로 적었습니다.',
	'notice.digitsInputs':
		'숫자 파일의 이미지가 {width} × {height}라서 요청한 입력 {inputs}개와 맞지 않습니다.',
	'notice.digitsTooFew':
		'숫자 파일에 숫자 {digit}이(가) {have}개뿐입니다. 요청한 {per}개보다 적습니다.',
	'notice.digitsNoAddress': '숫자 파일을 불러오지 못했습니다(파일 주소가 없습니다).',
	'notice.digitsNotLoaded': '숫자 파일을 불러오지 못했습니다({detail}).'
};

/**
 * Words a notice names by a parameter ending in `Word` (the separators of 'fileMixedSeparators';
 * the Korean words carry the particle that sentence needs).
 */
export const NOTICE_WORDS_EN = {
	'noticeWord.tabs': 'tabs',
	'noticeWord.semicolons': 'semicolons',
	'noticeWord.commas': 'commas'
} as const;

export const NOTICE_WORDS_KO: Record<keyof typeof NOTICE_WORDS_EN, string> = {
	'noticeWord.tabs': '탭으로',
	'noticeWord.semicolons': '세미콜론으로',
	'noticeWord.commas': '쉼표로'
};
