/**
 * `npm run lessons:runs`: the numbers the lessons quote from their own live widgets, measured
 * with the explorer's trainer on tfjs's wasm backend in Node. Each run names a lesson and one
 * of its `<Widget …/>` tags, attribute for attribute (the script fails when the lesson no
 * longer has that widget), turns the attributes into trainer options exactly as a widget does
 * (`widgetConfig` in src/lib/state/widget.ts), trains them on the widget's seed and the next
 * ones, and prints every quoted quantity at the quoted step: one value per seed, then the mean
 * and the range. Some runs change a setting mid-way, as a lesson's "try this" asks the reader
 * to (the hypersphere lesson drags m from 1 to 4; after-sphereface drags ArcFace's m to 1.0).
 *
 * Angles and norms are over every point of the seen classes (train and test), as the
 * statistics widget computes them, but over all pairs (the widget samples pairs past 150,000).
 * A markdown table per run to stdout; --json adds one JSON line. The same options give the
 * same numbers. Options: --seeds N (default 3), --only SLUG (one lesson's runs).
 *
 * About 2¼ minutes of CPU (the two digits runs take half of it). Numbers these runs do not
 * cover come from `npm run digits:losses` (every loss on the digits, seed 1), `npm run
 * experiment:mining` (pairs and triplets) and `npm run experiment` (the identity sweep).
 */
import { noticeBrief } from '../../src/lib/math/notice';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { parseDigits } from '../../src/lib/io/digits';
import { isWidgetView, widgetConfig } from '../../src/lib/state/widget';
import { SPLIT } from '../../src/lib/math/split';
import { angleStats } from '../../src/lib/math/stats';
import { regionOf } from '../../src/lib/math/circle';
import { toDegrees } from '../../src/lib/math/vec';
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { TrainerOptions } from '../../src/lib/math/settingTypes';
import type { Dataset } from '../../src/lib/math/datasets';
import type { HeadKind } from '../../src/lib/math/psi';

/** What can be read off a trained widget. */
type Metric =
	| 'trainAcc'
	| 'testAcc'
	| 'loss'
	| 'maxIntra'
	| 'minInter'
	| 'medianNorm'
	| 'maxOverMedianNorm'
	| 'maxAbsBias'
	| 'minWeightGap'
	| 'maxWeightGap'
	| 'inWedge'
	| 'medianOwnAngle'
	| 'heldMinToSeen'
	| 'heldMaxSpread'
	| 'heldGap';

const UNITS: Record<Metric, '%' | '°' | ''> = {
	trainAcc: '%',
	testAcc: '%',
	loss: '',
	maxIntra: '°',
	minInter: '°',
	medianNorm: '',
	maxOverMedianNorm: '',
	maxAbsBias: '',
	minWeightGap: '°',
	maxWeightGap: '°',
	inWedge: '%',
	medianOwnAngle: '°',
	heldMinToSeen: '°',
	heldMaxSpread: '°',
	heldGap: '°'
};

const DESCRIPTIONS: Record<Metric, string> = {
	trainAcc: 'training accuracy',
	testAcc: 'test accuracy',
	loss: 'loss of the last batch',
	maxIntra: 'largest same-class angle',
	minInter: 'smallest different-class angle',
	medianNorm: 'median feature norm ‖x‖',
	maxOverMedianNorm: 'largest norm / median norm',
	maxAbsBias: 'largest bias magnitude',
	minWeightGap: 'smallest angle between neighbouring weights',
	maxWeightGap: 'largest angle between neighbouring weights',
	inWedge: 'share of points inside a margin wedge (no class owns them)',
	medianOwnAngle: "median angle of a test feature to its class's weight (petal width)",
	heldMinToSeen: 'smallest angle between a held-out point and a seen point',
	heldMaxSpread: 'largest angle between two held-out points',
	heldGap:
		'largest same-class angle minus the smallest held-out-to-seen angle (> 0: the criterion fails with the unseen class)'
};

/** One quoted quantity: the metric at a step, and the sentence of the lesson it backs. */
interface Quote {
	at: number;
	metric: Metric;
	quote: string;
}

/** One widget of one lesson, trained on its seed and the next ones. */
interface Run {
	lesson: string;
	/** The widget's attributes as the lesson writes them, without controls, caption, autoplay. */
	widget: string;
	/** Other widgets of the lesson that train with the same options (checked), quoted too. */
	also?: string[];
	/** Settings changed before training past a step (what a "try this" asks the reader to do). */
	changes?: { at: number; set: Record<string, unknown>; say: string }[];
	quotes: Quote[];
}

