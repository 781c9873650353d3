/**
 * Identification (which identity?) on a gallery/probe split, scored by cosine similarity
 * alone: rank-1 accuracy of nearest-neighbour matching against the enrolled gallery.
 */
import { cosine, selectRows, unitRows } from './cosineRows';
import { intOption } from './roc';
import { createRng } from './rng';
import { rowCount, type FeatureRows, type LabelArray } from './stats';

/** Options of `rank1`. */
export interface Rank1Options {
	/** Gallery samples per identity (default 1, the standard protocol); the rest are probes. */
	galleryPerClass?: number;
	/** Without a seed the first rows of each class form the gallery; with one, a seeded choice. */
	seed?: number;
	/** Rows to use (default all). */
	indices?: ArrayLike<number>;
}

/** Rank-1 identification on a gallery/probe split. */
export interface Rank1Result {
	/** Fraction of probes whose most similar gallery entry has their label; null without probes. */
	rank1: number | null;
	correct: number;
	probes: number;
	gallery: number;
}

/** Positions (into the selected rows) of the enrolled gallery and of the probes. */
export interface GallerySplit {
	/** Gallery positions, lowest row first. */
	gallery: number[];
	probes: number[];
}

/**
 * The enrolment of `rank1`: per class (in increasing label order), the first `perClass`
 * members in row order, or of a seeded shuffle of them when `seed` is given, form the
 * gallery; the rest are probes. `lab[k]` is the label of `rows[k]`. The identification view
 * enrols with this too, so the gallery it searches is the one the rank-1 figures use.
 */
export function gallerySplit(
	lab: ArrayLike<number>,
	rows: ArrayLike<number>,
	perClass = 1,
	seed?: number
): GallerySplit {
	const byClass = new Map<number, number[]>();
	for (let k = 0; k < lab.length; k++) {
		const members = byClass.get(lab[k]);
		if (members) members.push(k);
		else byClass.set(lab[k], [k]);
	}
	const rng = seed === undefined ? null : createRng(seed);
	const gallery: number[] = [];
	const probes: number[] = [];
	// Classes in increasing label order, so the seeded choice does not depend on row order.
	for (const c of [...byClass.keys()].sort((x, y) => x - y)) {
		const members = byClass.get(c) ?? [];
		const order = rng ? rng.shuffle([...members]) : members;
		gallery.push(...order.slice(0, perClass));
		probes.push(...order.slice(perClass));
	}
	// Lowest row first: a strict > in rank1 then keeps the lowest row among equal cosines.
	gallery.sort((x, y) => rows[x] - rows[y]);
	return { gallery, probes };
}

/**
 * Rank-1 identification, the standard closed-universe protocol on unseen identities: per
 * class, `galleryPerClass` (default 1) samples are enrolled as the gallery and the rest are
 * probes; each probe takes the label of its most cosine-similar gallery SAMPLE (nearest
 * neighbour, not a class-mean template), ties going to the lowest row index. Gallery rows are
 * the first rows of each class, or a seeded choice when `seed` is given. A class with no more
 * than galleryPerClass samples is enrolled whole and has no probe (it remains a distractor).
 */
export function rank1(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	opts: Rank1Options = {}
): Rank1Result {
	const rows = selectRows(rowCount(features, dim, labels), opts.indices);
	const perClass = intOption(opts.galleryPerClass, 1, 1, Number.MAX_SAFE_INTEGER);
	const { units } = unitRows(features, dim, rows);
	const lab = Float64Array.from(rows, (r) => labels[r]); // [m]
	const { gallery, probes } = gallerySplit(lab, rows, perClass, opts.seed);
	let correct = 0;
	for (const p of probes) {
		let best = -Infinity;
		let match = -1;
		for (const q of gallery) {
			const cos = cosine(units, dim, p, q);
			if (cos > best) {
				best = cos;
				match = q;
			}
		}
		if (lab[match] === lab[p]) correct++;
	}
	return {
		rank1: probes.length > 0 ? correct / probes.length : null,
		correct,
		probes: probes.length,
		gallery: gallery.length
	};
}
