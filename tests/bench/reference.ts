/**
 * The benchmark's yardstick: the same model (MLP with ReLU, linear feature layer, A-Softmax
 * head with Chebyshev ψ and λ mix, or softmax), the same true gradients and the same Adam,
 * written by hand over Float32Arrays. It measures what this CPU can do with no framework
 * overhead. Its gradients are checked against tfjs before any timing.
 */
import type { Layout } from '../../src/lib/model/network';

export interface ReferenceHead {
	kind: 'softmax' | 'asoftmax';
	m: number;
	lambda: number;
}

/** T_m(c) and its derivative T_m'(c), by the recurrences. */
function chebyshev(m: number, c: number): [number, number] {
	let t0 = 1;
	let t1 = c;
	let d0 = 0;
	let d1 = 1;
	for (let k = 1; k < m; k++) {
		const t2 = 2 * c * t1 - t0;
		const d2 = 2 * t1 + 2 * c * d1 - d0;
		t0 = t1;
		t1 = t2;
		d0 = d1;
		d1 = d2;
	}
	return m === 0 ? [1, 0] : [t1, d1];
}

/** A hand-written trainer over one flat parameter vector with the trainer's layout. */
export class ReferenceTrainer {
	readonly params: Float32Array;
	readonly grad: Float32Array;
	private readonly m1: Float32Array;
	private readonly v1: Float32Array;
	private t = 0;
	private readonly acts: Float32Array[];
	private readonly deltas: Float32Array[];
	private readonly sizes: number[];

	constructor(
		private readonly layout: Layout,
		init: Float32Array,
		private readonly batchSize: number
	) {
		this.params = init.slice();
		this.grad = new Float32Array(layout.size);
		this.m1 = new Float32Array(layout.size);
		this.v1 = new Float32Array(layout.size);
		this.sizes = [layout.inputDim, ...layout.layers.map((l) => l.weight.cols)];
		this.acts = this.sizes.map((s) => new Float32Array(batchSize * s));
		this.deltas = this.sizes.map((s) => new Float32Array(batchSize * s));
	}