const RUNS: Run[] = [
	{
		lesson: 'softmax',
		widget: 'view="stats" loss="softmax" classes="5" noise="0.6" seed="4"',
		also: ['view="circle" loss="softmax" classes="5" noise="0.6" seed="4"'],
		quotes: [
			{ at: 100, metric: 'trainAcc', quote: 'the training accuracy is 100% by step 100' },
			{ at: 300, metric: 'trainAcc', quote: 'the training accuracy is 100% by step 100' },
			{ at: 300, metric: 'medianNorm', quote: 'the median norm grows from step 300…' },
			{ at: 3000, metric: 'medianNorm', quote: '…to step 3,000' },
			{ at: 3000, metric: 'minInter', quote: 'the smallest inter-class angle at step 3,000' },
			{ at: 3000, metric: 'maxIntra', quote: 'the largest intra-class angle at step 3,000' },
			{
				at: 3000,
				metric: 'maxAbsBias',
				quote: 'the circle widget: the largest bias against the median length'
			}
		]
	},
	{
		lesson: 'recognition',
		widget: 'view="stats" loss="softmax" classes="6" noise="0.6" seed="3"',
		quotes: [
			{ at: 300, metric: 'trainAcc', quote: 'the training accuracy is 100% by step 300' },
			{ at: 1500, metric: 'trainAcc', quote: 'the training accuracy is 100% by step 300' },
			{ at: 1500, metric: 'maxIntra', quote: 'the largest same-class angle' },
			{ at: 1500, metric: 'minInter', quote: 'the smallest different-class angle' }
		]
	},
	{
		lesson: 'modified-softmax',
		widget: 'view="stats" loss="modified" classes="6" noise="0.6" seed="3"',
		quotes: [
			{ at: 1500, metric: 'maxIntra', quote: 'modified softmax: largest intra-class angle' },
			{ at: 1500, metric: 'minInter', quote: 'modified softmax: smallest inter-class angle' }
		]
	},
	{
		lesson: 'modified-softmax',
		widget: 'view="stats" loss="asoftmax" m="4" classes="6" noise="0.6" seed="3"',
		quotes: [
			{ at: 1500, metric: 'maxIntra', quote: 'A-Softmax m = 4: largest intra-class angle' },
			{ at: 1500, metric: 'minInter', quote: 'A-Softmax m = 4: smallest inter-class angle' }
		]
	},
	{
		lesson: 'a-softmax',
		widget: 'view="circle" loss="asoftmax" m="4" classes="6" noise="0.4" seed="3"',
		quotes: [
			{ at: 1500, metric: 'trainAcc', quote: 'the toy blobs also train with λ off' },
			{ at: 1500, metric: 'testAcc', quote: 'the toy blobs also train with λ off' }
		]
	},
	{
		lesson: 'a-softmax',
		widget: 'view="circle" data="digits" loss="asoftmax" m="4" lambda="fixed" lfixed="1"',
		changes: [{ at: 0, set: { m: 1 }, say: 'm set to 1 before training (the try-this task)' }],
		quotes: [
			{ at: 1500, metric: 'medianOwnAngle', quote: 'm = 1: the petals are already thin' },
			{ at: 1500, metric: 'testAcc', quote: 'm = 1: test accuracy' }
		]
	},
	{
		lesson: 'a-softmax',
		widget: 'view="circle" data="digits" loss="asoftmax" m="4" lambda="fixed" lfixed="1"',
		quotes: [
			{ at: 1500, metric: 'medianOwnAngle', quote: 'm = 4: the petals narrow further' },
			{ at: 1500, metric: 'testAcc', quote: 'm = 4: test accuracy' }
		]
	},
	{
		lesson: 'hypersphere',
		widget: 'view="stats" loss="asoftmax" m="1" dim="3" classes="6" noise="0.4" seed="5"',
		changes: [{ at: 1000, set: { m: 4 }, say: 'm dragged from 1 to 4 at step 1,000' }],
		quotes: [
			{ at: 0, metric: 'medianNorm', quote: 'the norms climb steeply in the first 100 steps' },
			{
				at: 100,
				metric: 'medianNorm',
				quote: 'the norms climb steeply in the first 100 steps'
			},
			{
				at: 1000,
				metric: 'medianNorm',
				quote: 'the norms climb steeply in the first 100 steps'
			},
			{
				at: 1000,
				metric: 'maxOverMedianNorm',
				quote: 'the largest norm against the median'
			},
			{ at: 1000, metric: 'maxIntra', quote: 'm = 1: the criterion fails' },
			{ at: 1000, metric: 'minInter', quote: 'm = 1: the criterion fails' },
			{ at: 1300, metric: 'maxIntra', quote: 'm = 4, 300 steps later: both markers move' },
			{ at: 1300, metric: 'minInter', quote: 'm = 4, 300 steps later: both markers move' },
			{ at: 2000, metric: 'maxIntra', quote: 'm = 4, 1,000 steps later' },
			{ at: 2000, metric: 'minInter', quote: 'm = 4, 1,000 steps later' },
			{
				at: 2000,
				metric: 'maxOverMedianNorm',
				quote: 'the largest norm against the median'
			}
		]
	},
	{
		lesson: 'hypersphere',
		widget: 'view="sphere" loss="asoftmax" m="4" dim="3" classes="6" noise="0.4" seed="5" held="5"',
		quotes: [
			{ at: 1500, metric: 'heldMaxSpread', quote: 'the unseen class spreads over tens of degrees' },
			{ at: 1500, metric: 'heldMinToSeen', quote: 'a grey point close to a seen point' },
			{ at: 1500, metric: 'maxIntra', quote: 'the largest angle inside a seen class' },
			{ at: 1500, metric: 'heldGap', quote: 'the criterion would fail if the unseen class counted' }
		]
	},
	{
		lesson: 'after-sphereface',
		widget: 'view="circle" loss="cosface" m="0.35" classes="6" noise="0.4" seed="3"',
		quotes: [
			{ at: 1500, metric: 'minWeightGap', quote: 'six weights about 60° apart' },
			{ at: 1500, metric: 'maxWeightGap', quote: 'six weights about 60° apart' }
		]
	},
	{
		lesson: 'after-sphereface',
		widget: 'view="circle" loss="arcface" m="0.5" classes="6" noise="0.4" seed="3"',
		changes: [{ at: 1500, set: { m: 1 }, say: "ArcFace's m dragged to 1.0 at step 1,500" }],
		quotes: [
			{ at: 1500, metric: 'minWeightGap', quote: 'six weights about 60° apart' },
			{ at: 1500, metric: 'maxWeightGap', quote: 'six weights about 60° apart' },
			{ at: 1500, metric: 'loss', quote: 'm = 0.5: the loss before the jump' },
			{ at: 1500, metric: 'inWedge', quote: 'm = 0.5: points inside a wedge' },
			{ at: 1510, metric: 'loss', quote: 'm = 1.0: the loss jumps' },
			{ at: 2000, metric: 'loss', quote: 'm = 1.0: and stays high' },
			{ at: 2000, metric: 'inWedge', quote: 'm = 1.0: some points remain stuck in the wedges' }
		]
	}
];

