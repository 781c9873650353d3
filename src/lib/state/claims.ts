/**
 * The lab's claims as pages use them: static/data/claims.json (written by `npm run claims`)
 * bundled at build time, so a lesson's numbers are in its prerendered HTML, and the words a
 * claim is printed with in each language. A sentence cites a claim by id; its numbers come
 * from here, never typed by hand.
 */
import raw from '../../../static/data/claims.json';
import { parseClaims, type Claim, type ClaimsFile } from '$lib/io/claims';
import type { Lang } from '$lib/math/settingTypes';

const parsed = parseClaims(raw);

/** The shipped claims (null only if the file is broken, which a unit test rules out). */
export const CLAIMS: ClaimsFile | null = parsed.claims;

/** The claim `id`, or undefined. */
export function findClaim(id: string): Claim | undefined {
	return CLAIMS?.claims.find((c) => c.id === id);
}

/** What of a claim a page prints. */
export type ClaimShow = 'delta' | 'short' | 'value' | 'baseline' | 'ci' | 'ahead' | 'm' | 'margin';

/** A signed number as pages print it: "+0.012", "−0.034" (a real minus sign). */
export function signed(v: number, digits = 3): string {
	const s = Math.abs(v).toFixed(digits);
	return Number(s) === 0 ? `±${s}` : `${v > 0 ? '+' : '−'}${s}`;
}

const WORDS: Record<Lang, { ci: string; to: string; ahead: (k: number, n: number) => string }> = {
	en: {
		ci: '95 % CI',
		to: 'to',
		ahead: (k, n) => `ahead on ${k} of ${n} seeds`
	},
	ko: {
		ci: '95 % 신뢰구간',
		to: '~',
		ahead: (k, n) => `시드 ${n}개 중 ${k}개에서 앞섬`
	}
};

/**
 * A claim as text: 'delta' "+0.012 (95 % CI −0.010 to +0.034; ahead on 7 of 10 seeds)";
 * 'short' "+0.012 [−0.010, +0.034]"; 'value' / 'baseline' the loss's / modified softmax's mean ("0.663"); 'ci' the interval
 * alone; 'ahead' "ahead on 7 of 10 seeds"; 'm' the margin it trained with ("0.1"); 'margin' the
 * wedge it enforced at the end ("16.7°").
 */
export function claimText(c: Claim, lang: Lang, show: ClaimShow = 'delta'): string {
	const w = WORDS[lang];
	const ci = `${w.ci} ${signed(c.ci95[0])} ${w.to} ${signed(c.ci95[1])}`;
	switch (show) {
		case 'value':
			return c.value.toFixed(3);
		case 'baseline':
			return c.baseline.toFixed(3);
		case 'ci':
			return ci;
		case 'ahead':
			return w.ahead(c.ahead, c.seeds);
		case 'm':
			return c.m === null ? '—' : String(c.m);
		case 'margin':
			return c.effectiveMarginDeg === null ? '—' : `${c.effectiveMarginDeg.toFixed(1)}°`;
		case 'delta':
			return `${signed(c.mean)} (${ci}; ${w.ahead(c.ahead, c.seeds)})`;
		case 'short':
			return `${signed(c.mean)} [${signed(c.ci95[0])}, ${signed(c.ci95[1])}]`;
	}
}

/** A `<Claim …/>` token of a text: its attributes. */
export interface ClaimToken {
	id: string;
	show: ClaimShow;
	says?: 'helps' | 'hurts' | 'none';
}

const TOKEN = /<Claim\s+([^>]*?)\/>/g;
const ATTR = /(\w+)="([^"]*)"/g;
const SHOWS: readonly ClaimShow[] = [
	'delta',
	'short',
	'value',
	'baseline',
	'ci',
	'ahead',
	'm',
	'margin'
];

/** The attributes of a `<Claim …/>` tag's inside. */
export function claimAttributes(inside: string): ClaimToken {
	const attrs = Object.fromEntries([...inside.matchAll(ATTR)].map((m) => [m[1], m[2]]));
	const show = SHOWS.find((s) => s === attrs.show) ?? 'delta';
	const says = (['helps', 'hurts', 'none'] as const).find((s) => s === attrs.says);
	return { id: attrs.id ?? '', show, ...(says ? { says } : {}) };
}

/** A text split into plain strings and claim tokens, in order. */
export function claimTokens(text: string): (string | ClaimToken)[] {
	const out: (string | ClaimToken)[] = [];
	let last = 0;
	for (const m of text.matchAll(TOKEN)) {
		if (m.index > last) out.push(text.slice(last, m.index));
		out.push(claimAttributes(m[1]));
		last = m.index + m[0].length;
	}
	if (last < text.length) out.push(text.slice(last));
	return out;
}
