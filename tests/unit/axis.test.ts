/**
 * The shared chart axis, rendered on the server (svelte/server, no DOM): where each
 * orientation puts its gridlines, axis line, tick marks, tick labels and title.
 */
import { describe, expect, test } from 'vitest';
import { render } from 'svelte/server';
import Axis from '../../src/lib/components/chart/Axis.svelte';
import { chartFrame } from '../../src/lib/viz/chart/frame';

/** Plot area x 10…300, y 10…100. */
const frame = chartFrame(310, 110, { top: 10, right: 10, bottom: 10, left: 10 });

const ticks = [
	{ value: 0, pos: 100, label: '0' },
	{ value: 1, pos: 50, label: '1' }
];

/** The rendered elements as [tag, attributes (and text)], in document order. */
function elements(props: Record<string, unknown>): [string, Record<string, string>][] {
	const body = render(Axis, { props: { frame, ticks, ...props } as never }).body;
	const out: [string, Record<string, string>][] = [];
	for (const m of body.matchAll(/<(line|text)([^>]*)>([^<]*)/g)) {
		const attrs: Record<string, string> = {};
		for (const a of m[2].matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
		if (m[1] === 'text') attrs.text = m[3];
		delete attrs.class;
		out.push([m[1], attrs]);
	}
	return out;
}
const line = (x1: number, y1: number, x2: number, y2: number, style = 'stroke: var(--muted);') => [
	'line',
	{ x1: `${x1}`, y1: `${y1}`, x2: `${x2}`, y2: `${y2}`, ...(style ? { style } : {}) }
];
const text = (x: number, y: number, anchor: string, t: string, style = 'fill: var(--ink);') => [
	'text',
	{ x: `${x}`, y: `${y}`, 'text-anchor': anchor, style, text: t }
];

describe('Axis', () => {
	test.each([
		[
			'left: labels only, 8 px out',
			{ orientation: 'left' },
			[text(2, 100, 'end', '0'), text(2, 50, 'end', '1')]
		],
		[
			'right: labels to the right, in their own colour',
			{ orientation: 'right', color: '#d55e00', offset: 6 },
			[
				text(306, 100, 'start', '0', 'fill: #d55e00;'),
				text(306, 50, 'start', '1', 'fill: #d55e00;')
			]
		],
		[
			'bottom: tick positions run along x, labels a row below',
			{ orientation: 'bottom' },
			[text(100, 116, 'middle', '0'), text(50, 116, 'middle', '1')]
		],
		[
			'left with gridlines across, the axis line and tick marks',
			{ orientation: 'left', grid: true, line: true, tickSize: 4 },
			[
				line(10, 100, 300, 100, ''),
				line(10, 50, 300, 50, ''),
				line(10, 100, 10, 10),
				line(10, 100, 6, 100),
				text(2, 100, 'end', '0'),
				line(10, 50, 6, 50),
				text(2, 50, 'end', '1')
			]
		],
		[
			'bottom with vertical gridlines, tick marks going down in the line colour',
			{ orientation: 'bottom', grid: true, tickSize: 5, offset: 18, lineColor: 'var(--ink)' },
			[
				line(100, 100, 100, 10, ''),
				line(50, 100, 50, 10, ''),
				line(100, 100, 100, 105, 'stroke: var(--ink);'),
				text(100, 118, 'middle', '0'),
				line(50, 100, 50, 105, 'stroke: var(--ink);'),
				text(50, 118, 'middle', '1')
			]
		],
		[
			'strongZero: the gridline at 0 in the line colour',
			{ orientation: 'left', grid: true, strongZero: true, ticks: [ticks[0]] },
			[line(10, 100, 300, 100), text(2, 100, 'end', '0')]
		]
	])('%s', (_, props, want) => {
		expect(elements(props)).toEqual(want);
	});

	test.each([
		['bottom, middle', { orientation: 'bottom' }, 'translate(155 136)', 'middle'],
		[
			'bottom, end',
			{ orientation: 'bottom', labelAt: 'end', labelOffset: 18 },
			'translate(308 118)',
			'start'
		],
		[
			'left, rotated',
			{ orientation: 'left', labelOffset: 60 },
			'translate(-50 55) rotate(-90)',
			'middle'
		],
		['right, rotated', { orientation: 'right' }, 'translate(336 55) rotate(90)', 'middle']
	])('title: %s', (_, props, transform, anchor) => {
		const title = elements({ ...props, ticks: [], label: 'step', labelColor: 'var(--muted)' });
		expect(title).toEqual([
			['text', { transform, 'text-anchor': anchor, style: 'fill: var(--muted);', text: 'step' }]
		]);
	});

	test('ticks with the same value are all drawn (keys are positions, not values)', () => {
		const twice = [ticks[0], { ...ticks[0], pos: 70 }];
		expect(elements({ orientation: 'left', ticks: twice })).toEqual([
			text(2, 100, 'end', '0'),
			text(2, 70, 'end', '0')
		]);
	});

	test('no ticks and no title draw nothing but what is asked for', () => {
		expect(elements({ orientation: 'bottom', ticks: [] })).toEqual([]);
		expect(elements({ orientation: 'bottom', ticks: [], line: true })).toEqual([
			line(10, 100, 300, 100)
		]);
	});
});
