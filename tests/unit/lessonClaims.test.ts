/**
 * Every measured result a page states rests on a claim of static/data/claims.json (a paired
 * difference over ≥ 10 seeds with its 95 % bootstrap interval, `npm run claims`):
 * - the claims file is what the saved sweeps give (no hand edits, no drift);
 * - every `<Claim id="…"/>` of the lessons (English and Korean), the tour and /compare's
 *   strings names a claim that exists, and a difference it prints says what the sentence says:
 *   `says` must equal the claim's verdict, and the sentence must use a word of that verdict
 *   (and no word of "helps" or "hurts" when the verdict is "none");
 * - a sentence with a claim quotes no number of its own (its numbers come from the file);
 * - the result sections quote no bare three-decimal figure that no claim prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseClaims, type Claim } from '../../src/lib/io/claims';
import { claimsOf } from '../../src/lib/model/experimentClaims';
import { parseSavedSweep } from '../../src/lib/state/savedSweep';
import { claimTokens, type ClaimToken } from '../../src/lib/state/claims';
import { TOUR_STEPS } from '../../src/lib/state/tour';
import { CLAIM_SWEEPS, CLAIMS_COMMAND } from '../experiment/claims';

const file = parseClaims(JSON.parse(readFileSync('static/data/claims.json', 'utf8')));
const claims = file.claims!;
const byId = new Map(claims.claims.map((c) => [c.id, c]));

describe('the claims file', () => {
	test('parses, says how to regenerate it, and is what the saved sweeps give', () => {
		expect(file.problem).toBeNull();
		expect(claims.command).toBe(CLAIMS_COMMAND);
		const rebuilt: Claim[] = [];
		for (const sweep of CLAIM_SWEEPS) {
			const saved = parseSavedSweep(JSON.parse(readFileSync(sweep.file, 'utf8'))).sweep!;
			rebuilt.push(...claimsOf(saved.rows, sweep.name, sweep.prefix));
			expect(claims.sweeps[sweep.name].seeds.length).toBeGreaterThanOrEqual(10);
		}
		expect(claims.claims).toEqual(rebuilt);
	});

	test('every claim rests on at least 10 paired seeds, and its verdict is its interval’s', () => {
		for (const c of claims.claims) {
			expect(c.seeds, c.id).toBeGreaterThanOrEqual(10);
			expect(c.ci95[0]).toBeLessThanOrEqual(c.mean);
			expect(c.ci95[1]).toBeGreaterThanOrEqual(c.mean);
			const v = c.ci95[0] > 0 ? 'helps' : c.ci95[1] < 0 ? 'hurts' : 'none';
			expect(c.verdict, c.id).toBe(v);
		}
	});
});

/** Words that say a loss helps, hurts, or that no difference was measured. */
const WORDS = {
	en: {
		helps: /\b(helps?|helped|improves?|raises?|gains?|ahead|better|higher)\b/i,
		hurts: /\b(hurts?|hurt|worse|lowers?|loses?|costs?|behind|lower|below)\b/i,
		none: /\b(no measurable|not measurable|cannot tell|can't tell|no difference|indistinguishable|not distinguishable|within noise|no clear)\b/i
	},
	ko: {
		helps: /(도움|향상|높|앞섭|앞서|낫)/,
		hurts: /(해가|해를|떨어|낮|뒤처|나쁘|잃)/,
		none: /(측정 가능한 차이|차이를 말할 수 없|구별할 수 없|차이가 없|알 수 없)/
	}
} as const;

/** A placeholder for a claim in a sentence (so its id's dots do not split sentences). */
const MARK = (k: number) => `⟦${k}⟧`;

/** The sentences of a text that hold claims, with their claims; markdown code and math removed. */
function claimSentences(text: string): { sentence: string; tokens: ClaimToken[] }[] {
	const tokens: ClaimToken[] = [];
	const marked = claimTokens(text)
		.map((p) => {
			if (typeof p === 'string') return p;
			tokens.push(p);
			return MARK(tokens.length - 1);
		})
		.join('');
	// A sentence ends at . ! ? (and any closing bold, quote or bracket), a blank line, a bullet.
	const sentences = marked.split(/(?<=[.!?。][*_)"”’]*)\s+|\n\s*\n|\n(?=[-*|] )|\|/);
	return sentences
		.map((sentence) => ({
			sentence,
			tokens: [...sentence.matchAll(/⟦(\d+)⟧/g)].map((m) => tokens[Number(m[1])])
		}))
		.filter((s) => s.tokens.length > 0);
}

/** Checks every claim of `text` (a lesson, a tour sentence) in `lang`. */
function checkText(where: string, text: string, lang: 'en' | 'ko') {
	for (const { sentence, tokens } of claimSentences(text)) {
		const plain = sentence.replace(/⟦\d+⟧/g, ' ');
		for (const t of tokens) {
			const c = byId.get(t.id);
			expect(c, `${where}: unknown claim ${t.id}`).toBeDefined();
			if (!c || (t.show !== 'delta' && t.show !== 'short')) continue;
			expect(t.says, `${where}: ${t.id} prints a difference without says="…"`).toBeDefined();
			expect(t.says, `${where}: ${t.id} says ${t.says}, its verdict is ${c.verdict}`).toBe(
				c.verdict
			);
			expect(plain, `${where}: "${plain}" must say ${c.verdict}`).toMatch(WORDS[lang][c.verdict]);
		}
		const verdicts = tokens
			.filter((t) => t.show === 'delta' || t.show === 'short')
			.map((t) => byId.get(t.id)?.verdict);
		if (verdicts.length > 0 && verdicts.every((v) => v === 'none')) {
			expect(plain, `${where}: "${plain}" has no verdict but says helps`).not.toMatch(
				WORDS[lang].helps
			);
		}
		// A sentence with claims takes its figures from them.
		expect(plain, `${where}: "${plain}" quotes a figure of its own`).not.toMatch(
			/(^|[^\d.])[−+-]?0\.\d{3}\b/
		);
	}
}

const LESSONS = readdirSync('lessons/en').filter((f) => f.endsWith('.md'));

describe('the lessons cite claims', () => {
	test.each(LESSONS)('%s (English and Korean)', (name) => {
		for (const lang of ['en', 'ko'] as const) {
			const text = readFileSync(`lessons/${lang}/${name}`, 'utf8');
			checkText(`${lang}/${name}`, text, lang);
		}
	});

	test('English and Korean cite the same claims, saying the same', () => {
		for (const name of LESSONS) {
			const ids = (lang: string) =>
				claimTokens(readFileSync(`lessons/${lang}/${name}`, 'utf8'))
					.filter((p): p is ClaimToken => typeof p !== 'string')
					.map((t) => `${t.id}:${t.show}:${t.says ?? ''}`)
					.sort();
			expect(ids('ko'), name).toEqual(ids('en'));
		}
	});

	test('the sections that report the sweep cite claims and quote no bare three-decimal figure', () => {
		let cited = 0;
		for (const name of LESSONS) {
			for (const lang of ['en', 'ko']) {
				const text = readFileSync(`lessons/${lang}/${name}`, 'utf8');
				cited += claimTokens(text).filter((p) => typeof p !== 'string').length;
				// Prose outside math, code and tables: no 0.xyz figure that is not a claim's.
				const prose = text
					.replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$|`[^`]*`/g, ' ')
					.replace(/<Claim[^>]*\/>/g, ' ')
					.split('\n')
					.filter((l) => !l.trim().startsWith('|'));
				for (const line of prose) {
					if (!/sweep|스윕/i.test(line)) continue;
					expect(line, `${lang}/${name}`).not.toMatch(/(^|[^\d.])[−+-]?0\.\d{3}\b/);
				}
			}
		}
		expect(cited).toBeGreaterThan(0);
	});
});

describe('the tour cites claims', () => {
	test.each(TOUR_STEPS.map((s, i) => [i + 1, s] as const))('step %i', (_n, step) => {
		checkText(`tour ${step.title.en} (en)`, step.text.en, 'en');
		checkText(`tour ${step.title.en} (ko)`, step.text.ko, 'ko');
	});

	test('the last step states the sweep’s takeaway with claims', () => {
		const last = TOUR_STEPS[TOUR_STEPS.length - 1];
		for (const lang of ['en', 'ko'] as const) {
			expect(claimTokens(last.text[lang]).some((p) => typeof p !== 'string')).toBe(true);
		}
	});
});
