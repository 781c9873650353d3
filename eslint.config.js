import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layer fence (README, "Architecture"): each folder of src may import only the layers
 * listed for it, so each is importable without the ones above it. `typesOnly`: layers whose
 * types (never values) it may import; components and pages read snapshots and messages as
 * plain data but never run tfjs.
 */
const LAYERS = {
	math: { may: [], runtimes: [] },
	io: { may: ['math'], runtimes: ['d3-dsv'] },
	model: { may: ['math', 'io'], runtimes: ['@tensorflow/*'] },
	viz: { may: ['math', 'io'], typesOnly: ['model'], runtimes: ['d3', 'd3-*', 'three', 'three/*'] },
	// The language context (context.svelte.ts) is a Svelte context.
	i18n: { may: ['math'], runtimes: ['svelte'] },
	state: { may: ['math', 'io', 'model', 'viz', 'i18n'], runtimes: ['svelte', 'svelte/*'] },
	lessons: { may: ['math', 'i18n'], runtimes: [] },
	components: {
		may: ['math', 'io', 'viz', 'i18n', 'state', 'lessons', 'components'],
		typesOnly: ['model'],
		runtimes: ['svelte', 'svelte/*', '$app/*', 'katex', 'qrcode*']
	},
	routes: {
		may: ['math', 'io', 'viz', 'i18n', 'state', 'lessons', 'components'],
		typesOnly: ['model'],
		runtimes: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*']
	}
};
const LIB = ['math', 'io', 'model', 'viz', 'i18n', 'state', 'lessons', 'components'];
/** The import paths of a src/lib folder: through $lib and relative from a sibling folder. */
const pathsOf = (layer) =>
	[`$lib/${layer}`, `$lib/${layer}/*`].concat(
		['../', '../../', '../../../'].flatMap((up) => [`${up}${layer}`, `${up}${layer}/*`])
	);
/** Runtimes no layer below the UI may import unless listed for it. */
const RUNTIMES = [
	'@tensorflow/*',
	'three',
	'three/*',
	'd3',
	'd3-*',
	'svelte',
	'svelte/*',
	'$app/*'
];

/** The no-restricted-imports rule of one layer. */
function fenceOf(layer) {
	const { may, typesOnly = [], runtimes } = LAYERS[layer];
	const banned = LIB.filter((l) => l !== layer && !may.includes(l) && !typesOnly.includes(l));
	const patterns = [];
	if (banned.length)
		patterns.push({
			group: banned.flatMap(pathsOf),
			message: `src/${layer === 'routes' ? '' : 'lib/'}${layer} may import only ${[layer, ...may].join(', ')}${typesOnly.length ? ` and the types of ${typesOnly.join(', ')}` : ''} (README, Architecture).`
		});
	for (const l of typesOnly)
		patterns.push({
			group: pathsOf(l),
			allowTypeImports: true,
			message: `src/lib/${l} runs behind a worker or below this layer: import its types only.`
		});
	const foreign = RUNTIMES.filter((r) => !runtimes.includes(r));
	if (layer === 'components' || layer === 'routes')
		foreign.splice(0, foreign.length, '@tensorflow/*');
	if (foreign.length)
		patterns.push({
			group: layer === 'io' ? [...foreign, '!d3-dsv'] : foreign,
			message: `src/lib/${layer} does not use ${foreign.join(', ')}.`
		});
	// Rune modules (x.svelte.ts) are imported as './x.svelte' too, so state may import those.
	if (!['state', 'components', 'routes'].includes(layer))
		patterns.push({
			group: ['*.svelte'],
			message: `src/lib/${layer} renders no Svelte component.`
		});
	return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

/** Globals of the page that the layers below the UI never touch (workers and Node run them). */
const DOM_GLOBALS = [
	'window',
	'document',
	'localStorage',
	'sessionStorage',
	'requestAnimationFrame',
	'HTMLElement',
	'HTMLCanvasElement'
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	// The fence: one block per layer (see LAYERS above).
	...Object.keys(LAYERS).map((layer) => ({
		files: [
			layer === 'routes' ? 'src/routes/**/*.{ts,js,svelte}' : `src/lib/${layer}/**/*.{ts,js,svelte}`
		],
		rules: fenceOf(layer)
	})),
	{
		// Math and file formats: no DOM and no randomness outside the seeded RNG.
		files: ['src/lib/math/**/*.ts', 'src/lib/io/**/*.ts'],
		languageOptions: { globals: { ...globals.es2021 } },
		rules: {
			'no-restricted-globals': ['error', ...DOM_GLOBALS, 'navigator', 'self'],
			'no-restricted-properties': [
				'error',
				{
					object: 'Math',
					property: 'random',
					message: 'Use the seeded RNG in src/lib/math/rng.ts.'
				}
			]
		}
	},
	{
		// Model: runs in workers and Node; never the page's DOM, stores or views.
		files: ['src/lib/model/**/*.ts'],
		rules: {
			'no-restricted-globals': ['error', ...DOM_GLOBALS],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded RNG.' }
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tests/e2e/artifacts/'
		]
	}
);
