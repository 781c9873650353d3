/**
 * λ annealing for A-Softmax. SphereFace trains on the mix (λ cos θ + ψ(θ)) / (1 + λ), taken
 * over from L-Softmax (Liu et al., ICML 2016), with λ decaying from large to a floor: the
 * steep target of a large m would otherwise make training diverge early (as ArcFace's authors
 * put it; on SphereLab's digits, m = 4 with λ off reaches 76.5 % test accuracy in 1,500 steps,
 * `npm run digits:losses`). Schedules are data (so the UI can list and serialise them) with
 * one evaluator.
 */

/** A λ schedule, as data. */
export type LambdaSchedule =
	/** No annealing: λ = 0, the pure margin from the first step. */
	| { kind: 'off' }
	/** A constant λ. */
	| { kind: 'fixed'; lambda: number }
	/**
	 * λ = max(base · (1 + gamma · it)^(−power), min): SphereFace's Caffe MarginInnerProduct
	 * layer. With `zeroAfter`, λ = 0 from iteration zeroAfter + 1 on: a warm-up, then the pure
	 * margin.
	 */
	| {
			kind: 'inverse';
			base: number;
			gamma: number;
			power: number;
			min: number;
			zeroAfter?: number;
	  };

/** An annealing schedule. */
export type InverseSchedule = Extract<LambdaSchedule, { kind: 'inverse' }>;

/** SphereFace's official Caffe schedule: λ = max(1000 · (1 + 0.12 · it)^(−1), 5). */
export const OFFICIAL_SCHEDULE: InverseSchedule = {
	kind: 'inverse',
	base: 1000,
	gamma: 0.12,
	power: 1,
	min: 5
};

/** The sphereface_pytorch schedule: λ = max(5, 1500 / (1 + 0.1 · it)). */
export const PYTORCH_SCHEDULE: InverseSchedule = {
	kind: 'inverse',
	base: 1500,
	gamma: 0.1,
	power: 1,
	min: 5
};

/**
 * A warm-up, then the pure margin: the official curve until it reaches its floor (step 1659,
 * or the run's own floor step, see `scheduleFor`), λ = 0 after it.
 */
export const WARMUP_SCHEDULE: InverseSchedule = { ...OFFICIAL_SCHEDULE, zeroAfter: 1659 };

/** The named schedules the UI offers. */
export const LAMBDA_SCHEDULES = {
	official: OFFICIAL_SCHEDULE,
	pytorch: PYTORCH_SCHEDULE,
	warmup: WARMUP_SCHEDULE,
	off: { kind: 'off' }
} as const satisfies Record<string, LambdaSchedule>;

/** The schedule a trainer's λ settings describe (`floorAt` 0: the published clock). */
export function scheduleFor(
	mode: keyof typeof LAMBDA_SCHEDULES | 'fixed',
	{ fixed, min, floorAt }: { fixed: number; min: number; floorAt: number }
): LambdaSchedule {
	if (mode === 'fixed') return { kind: 'fixed', lambda: fixed };
	const schedule: LambdaSchedule = LAMBDA_SCHEDULES[mode];
	if (schedule.kind !== 'inverse') return schedule;
	const scaled: InverseSchedule = { ...rescaleSchedule(schedule, floorAt), min };
	if (schedule.zeroAfter === undefined) return scaled;
	return { ...scaled, zeroAfter: floorAt > 0 ? Math.round(floorAt) : schedule.zeroAfter };
}

/**
 * λ at iteration `it`. Both published schedules increment their counter before use, so the
 * first training step evaluates it = 1 (see `lambdaForStep`). Always finite and ≥ 0.
 */
export function lambdaAt(schedule: LambdaSchedule, it: number): number {
	const i = Number.isFinite(it) && it > 0 ? it : 0;
	switch (schedule.kind) {
		case 'off':
			return 0;
		case 'fixed':
			return Number.isFinite(schedule.lambda) && schedule.lambda > 0 ? schedule.lambda : 0;
		case 'inverse': {
			if (schedule.zeroAfter !== undefined && i > schedule.zeroAfter) return 0;
			const v = schedule.base * Math.pow(1 + schedule.gamma * i, -schedule.power);
			return Math.max(Number.isFinite(v) ? v : schedule.min, schedule.min);
		}
	}
}

/**
 * λ used by training step `step` (1-based: the first step is step 1), matching the
 * published implementations, which do `iter += 1` before computing λ.
 */
export function lambdaForStep(schedule: LambdaSchedule, step: number): number {
	return lambdaAt(schedule, Math.max(1, step));
}

/**
 * The first iteration at which an inverse schedule reaches its floor (official: 1659,
 * pytorch: 2990); 0 for off/fixed.
 */
export function iterationsToFloor(schedule: LambdaSchedule): number {
	if (schedule.kind !== 'inverse') return 0;
	// Solve base · (1 + gamma·it)^(−power) = min for it, then step to the first integer at the floor.
	const exact = (Math.pow(schedule.base / schedule.min, 1 / schedule.power) - 1) / schedule.gamma;
	let it = Math.max(0, Math.floor(exact) - 1);
	while (lambdaAt(schedule, it) > schedule.min) it++;
	return it;
}

/**
 * SphereFace's run: the official schedule reaches its floor at iteration 1659 of the 28,000
 * of its CASIA-WebFace training (sphereface_model.prototxt's solver, max_iter 28000): about
 * 5.9 % of training. A run of another length reaches it at the same fraction.
 */
export const SPHEREFACE_ITERATIONS = 28_000;
export const SPHEREFACE_FLOOR_FRACTION = 1659 / SPHEREFACE_ITERATIONS;

/** The step at which a run of `steps` steps reaches λ's floor, as SphereFace's does (≥ 1). */
export function floorStepFor(steps: number): number {
	return Math.max(1, Math.round(SPHEREFACE_FLOOR_FRACTION * steps));
}

/**
 * `schedule` on another clock: the same curve, reaching the papers' floor 5 at step `floorAt`
 * instead of its published step (official 1659, pytorch 2990): γ scaled by their ratio. Off,
 * fixed and floorAt ≤ 0 leave it as it is.
 */
export function rescaleSchedule<S extends LambdaSchedule>(schedule: S, floorAt: number): S {
	if (schedule.kind !== 'inverse' || !(floorAt > 0)) return schedule;
	// The published step of the floor (1659 official, an integer: the curve crosses 5 at
	// 1658.3), so a run of floorAt steps crosses it within floorAt/2500 steps of floorAt.
	const published = iterationsToFloor({ ...schedule, min: 5, zeroAfter: undefined });
	return { ...schedule, gamma: (schedule.gamma * published) / floorAt };
}

/** λ as the page prints it: "5.0", "892.9" → "893" (one decimal below 100, none above). */
export function formatLambda(lambda: number): string {
	return lambda >= 100 ? lambda.toFixed(0) : lambda.toFixed(1);
}
