import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Modules each layer may not import (see the layer table in README.md). */
const uiAndRuntimes = [
	{ group: ['@tensorflow/*'], message: 'src/lib/math is pure TypeScript: no tfjs.' },
	{ group: ['three', 'three/*'], message: 'src/lib/math is pure TypeScript: no three.' },
	{ group: ['d3', 'd3-*'], message: 'src/lib/math is pure TypeScript: no d3.' },
	{
		group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
		message: 'src/lib/math is pure TypeScript: no Svelte.'
	},
	{
		group: [
			'$lib/model/*',
			'$lib/viz/*',
			'$lib/state/*',
			'$lib/components/*',
			'../model/*',
			'../viz/*',
			'../state/*',
			'../components/*'
		],
		message: 'src/lib/math may only import itself.'
	}
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
	{
		// Math core: no DOM, no runtimes, no randomness outside the seeded RNG.
		files: ['src/lib/math/**/*.ts'],
		languageOptions: { globals: { ...globals.es2021 } },
		rules: {
			'no-restricted-imports': ['error', { patterns: uiAndRuntimes }],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'navigator',
				'self',
				'requestAnimationFrame'
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded RNG in rng.ts.' }
			]
		}
	},
	{
		// Model: tfjs + math only; never the DOM, stores or views.
		files: ['src/lib/model/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['three', 'three/*', 'd3', 'd3-*'],
							message: 'src/lib/model renders nothing.'
						},
						{
							group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
							message: 'src/lib/model never touches Svelte.'
						},
						{
							group: [
								'$lib/viz/*',
								'$lib/state/*',
								'$lib/components/*',
								'../viz/*',
								'../state/*',
								'../components/*'
							],
							message: 'src/lib/model may import only math.'
						}
					]
				}
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded RNG.' }
			]
		}
	},
	{
		// Views: d3/three + math; never tfjs (tensors never reach a view).
		files: ['src/lib/viz/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							// Views read snapshots (plain data types) but never the runtime.
							group: [
								'@tensorflow/*',
								'$lib/model/*',
								'../model/*',
								'!$lib/model/snapshot',
								'!$lib/model/protocol',
								'!../model/snapshot',
								'!../model/protocol'
							],
							message: 'src/lib/viz never imports tfjs or the model; it reads snapshots.'
						},
						{
							group: ['$lib/state/*', '$lib/components/*', '../state/*', '../components/*'],
							message: 'src/lib/viz sits below state and components.'
						}
					]
				}
			]
		}
	},
	{
		// File formats (src/lib/io): pure functions over strings and bytes; math and d3-dsv only.
		files: ['src/lib/io/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['@tensorflow/*', 'three', 'three/*', 'd3', 'd3-*', '!d3-dsv'],
							message: 'src/lib/io may import only src/lib/math and d3-dsv.'
						},
						{
							group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
							message: 'src/lib/io never touches Svelte.'
						},
						{
							group: [
								'$lib/model/*',
								'$lib/viz/*',
								'$lib/state/*',
								'$lib/components/*',
								'$lib/i18n/*',
								'../model/*',
								'../viz/*',
								'../state/*',
								'../components/*',
								'../i18n/*'
							],
							message: 'src/lib/io may import only src/lib/math and d3-dsv.'
						}
					]
				}
			],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'navigator',
				'self',
				'requestAnimationFrame'
			],
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