	/** Forward + backward of the mean loss over a batch; fills `grad`, returns the loss. */
	lossAndGrad(x: Float32Array, y: Int32Array, n: number, head: ReferenceHead): number {
		const { layout, params: p, grad: g, acts, deltas, sizes } = this;
		g.fill(0);
		acts[0].set(x.subarray(0, n * sizes[0]));
		// Forward through the MLP: ReLU on hidden layers, linear feature layer.
		layout.layers.forEach(({ weight, bias }, li) => {
			const inN = sizes[li];
			const outN = sizes[li + 1];
			const a = acts[li];
			const z = acts[li + 1];
			const last = li === layout.layers.length - 1;
			for (let i = 0; i < n; i++) {
				for (let o = 0; o < outN; o++) {
					let s = p[bias.offset + o];
					for (let k = 0; k < inN; k++) s += a[i * inN + k] * p[weight.offset + k * outN + o];
					z[i * outN + o] = last || s > 0 ? s : 0;
				}
			}
		});
		const D = layout.featureDim;
		const C = layout.numClasses;
		const f = acts[acts.length - 1];
		const df = deltas[deltas.length - 1];
		const W = layout.classWeights.offset;
		const Bc = layout.classBias.offset;
		const norms = new Float64Array(C);
		for (let j = 0; j < C; j++) {
			let s = 0;
			for (let d = 0; d < D; d++) s += p[W + j * D + d] ** 2;
			norms[j] = Math.sqrt(s + 1e-30);
		}
		const dWhat = new Float64Array(C * D);
		const logits = new Float64Array(C);
		let total = 0;
		for (let i = 0; i < n; i++) {
			const fi = i * D;
			const yi = y[i];
			let r2 = 0;
			for (let d = 0; d < D; d++) r2 += f[fi + d] ** 2;
			const r = Math.sqrt(r2 + 1e-30);
			let cy = 0;
			let gy = 0;
			let gPrime = 0;
			for (let j = 0; j < C; j++) {
				let dot = 0;
				for (let d = 0; d < D; d++)
					dot +=
						f[fi + d] * (head.kind === 'softmax' ? p[W + j * D + d] : p[W + j * D + d] / norms[j]);
				logits[j] = head.kind === 'softmax' ? dot + p[Bc + j] : dot;
				if (j === yi && head.kind === 'asoftmax') {
					cy = Math.max(-1, Math.min(1, dot / r));
					const theta = Math.acos(cy);
					const k = Math.min(Math.floor((head.m * theta) / Math.PI), head.m - 1);
					const sign = k % 2 === 0 ? 1 : -1;
					const [tm, dtm] = chebyshev(head.m, cy);
					gy = (head.lambda * cy + sign * tm - 2 * k) / (1 + head.lambda);
					gPrime = (head.lambda + sign * dtm) / (1 + head.lambda);
					logits[j] = r * gy;
				}
			}
			let top = -Infinity;
			for (let j = 0; j < C; j++) top = Math.max(top, logits[j]);
			let sum = 0;
			for (let j = 0; j < C; j++) sum += Math.exp(logits[j] - top);
			total += top + Math.log(sum) - logits[yi];
			for (let d = 0; d < D; d++) df[fi + d] = 0;
			for (let j = 0; j < C; j++) {
				const dl = (Math.exp(logits[j] - top) / sum - (j === yi ? 1 : 0)) / n;
				if (head.kind === 'softmax') {
					g[Bc + j] += dl;
					for (let d = 0; d < D; d++) {
						df[fi + d] += dl * p[W + j * D + d];
						g[W + j * D + d] += dl * f[fi + d];
					}
				} else if (j === yi) {
					// l_y = r·g(c): dl/df = g·f/r + g'·(ŵ − c f/r); dl/dŵ = g'·f.
					for (let d = 0; d < D; d++) {
						const wh = p[W + j * D + d] / norms[j];
						df[fi + d] += dl * (gy * (f[fi + d] / r) + gPrime * (wh - (cy * f[fi + d]) / r));
						dWhat[j * D + d] += dl * gPrime * f[fi + d];
					}
				} else {
					for (let d = 0; d < D; d++) {
						df[fi + d] += (dl * p[W + j * D + d]) / norms[j];
						dWhat[j * D + d] += dl * f[fi + d];
					}
				}
			}
		}
		if (head.kind === 'asoftmax') {
			// Through the row normalisation: dW = (dŵ − ŵ (ŵ·dŵ)) / ‖w‖.
			for (let j = 0; j < C; j++) {
				let proj = 0;
				for (let d = 0; d < D; d++) proj += (p[W + j * D + d] / norms[j]) * dWhat[j * D + d];
				for (let d = 0; d < D; d++)
					g[W + j * D + d] += (dWhat[j * D + d] - (p[W + j * D + d] / norms[j]) * proj) / norms[j];
			}
		}
		// Backward through the MLP.
		for (let li = layout.layers.length - 1; li >= 0; li--) {
			const { weight, bias } = layout.layers[li];
			const inN = sizes[li];
			const outN = sizes[li + 1];
			const a = acts[li];
			const dz = deltas[li + 1];
			const da = deltas[li];
			for (let i = 0; i < n * inN; i++) da[i] = 0;
			for (let i = 0; i < n; i++) {
				for (let o = 0; o < outN; o++) {
					const d = dz[i * outN + o];
					if (d === 0) continue;
					g[bias.offset + o] += d;
					for (let k = 0; k < inN; k++) {
						g[weight.offset + k * outN + o] += a[i * inN + k] * d;
						da[i * inN + k] += p[weight.offset + k * outN + o] * d;
					}
				}
			}
			// ReLU derivative of the layer below (its stored activation is 0 where inactive).
			if (li > 0) for (let i = 0; i < n * inN; i++) if (a[i] <= 0) da[i] = 0;
		}
		return total / n;
	}

	/** One Adam step over the flat vector (same folded form as FlatAdam). */
	adam(lr: number, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): void {
		this.t++;
		const c2 = Math.sqrt(1 - beta2 ** this.t);
		const step = (lr * c2) / (1 - beta1 ** this.t);
		const epsHat = eps * c2;
		const { params: p, grad: g, m1, v1 } = this;
		for (let i = 0; i < p.length; i++) {
			m1[i] = beta1 * m1[i] + (1 - beta1) * g[i];
			v1[i] = beta2 * v1[i] + (1 - beta2) * g[i] * g[i];
			p[i] -= (step * m1[i]) / (Math.sqrt(v1[i]) + epsHat);
		}
	}
}
