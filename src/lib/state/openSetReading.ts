/**
 * /compare's reading of its open-set results: a few sentences, generated from the live numbers,
 * that say what the panels measured on new people and on new photos of known people, with the
 * hedges the data need (one model per loss on one seed; how much seeds alone move the
 * numbers in SphereLab's 10-seed sweep), and where the sweep's verdict stands for the
 * panels' losses. Pure TypeScript: the words are here (English and Korean), the numbers come
 * from the panels and from the claims file.
 */
import type { LossKind } from '$lib/math/margins';
import { lossNames } from '$lib/i18n/index';
import type { Claim, ClaimsFile } from '$lib/io/claims';
import type { Lang } from '$lib/math/settingTypes';
import { claimText } from './claims';

/** One panel as the reading sees it. */
export interface ReadingPanel {
	loss: LossKind;
	m: number;
	label: string;
	/** TAR at FAR = 1e−2 on new people, and on new photos of known people (null: not scored yet). */
	tarNew: number | null;
	tarKnown: number | null;
	trainAcc: number | null;
	step: number;
}

/** The live setting the panels share. */
export interface ReadingSetup {
	seed: number;
	seen: number;
	heldOut: number;
	featureDim: number;
	/** λ mode of A-Softmax panels ('off': the pure margin from step 1). */
	lambdaMode: string;
}

/** The claims' identity count nearest to `seen` (the sweep measures a few counts). */
export function nearestCount(claims: readonly Claim[], seen: number): number | null {
	const counts = [...new Set(claims.map((c) => c.identities))];
	if (counts.length === 0) return null;
	return counts.reduce((a, b) => (Math.abs(b - seen) < Math.abs(a - seen) ? b : a));
}

/** The sweep's claim about a panel's loss (A-Softmax by its m; chosen-margin losses by name). */
export function claimForPanel(
	claims: readonly Claim[],
	p: Pick<ReadingPanel, 'loss' | 'm'>,
	identities: number,
	metric: string
): Claim | undefined {
	return claims.find(
		(c) =>
			c.identities === identities &&
			c.metric === metric &&
			c.loss === p.loss &&
			(p.loss !== 'asoftmax' || (c.m === p.m && !c.id.includes('-pure')))
	);
}

const f3 = (v: number) => v.toFixed(3);

interface Words {
	setup: (s: ReadingSetup, steps: string) => string;
	best: (best: string, v: string, worst: string, w: string) => string;
	known: (best: string, v: string) => string;
	unfit: (names: string) => string;
	oneRun: (n: number, std: string, seeds: number) => string;
	verdict: (name: string, n: number, v: Claim['verdict'], text: string) => string;
	differs: (s: ReadingSetup, sweepDim: number) => string;
	waiting: string;
	and: string;
}

const VERDICT_EN = { helps: 'helps', hurts: 'hurts', none: 'makes no measurable difference for' };
const VERDICT_KO = {
	helps: '도움이 됩니다',
	hurts: '해가 됩니다',
	none: '측정 가능한 차이를 만들지 않습니다'
};

