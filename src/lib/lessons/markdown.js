/**
 * Build-time plumbing of the lessons (run by svelte.config.js in Node, never shipped):
 * lessons are prose and widget tags only, so the imports of the lesson components are added
 * here, and the `##` sections get stable ids (`section-1`, `section-2`, …) that are the same
 * in every language, so the language switch can keep the reader's place.
 */

/** The components a lesson may use, by tag name. */
const LESSON_COMPONENTS = {
	Widget: '$lib/components/lesson/Widget.svelte',
	Try: '$lib/components/lesson/Try.svelte',
	Claim: '$lib/components/lesson/Claim.svelte'
};

const FRONTMATTER = /^(\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n)/;

/**
 * A Svelte preprocessor that gives every lesson (`lessons/**.md`) the imports it uses.
 * @returns {import('svelte/compiler').PreprocessorGroup}
 */
export function lessonComponents() {
	return {
		name: 'spherelab-lesson-components',
		markup({ content, filename }) {
			if (!filename || !/[\\/]lessons[\\/].+\.md$/.test(filename)) return;
			const used = Object.entries(LESSON_COMPONENTS).filter(([tag]) =>
				new RegExp(`<${tag}[\\s/>]`).test(content)
			);
			if (used.length === 0) return;
			const imports = used.map(([tag, path]) => `\timport ${tag} from '${path}';`).join('\n');
			const script = `<script>\n${imports}\n</script>\n`;
			const match = FRONTMATTER.exec(content);
			const code = match ? match[1] + script + content.slice(match[1].length) : script + content;
			return { code };
		}
	};
}

/**
 * @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode
 */

/**
 * A rehype plugin: `id="section-k"` on the k-th h2 of a page (authors' ids are kept).
 * @returns {(tree: HastNode) => void}
 */
export function rehypeSectionIds() {
	return (tree) => {
		let k = 0;
		/** @param {HastNode} node */
		const visit = (node) => {
			if (node.type === 'element' && node.tagName === 'h2') {
				k += 1;
				node.properties = { id: `section-${k}`, ...node.properties };
			}
			for (const child of node.children ?? []) visit(child);
		};
		visit(tree);
	};
}
