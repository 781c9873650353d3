/**
 * The /embed page's strings (for authors: every widget's embed page and its size) in English
 * and Korean; merged into `STRINGS` by strings.ts. Code in a sentence (an HTML tag, a URL
 * setting, the height message) is a `{placeholder}` the page fills with `<code>` as written,
 * the same in both languages (see `translatePieces`); `{copy}` is the copy button's label.
 */
/** The code the /embed sentences name (their code placeholders), the same in both languages. */
export const EMBED_CODE: Readonly<Record<string, string>> = Object.freeze({
	iframe: '<iframe>',
	query: '?loss=asoftmax&m=4&classes=5',
	controls: 'controls=m,loss,lambda',
	curves: 'curves=cosface,arcface',
	autoplay: 'autoplay=0',
	lang: 'lang=ko',
	message: "{ type: 'spherelab:height', view, height }"
});

export const EMBED_EN = {
	'embed.pageTitle': 'Embed a widget · SphereLab',
	'embed.title': 'Embed a widget',
	'embed.intro':
		'Every SphereLab widget has its own page for an {iframe}. Add any explorer setting to its query string (for example {query}), plus {controls} for the controls under it, {curves} for the ψ chart, {autoplay} to wait for a click and {lang} for Korean. The “{copy}” button under every widget writes the snippet for you.',
	'embed.height':
		'An embedded widget trains only while it is on screen, and posts its height to the host page as {message} so the host can resize the iframe. It never reads anything from the host page.',
	'embed.widget': 'Widget',
	'embed.page': 'Page',
	'embed.size': 'Suggested size',
	'embed.compareRow': 'comparison of losses, with the open-set test'
} as const;

export const EMBED_KO: Record<keyof typeof EMBED_EN, string> = {
	'embed.pageTitle': '위젯 임베드 · SphereLab',
	'embed.title': '위젯 임베드하기',
	'embed.intro':
		'SphereLab의 모든 위젯에는 {iframe}에 넣을 전용 페이지가 있습니다. 쿼리 문자열에 탐색기 설정을 무엇이든 더할 수 있고(예: {query}), 다음 설정도 쓸 수 있습니다. 위젯 아래의 컨트롤: {controls}, ψ 차트의 곡선: {curves}, 클릭할 때까지 기다리기: {autoplay}, 한국어 화면: {lang}. 위젯마다 아래에 있는 “{copy}” 버튼을 누르면 코드를 대신 써 줍니다.',
	'embed.height':
		'임베드된 위젯은 화면에 보이는 동안에만 학습하며, 호스트 페이지가 위젯 프레임의 크기를 맞출 수 있도록 자기 높이를 {message} 메시지로 보냅니다. 호스트 페이지에서는 아무것도 읽지 않습니다.',
	'embed.widget': '위젯',
	'embed.page': '페이지',
	'embed.size': '권장 크기',
	'embed.compareRow': '손실 함수 비교와 개방 집합 시험'
};
