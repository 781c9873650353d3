/**
 * The lesson catalog: one entry per lesson file `lessons/<lang>/<slug>.md`, read from its
 * frontmatter. Validation is strict, so a lesson with a missing title or order fails the
 * build with a message naming the file instead of rendering a broken index.
 */
import { isLang, type Lang } from '$lib/math/settingTypes';

export interface LessonEntry {
	lang: Lang;
	slug: string;
	title: string;
	/** Position in the course, 1-based. */
	order: number;
	summary: string;
	/** The explorer query string (without '?') of the lesson's main setup. */
	preset: string;
}

const FILE = /^\/lessons\/([^/]+)\/([a-z0-9-]+)\.md$/;

/** Catalog entries from `import.meta.glob('/lessons/*\/*.md', { import: 'metadata' })`. */
export function buildCatalog(metadata: Record<string, unknown>): LessonEntry[] {
	const entries: LessonEntry[] = [];
	for (const [path, meta] of Object.entries(metadata)) {
		const match = FILE.exec(path);
		if (!match) throw new Error(`${path}: lesson files are lessons/<lang>/<slug>.md`);
		const [, lang, slug] = match;
		if (!isLang(lang)) throw new Error(`${path}: unknown language folder '${lang}'`);
		const m = (meta ?? {}) as Record<string, unknown>;
		const text = (key: string, required: boolean): string => {
			const v = m[key];
			if (typeof v === 'string' && v.trim() !== '') return v.trim();
			if (required) throw new Error(`${path}: frontmatter needs a '${key}'`);
			return '';
		};
		const order = Number(m.order);
		if (!Number.isInteger(order) || order < 1) {
			throw new Error(`${path}: frontmatter 'order' must be a positive integer`);
		}
		entries.push({
			lang,
			slug,
			title: text('title', true),
			order,
			summary: text('summary', false),
			preset: text('preset', false).replace(/^\?/, '')
		});
	}
	return entries.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** The lessons of one language, in course order. */
export function lessonsIn(catalog: readonly LessonEntry[], lang: Lang): LessonEntry[] {
	return catalog.filter((e) => e.lang === lang);
}