/** The widget tags of a lesson: their attributes, in order. */
function lessonWidgets(slug: string): [string, string][][] {
	const text = readFileSync(`lessons/en/${slug}.md`, 'utf8');
	return [...text.matchAll(/<Widget\b([\s\S]*?)\/>/g)].map((m) =>
		[...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]] as [string, string])
	);
}

const OWN_KEYS = new Set(['controls', 'caption', 'autoplay', 'curves', 'table', 'sweep']);
const settingsOf = (attrs: [string, string][]) =>
	attrs
		.filter(([k]) => !OWN_KEYS.has(k))
		.map(([k, v]) => `${k}="${v}"`)
		.join(' ');

/** The trainer options of one widget tag of a lesson; throws when the lesson no longer has it. */
function optionsOf(lesson: string, widget: string): TrainerOptions {
	const attrs = [...widget.matchAll(/([\w-]+)="([^"]*)"/g)].map(
		(a) => [a[1], a[2]] as [string, string]
	);
	const found = lessonWidgets(lesson).some((w) => settingsOf(w) === settingsOf(attrs));
	if (!found) throw new Error(`lessons/en/${lesson}.md has no <Widget ${widget} />`);
	const view = attrs.find(([k]) => k === 'view')?.[1];
	if (!isWidgetView(view)) throw new Error(`${widget}: no view`);
	const config = widgetConfig(
		view,
		attrs.filter(([k]) => k !== 'view')
	);
	if (config.notices.length)
		throw new Error(`${widget}: ${config.notices.map(noticeBrief).join('; ')}`);
	return config.settings.options;
}

