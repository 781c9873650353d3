/**
 * The last finite state and the way back to it: a `Checkpoint` copies the training state at
 * the end of every finite chunk of steps (save), puts it back (restore) and frees its copy
 * (dispose); `readHealth` tells whether a state is finite; `findDivergence` rolls a chunk
 * that went non-finite back, pinpoints the step that broke and says why in plain language.
 */
import { tf } from './tf';
import type { AdamState } from './adam';
import type { AssemblyPosition } from './batchAssembly';
import type { Layout } from './network';
import type { TrainerOptions } from '../math/settingTypes';
import { divergenceMessage, type DivergenceContext } from '../math/divergence';
import { lambdaAt, trainStep, type TrainState } from './lossStep';

/** A saved copy of the state: the tensors are the checkpoint's own. */
interface Saved {
	params: tf.Tensor1D;
	adam: AdamState;
	step: number;
	batches: AssemblyPosition;
	centers: tf.Tensor2D;
	loss: number | null;
	lambda: number;
	activity: [number, number] | null;
}

/** Where training diverged: the step that broke and why, in plain language. */
export interface Divergence {
	at: number;
	message: string;
	/** What the message explains (the page writes it again in its language). */
	context: DivergenceContext;
}

/** The state saved at the end of every finite chunk of steps, to roll back to on divergence. */
export class Checkpoint {
	private saved: Saved | null = null;

	/** Copies the state (replacing the copy before). */
	save(s: TrainState): void {
		this.dispose();
		this.saved = {
			params: tf.clone(s.params),
			adam: s.adam.save(),
			step: s.step,
			batches: s.batches.position,
			centers: tf.clone(s.centers),
			loss: s.loss,
			lambda: s.lambda,
			activity: s.activity
		};
	}

	/** Puts the saved copy back into the state (the copy stays, to restore again). */
	restore(s: TrainState): void {
		const c = this.saved as Saved;
		s.params.dispose();
		s.params = tf.clone(c.params);
		s.adam.restore(c.adam);
		s.step = c.step;
		s.batches.position = c.batches;
		s.centers.dispose();
		s.centers = tf.clone(c.centers);
		s.loss = c.loss;
		s.lambda = c.lambda;
		s.activity = c.activity;
	}

	/** Frees the saved copy; `save` may fill it again. */
	dispose(): void {
		if (!this.saved) return;
		const c = this.saved;
		tf.dispose([c.params, c.adam.m, c.adam.v, c.centers]);
		this.saved = null;
	}
}

/**
 * [loss, Σ params (and Σ centres), activity] in one read: the first two finite means the
 * state is healthy.
 */
export function readHealth(
	s: TrainState,
	loss: tf.Scalar,
	activity: tf.Tensor1D | null = null
): [number, number, [number, number] | null] {
	const v = tf.tidy(() =>
		tf
			.concat([
				tf.stack([loss, tf.add(tf.sum(s.params), tf.sum(s.centers))]),
				activity ?? tf.zeros([0])
			])
			.dataSync()
	);
	return [v[0], v[1], activity ? [v[2], v[3]] : null];
}

/**
 * A chunk of up to `maxSteps` steps went non-finite: roll back to the checkpoint and replay
 * one step at a time (deterministic, so the same step breaks again) to stop at the last
 * finite state. Returns where and why it broke, or null when the replay stayed finite.
 */
export function findDivergence(
	s: TrainState,
	checkpoint: Checkpoint,
	layout: Layout,
	o: TrainerOptions,
	maxSteps: number
): Divergence | null {
	checkpoint.restore(s);
	// Bounded: should a replay not break again (it is deterministic, so it should), the
	// chunk's steps have been redone with every state checked, which is just as good.
	for (let i = 0; i < maxSteps; i++) {
		const out = trainStep(s, layout, o);
		const [lossValue, paramSum] = readHealth(s, out.loss);
		out.loss.dispose();
		if (!Number.isFinite(lossValue) || !Number.isFinite(paramSum)) {
			const at = s.step;
			checkpoint.restore(s);
			const context: DivergenceContext = {
				step: at,
				lossKind: o.loss,
				m: o.m,
				lambda: lambdaAt(o, at),
				lambdaMode: o.lambdaMode,
				learningRate: o.learningRate,
				s: o.s
			};
			return { at, message: divergenceMessage(context), context };
		}
		s.loss = lossValue;
		checkpoint.save(s);
	}
	return null;
}
