// The lesson catalog from the lessons' frontmatter, read at build time (pages are prerendered).
import { buildCatalog } from '$lib/lessons/catalog';

const metadata = import.meta.glob('/lessons/*/*.md', { eager: true, import: 'metadata' });

export function load() {
	return { catalog: buildCatalog(metadata) };
}