/** The trainer options of a run's widget, and of the widgets it stands for (which must match). */
function widgetOptions(run: Run): TrainerOptions {
	const options = optionsOf(run.lesson, run.widget);
	for (const other of run.also ?? []) {
		if (JSON.stringify(optionsOf(run.lesson, other)) !== JSON.stringify(options))
			throw new Error(`<Widget ${other} /> no longer trains like <Widget ${run.widget} />`);
	}
	return options;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
};

/** Rows of the features [n·dim] whose split is one of `splits`, with their labels. */
function rows(s: Snapshot, d: Dataset, keep: (split: number) => boolean) {
	const dim = s.featureDim;
	const f: number[] = [];
	const labels: number[] = [];
	for (let i = 0; i < d.labels.length; i++) {
		if (!keep(d.split[i])) continue;
		for (let j = 0; j < dim; j++) f.push(s.features[i * dim + j]);
		labels.push(d.labels[i]);
	}
	return { f, labels, n: labels.length, dim };
}

const vec = (a: ArrayLike<number>, i: number, dim: number) =>
	Array.from({ length: dim }, (_, j) => a[i * dim + j]);
const norm = (v: number[]) => Math.hypot(...v);
const angle = (a: number[], b: number[]) => {
	const c = a.reduce((acc, v, j) => acc + v * b[j], 0) / (norm(a) * norm(b));
	return toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
};

/** One metric of the trainer's current state. */
function measure(metric: Metric, t: Trainer, s: Snapshot): number {
	const d = t.data;
	const seen = rows(s, d, (sp) => sp !== SPLIT.heldOut);
	const o = t.options;
	switch (metric) {
		case 'trainAcc':
			return 100 * (s.trainAccuracy ?? NaN);
		case 'testAcc':
			return 100 * (s.testAccuracy ?? NaN);
		case 'loss':
			return s.loss ?? NaN;
		case 'maxIntra':
		case 'minInter': {
			const a = angleStats(seen.f, seen.dim, seen.labels);
			return toDegrees((metric === 'maxIntra' ? a.maxIntra : a.minInter) ?? NaN);
		}
		case 'medianNorm':
		case 'maxOverMedianNorm': {
			const norms = Array.from({ length: seen.n }, (_, i) => norm(vec(seen.f, i, seen.dim)));
			const med = median(norms);
			return metric === 'medianNorm' ? med : Math.max(...norms) / med;
		}
		case 'maxAbsBias':
			return s.bias ? Math.max(...Array.from(s.bias, Math.abs)) : NaN;
		case 'minWeightGap':
		case 'maxWeightGap': {
			if (s.featureDim !== 2) return NaN;
			const dirs = Array.from({ length: s.numClasses }, (_, k) =>
				Math.atan2(s.weights[2 * k + 1], s.weights[2 * k])
			).sort((a, b) => a - b);
			const gaps = dirs.map((v, k) =>
				toDegrees(k === 0 ? v + 2 * Math.PI - dirs[dirs.length - 1] : v - dirs[k - 1])
			);
			return metric === 'minWeightGap' ? Math.min(...gaps) : Math.max(...gaps);
		}
		case 'inWedge': {
			const weights = Array.from({ length: s.numClasses }, (_, k) =>
				vec(s.weights, k, s.featureDim)
			);
			const kind = o.loss as HeadKind;
			let inside = 0;
			for (let i = 0; i < seen.n; i++)
				if (regionOf(vec(seen.f, i, seen.dim), weights, kind, { m: o.m, lambda: s.lambda }) < 0)
					inside++;
			return (100 * inside) / seen.n;
		}
		case 'medianOwnAngle': {
			const test = rows(s, d, (sp) => sp === SPLIT.test);
			const angles = Array.from({ length: test.n }, (_, i) => {
				const k = s.weightClasses.indexOf(test.labels[i]);
				return angle(vec(test.f, i, test.dim), vec(s.weights, k, s.featureDim));
			});
			return median(angles);
		}
		case 'heldMinToSeen':
		case 'heldMaxSpread':
		case 'heldGap': {
			const held = rows(s, d, (sp) => sp === SPLIT.heldOut);
			const h = Array.from({ length: held.n }, (_, i) => vec(held.f, i, held.dim));
			if (metric === 'heldMaxSpread') {
				let max = 0;
				for (let i = 0; i < h.length; i++)
					for (let j = i + 1; j < h.length; j++) max = Math.max(max, angle(h[i], h[j]));
				return max;
			}
			let min = Infinity;
			for (const p of h)
				for (let i = 0; i < seen.n; i++) min = Math.min(min, angle(p, vec(seen.f, i, seen.dim)));
			if (metric === 'heldMinToSeen') return min;
			return toDegrees(angleStats(seen.f, seen.dim, seen.labels).maxIntra ?? NaN) - min;
		}
	}
}

