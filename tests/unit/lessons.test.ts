/**
 * The lessons as authors write them: every file compiles (mdsvex + KaTeX + Svelte), has the
 * frontmatter the index needs, at least one live widget with valid attributes, a "try this"
 * task with an answer, and formulas; the English and Korean versions have the same sections
 * and the same widgets in them (the language switch keeps the reader's section); links to
 * lessons and explorer presets resolve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, preprocess } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import { lessonComponents, rehypeSectionIds } from '../../src/lib/lessons/markdown.js';
import { buildCatalog } from '../../src/lib/lessons/catalog';
import { parseSettings } from '../../src/lib/state/urlSettings';
import { isWidgetView, widgetConfig } from '../../src/lib/state/widget';

const ROOT = join(import.meta.dirname, '../../lessons');
const LANGS = ['en', 'ko'] as const;
const COURSE_LENGTH = 7;

interface LessonFile {
	lang: string;
	slug: string;
	path: string;
	text: string;
	frontmatter: Record<string, string>;
	body: string;
}

function readLessons(): LessonFile[] {
	const files: LessonFile[] = [];
	for (const lang of LANGS) {
		for (const name of readdirSync(join(ROOT, lang)).filter((n) => n.endsWith('.md'))) {
			const path = join(ROOT, lang, name);
			const text = readFileSync(path, 'utf8');
			const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
			const frontmatter: Record<string, string> = {};
			for (const line of (match?.[1] ?? '').split(/\r?\n/)) {
				const kv = /^(\w+):\s*(.*)$/.exec(line);
				if (kv) frontmatter[kv[1]] = kv[2].replace(/^(['"])(.*)\1$/, '$2');
			}
			files.push({
				lang,
				slug: name.replace(/\.md$/, ''),
				path,
				text,
				frontmatter,
				body: match ? text.slice(match[0].length) : text
			});
		}
	}
	return files;
}

/** Every `<Widget …/>` tag: its attributes in order, and the index of the `##` section it is in. */
function widgets(body: string): { attributes: [string, string][]; section: number }[] {
	const out: { attributes: [string, string][]; section: number }[] = [];
	for (const m of body.matchAll(/<Widget\b([\s\S]*?)\/>/g)) {
		const section = (body.slice(0, m.index).match(/^## /gm) ?? []).length;
		const attributes = [...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map(
			(a) => [a[1], a[2]] as [string, string]
		);
		out.push({ attributes, section });
	}
	return out;
}

/** The body with math and code removed: what Svelte reads as markup. */
function prose(body: string): string {
	return body
		.replace(/\$\$[\s\S]*?\$\$/g, '')
		.replace(/\$[^$\n]+\$/g, '')
		.replace(/```[\s\S]*?```/g, '')
		.replace(/`[^`\n]*`/g, '');
}

const lessons = readLessons();
const bySlug = (lang: string) =>
	new Map(lessons.filter((l) => l.lang === lang).map((l) => [l.slug, l]));

describe('the course', () => {
	it(`has ${COURSE_LENGTH} lessons in each language, ordered 1–${COURSE_LENGTH}, with the same slugs`, () => {
		for (const lang of LANGS) {
			const course = lessons.filter((l) => l.lang === lang);
			expect(course.map((l) => Number(l.frontmatter.order)).sort()).toEqual(
				Array.from({ length: COURSE_LENGTH }, (_, i) => i + 1)
			);
		}
		expect([...bySlug('ko').keys()].sort()).toEqual([...bySlug('en').keys()].sort());
	});

	it('builds a catalog from the frontmatter', () => {
		const catalog = buildCatalog(
			Object.fromEntries(lessons.map((l) => [`/lessons/${l.lang}/${l.slug}.md`, l.frontmatter]))
		);
		expect(catalog).toHaveLength(lessons.length);
		for (const e of catalog) {
			expect(e.title.length).toBeGreaterThan(3);
			expect(e.summary.length, `${e.lang}/${e.slug} summary`).toBeGreaterThan(10);
		}
	});
});

describe.each(lessons.map((l) => [`${l.lang}/${l.slug}`, l] as const))('lesson %s', (_, lesson) => {
	it('compiles with mdsvex, KaTeX and Svelte', async () => {
		const { code } = await preprocess(
			lesson.text,
			[
				lessonComponents(),
				mdsvex({
					extensions: ['.md'],
					remarkPlugins: [remarkMath],
					rehypePlugins: [rehypeKatexSvelte, rehypeSectionIds]
				})
			],
			{ filename: lesson.path }
		);
		const result = compile(code, { filename: lesson.path, generate: 'server' });
		expect(result.js.code.length).toBeGreaterThan(1000);
		expect(code).toContain('katex-mathml');
		expect(code).toContain('id="section-1"');
	});

	it('has a title, a summary and an explorer preset that parses without notices', () => {
		expect(lesson.frontmatter.title?.length).toBeGreaterThan(3);
		expect(lesson.frontmatter.summary?.length).toBeGreaterThan(10);
		expect(parseSettings(lesson.frontmatter.preset ?? '').notices).toEqual([]);
		expect(lesson.frontmatter.preset?.length).toBeGreaterThan(3);
	});

	it('has live widgets with valid attributes', () => {
		const found = widgets(lesson.body);
		expect(found.length).toBeGreaterThan(0);
		for (const w of found) {
			const view = w.attributes.find(([k]) => k === 'view')?.[1];
			expect(isWidgetView(view), `view ${view}`).toBe(true);
			const rest = w.attributes.filter(([k]) => k !== 'view');
			expect(widgetConfig(view as never, rest).notices).toEqual([]);
		}
	});

	it('has a "try this" task with an answer, and formulas', () => {
		const tries = [...lesson.body.matchAll(/<Try>([\s\S]*?)<\/Try>/g)];
		expect(tries.length).toBeGreaterThan(0);
		for (const t of tries) expect(t[1]).toMatch(/<details>[\s\S]*<summary>[\s\S]+<\/details>/);
		expect(lesson.body).toMatch(/\$\$[\s\S]+?\$\$/);
	});

	it('holds prose and widget tags only: no scripts, no braces outside math', () => {
		expect(lesson.text).not.toMatch(/<script|<style|\{#|\{@/);
		expect(prose(lesson.body)).not.toMatch(/[{}]/);
	});

	it('links only to lessons that exist, to explorer presets that parse and to the comparison', () => {
		const slugs = bySlug(lesson.lang);
		for (const m of lesson.body.matchAll(/\]\(([^)\s]+)\)/g)) {
			const href = m[1];
			if (/^https?:/.test(href)) continue;
			const lessonLink = /^\.\/([a-z0-9-]+)(#section-\d+)?$/.exec(href);
			const explorerLink = /^\.\.\/\.\.\/(\?.*)?$/.exec(href);
			// The comparison page, at a section (its sweeps).
			const compareLink = /^\.\.\/\.\.\/compare(\?lang=[a-z]{2})?(#[a-z-]+)?$/.exec(href);
			expect(lessonLink || explorerLink || compareLink, `link ${href}`).toBeTruthy();
			if (lessonLink) expect(slugs.has(lessonLink[1]), `lesson ${href}`).toBe(true);
			if (explorerLink) expect(parseSettings(explorerLink[1] ?? '').notices).toEqual([]);
		}
	});
});

const translations = lessons.filter((l) => l.lang !== 'en');
describe.each(translations.map((l) => [`${l.lang}/${l.slug}`, l] as const))(
	'translation %s',
	(_, lesson) => {
		it('matches the English lesson section by section', () => {
			const en = bySlug('en').get(lesson.slug);
			expect(en, 'an English version').toBeDefined();
			if (!en) return;
			const sections = (b: string) => (b.match(/^## /gm) ?? []).length;
			expect(sections(lesson.body)).toBe(sections(en.body));
			const strip = (ws: ReturnType<typeof widgets>) =>
				ws.map((w) => ({ ...w, attributes: w.attributes.filter(([k]) => k !== 'caption') }));
			expect(strip(widgets(lesson.body))).toEqual(strip(widgets(en.body)));
			expect(lesson.frontmatter.order).toBe(en.frontmatter.order);
			expect(lesson.frontmatter.preset).toBe(en.frontmatter.preset);
		});
	}
);
