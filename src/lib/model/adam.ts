/**
 * Adam on one flat parameter vector, as a handful of whole-vector kernels per step
 * (tfjs's built-in optimizer issues about a dozen kernels per variable). Same update as
 * Kingma & Ba with bias correction folded into the step size:
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,
 *   θ ← θ − lr · √(1 − β2^t)/(1 − β1^t) · m / (√v + ε̂),   ε̂ = ε √(1 − β2^t)
 * (ε̂ makes the folded form identical to the textbook m̂ / (√v̂ + ε)). Optional decoupled
 * weight decay (AdamW) multiplies θ by 1 − lr·wd first.
 */
import { tf } from './tf';

/** Adam's moment state; tensors are owned by the optimizer. */
export interface AdamState {
	m: tf.Tensor1D;
	v: tf.Tensor1D;
	t: number;
}

export class FlatAdam {
	private state: AdamState;

	constructor(
		size: number,
		private readonly beta1 = 0.9,
		private readonly beta2 = 0.999,
		private readonly epsilon = 1e-8
	) {
		this.state = { m: tf.zeros([size]), v: tf.zeros([size]), t: 0 };
	}

	/** Number of updates applied so far. */
	get iterations(): number {
		return this.state.t;
	}

	/**
	 * Returns the updated parameters (a new tensor; the caller disposes the old one) and
	 * advances the moments. `grad` is not disposed.
	 */
	apply(
		params: tf.Tensor1D,
		grad: tf.Tensor1D,
		learningRate: number,
		weightDecay = 0
	): tf.Tensor1D {
		const { beta1, beta2 } = this;
		const t = this.state.t + 1;
		const correction2 = Math.sqrt(1 - Math.pow(beta2, t));
		const stepSize = (learningRate * correction2) / (1 - Math.pow(beta1, t));
		const epsHat = this.epsilon * correction2;
		const [m, v, next] = tf.tidy(() => {
			const m = tf.add(tf.mul(this.state.m, beta1), tf.mul(grad, 1 - beta1));
			const v = tf.add(tf.mul(this.state.v, beta2), tf.mul(tf.square(grad), 1 - beta2));
			// Decoupled weight decay (AdamW): shrink θ by lr·wd before the Adam step.
			const kept = weightDecay > 0 ? tf.mul(params, 1 - learningRate * weightDecay) : params;
			const next = tf.sub(kept, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsHat)), stepSize));
			return [m, v, next] as tf.Tensor1D[];
		});
		tf.dispose([this.state.m, this.state.v]);
		this.state = { m, v, t };
		return next;
	}

	/** A copy of the state (for checkpoints); the caller owns its tensors. */
	save(): AdamState {
		return { m: tf.clone(this.state.m), v: tf.clone(this.state.v), t: this.state.t };
	}

	/** Replaces the state by a copy of `saved` (which stays owned by the caller). */
	restore(saved: AdamState): void {
		tf.dispose([this.state.m, this.state.v]);
		this.state = { m: tf.clone(saved.m), v: tf.clone(saved.v), t: saved.t };
	}

	dispose(): void {
		tf.dispose([this.state.m, this.state.v]);
	}
}