/** Two decimals for the small numbers and the held-out gap (a near tie), one for the rest. */
const TWO_DECIMALS = new Set<Metric>(['loss', 'maxAbsBias', 'maxOverMedianNorm', 'heldGap']);
const format = (v: number, metric: Metric) =>
	!Number.isFinite(v)
		? '–'
		: `${v.toFixed(TWO_DECIMALS.has(metric) ? 2 : 1)}${UNITS[metric] === '%' ? ' %' : UNITS[metric]}`;

export async function main(): Promise<number> {
	const { values } = parseArgs({
		args: process.argv.slice(2),
		options: {
			seeds: { type: 'string', default: '3' },
			only: { type: 'string' },
			json: { type: 'boolean', default: false }
		}
	});
	const seeds = Math.max(1, Math.min(10, Math.floor(Number(values.seeds)) || 3));
	await tf.setBackend('wasm');
	await tf.ready();
	const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
	if (!parsed.ok) throw new Error(noticeBrief(parsed.error));
	const sources = { digits: parsed.digits };
	const results: unknown[] = [];
	const runs = RUNS.filter((r) => values.only === undefined || r.lesson === values.only);
	for (const run of runs) {
		const base = widgetOptions(run);
		const seedList = Array.from({ length: seeds }, (_, k) => base.seed + k);
		// values[quote index][seed index]
		const table = run.quotes.map(() => [] as number[]);
		const steps = [...new Set(run.quotes.map((q) => q.at))].sort((a, b) => a - b);
		const start = performance.now();
		for (const seed of seedList) {
			const t = new Trainer({ ...base, seed, data: { ...base.data, seed } }, { sources });
			if (t.notices.length) throw new RangeError(t.notices.map(noticeBrief).join('; '));
			const pending = [...(run.changes ?? [])];
			for (const at of steps) {
				while (t.steps < at) {
					while (pending.length && pending[0].at <= t.steps) t.setOptions(pending.shift()!.set);
					const next = Math.min(at, pending[0]?.at ?? Infinity);
					const report = t.step(next - t.steps);
					if (report.diverged) throw new Error(`${run.widget}, seed ${seed}: diverged`);
				}
				const s = t.snapshot();
				run.quotes.forEach((q, k) => {
					if (q.at === at) table[k].push(measure(q.metric, t, s));
				});
			}
			t.dispose();
		}
		const sec = ((performance.now() - start) / 1000).toFixed(0);
		console.log(`\n### ${run.lesson}: <Widget ${run.widget} />`);
		for (const other of run.also ?? []) console.log(`(the same options as <Widget ${other} />)`);
		for (const c of run.changes ?? []) console.log(`(${c.say})`);
		console.log(
			`\n| step | quantity (the lesson's sentence) | ${seedList.map((s) => `seed ${s}`).join(' | ')} | mean [min–max] |`
		);
		console.log(`|${' --- |'.repeat(seedList.length + 3)}`);
		run.quotes.forEach((q, k) => {
			const v = table[k];
			const mean = v.reduce((a, x) => a + x, 0) / v.length;
			const range = `${format(mean, q.metric)} [${format(Math.min(...v), q.metric)}–${format(Math.max(...v), q.metric)}]`;
			console.log(
				`| ${q.at} | ${DESCRIPTIONS[q.metric]} (“${q.quote}”) | ${v.map((x) => format(x, q.metric)).join(' | ')} | ${range} |`
			);
		});
		console.error(`${run.lesson}: ${run.widget}: ${sec} s`);
		results.push({
			lesson: run.lesson,
			widget: run.widget,
			seeds: seedList,
			quotes: run.quotes,
			values: table
		});
	}
	if (values.json) console.log(JSON.stringify(results));
	return 0;
}
