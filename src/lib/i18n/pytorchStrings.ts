/**
 * Strings of "Copy as PyTorch" (CopyPytorch.svelte, under the explorer's loss controls), in
 * English and Korean. Merged into `STRINGS` by strings.ts. The code itself
 * (src/lib/io/pytorch.ts) is Python and stays as written in both languages.
 */
export const PYTORCH_EN = {
	'pytorch.copy': 'Copy as PyTorch',
	'pytorch.copied': 'Copied: the PyTorch code of this loss is on the clipboard.',
	'pytorch.copyByHand':
		'The clipboard is not available here: the code is selected below, copy it by hand.',
	'pytorch.show': 'This loss in PyTorch',
	'pytorch.note':
		'One loss module with the current settings as its constants, written from the formulas SphereLab trains with, for {dim}-dimensional features and {classes} classes. Put it after your own network: it takes the features and the labels and returns the loss.'
} as const;

export const PYTORCH_KO: Record<keyof typeof PYTORCH_EN, string> = {
	'pytorch.copy': '파이토치 코드로 복사',
	'pytorch.copied': '복사했습니다. 이 손실의 파이토치 코드가 클립보드에 있습니다.',
	'pytorch.copyByHand':
		'여기서는 클립보드를 쓸 수 없습니다. 아래에 선택해 둔 코드를 직접 복사하세요.',
	'pytorch.show': '파이토치로 쓴 이 손실',
	'pytorch.note':
		'지금의 설정값을 상수로 담은 손실 모듈 하나로, SphereLab이 학습에 쓰는 식 그대로 옮겼습니다. 특징 {dim}차원, 클래스 {classes}개에 맞춰 있습니다. 여러분의 신경망 뒤에 붙이면 특징과 레이블을 받아 손실을 돌려줍니다.'
};