const WORDS: Record<Lang, Words> = {
	en: {
		setup: (s, steps) =>
			`These panels trained ${steps} on seed ${s.seed}, with ${s.seen} known people; ${s.heldOut} new people were never seen.`,
		best: (b, v, w, wv) =>
			`On new people, ${b} verifies best (TAR at 1 % false accepts ${v}) and ${w} worst (${wv}).`,
		known: (b, v) => `On new photos of the known people, ${b} is best (TAR ${v}).`,
		unfit: (names) =>
			`${names} has not fit its training set yet (under 99 % train accuracy): its numbers are not final.`,
		oneRun: (n, std, seeds) =>
			`This is one model per loss on one seed. In SphereLab's sweep at ${n} known identities, the paired difference between two losses varied across ${seeds} seeds with a standard deviation of up to ${std} in this TAR, so a single-run gap smaller than that says little.`,
		verdict: (name, n, v, text) =>
			`The sweep's verdict at ${n} identities: ${name} ${VERDICT_EN[v]} new people against modified softmax (${text}).`,
		differs: (s, d) =>
			`The sweep trained ${d}-D features with A-Softmax's λ annealed on the run's clock and margins chosen on validation people; these panels use ${s.featureDim}-D features${s.lambdaMode === 'off' ? ' and the pure margin (λ = 0) from the first step' : ''}, so they need not agree with it.`,
		waiting: 'Press Play all: the reading appears once every panel has been scored.',
		and: ' and '
	},
	ko: {
		setup: (s, steps) =>
			`이 패널들은 시드 ${s.seed}에서 ${steps} 학습했고, 아는 사람은 ${s.seen}명이며 새로운 사람 ${s.heldOut}명은 한 번도 보지 않았습니다.`,
		best: (b, v, w, wv) =>
			`새로운 사람에 대해서는 ${b}의 검증이 가장 좋고(오수락 1 %에서 TAR ${v}) ${w}가 가장 나쁩니다(${wv}).`,
		known: (b, v) => `아는 사람의 새 사진에서는 ${b}가 가장 좋습니다(TAR ${v}).`,
		unfit: (names) =>
			`${names}는 아직 학습 집합을 다 맞히지 못했습니다(학습 정확도 99 % 미만). 이 숫자는 최종 결과가 아닙니다.`,
		oneRun: (n, std, seeds) =>
			`이것은 손실마다 시드 하나로 학습한 모델 하나입니다. SphereLab의 스윕에서 아는 사람이 ${n}명일 때 두 손실의 짝지은 차이는 시드 ${seeds}개에 걸쳐 이 TAR에서 표준편차가 최대 ${std}였습니다. 그보다 작은 한 번의 차이는 거의 아무것도 말해 주지 않습니다.`,
		verdict: (name, n, v, text) =>
			`아는 사람 ${n}명에서 스윕의 판정: ${name}는 수정 Softmax에 비해 새로운 사람에게 ${VERDICT_KO[v]} (${text}).`,
		differs: (s, d) =>
			`스윕은 ${d}차원 특징으로, A-Softmax의 λ를 실행 길이에 맞춰 줄이고 마진을 검증용 사람들로 골라 학습했습니다. 이 패널들은 ${s.featureDim}차원 특징을 쓰고${s.lambdaMode === 'off' ? ' 첫 단계부터 마진만(λ = 0) 쓰므로' : '므로'} 스윕과 꼭 같을 필요는 없습니다.`,
		waiting: '모두 재생을 누르세요. 모든 패널의 점수가 나오면 해석이 나타납니다.',
		and: ', '
	}
};

/**
 * The reading: a list of sentences in `lang`, or one sentence asking to train when no panel
 * has been scored yet. `claims` is the shipped claims file (null: the sweep's part is left out).
 */
export function openSetReading(
	panels: readonly ReadingPanel[],
	setup: ReadingSetup,
	claims: ClaimsFile | null,
	lang: Lang
): string[] {
	const w = WORDS[lang];
	const scored = panels.filter((p) => p.tarNew !== null && Number.isFinite(p.tarNew));
	if (scored.length < 2 || scored.length < panels.length) return [w.waiting];
	const steps = [...new Set(scored.map((p) => p.step))];
	const stepText =
		lang === 'ko'
			? `${Math.min(...steps).toLocaleString('ko')}단계`
			: steps.length === 1
				? `${steps[0].toLocaleString('en')} steps`
				: `${Math.min(...steps).toLocaleString('en')}–${Math.max(...steps).toLocaleString('en')} steps`;
	const out = [w.setup(setup, stepText)];
	const byNew = [...scored].sort((a, b) => b.tarNew! - a.tarNew!);
	const [best, worst] = [byNew[0], byNew[byNew.length - 1]];
	out.push(w.best(best.label, f3(best.tarNew!), worst.label, f3(worst.tarNew!)));
	const known = scored.filter((p) => p.tarKnown !== null);
	if (known.length > 0) {
		const k = known.reduce((a, b) => (b.tarKnown! > a.tarKnown! ? b : a));
		out.push(w.known(k.label, f3(k.tarKnown!)));
	}
	const unfit = scored.filter((p) => p.trainAcc !== null && p.trainAcc < 0.99);
	if (unfit.length > 0) out.push(w.unfit(unfit.map((p) => p.label).join(w.and)));
	const all = claims?.claims ?? [];
	const n = nearestCount(all, setup.seen);
	if (n !== null && claims) {
		const tarClaims = all.filter((c) => c.identities === n && c.metric === 'tarAtFar1e2');
		const std = Math.max(...tarClaims.map((c) => c.std));
		const seeds = Math.max(...tarClaims.map((c) => c.seeds));
		if (tarClaims.length > 0) out.push(w.oneRun(n, f3(std), seeds));
		const seen = new Set<string>();
		for (const p of scored) {
			if (p.loss === 'modified') continue;
			const c = claimForPanel(all, p, n, 'tarAtFar1e2');
			if (!c || seen.has(c.id)) continue;
			seen.add(c.id);
			const name = p.loss === 'asoftmax' ? p.label : lossNames(lang)[p.loss];
			out.push(w.verdict(name, n, c.verdict, claimText(c, lang)));
		}
		const sweep = claims.sweeps[all.find((c) => c.identities === n)!.sweep];
		if (sweep) out.push(w.differs(setup, sweep.featureDim));
	}
	return out;
}
