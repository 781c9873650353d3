/**
 * λ annealing for A-Softmax. Large m rarely converges from scratch, so SphereFace trains
 * on the mix (λ cos θ + ψ(θ)) / (1 + λ) with λ decaying from large to a floor. Schedules are
 * data (so the UI can list and serialise them) with one evaluator.
 */

/** A λ schedule, as data. */
export type LambdaSchedule =
	/** No annealing: λ = 0, the pure margin from the first step. */
	| { kind: 'off' }
	/** A constant λ. */
	| { kind: 'fixed'; lambda: number }
	/** λ = max(base · (1 + gamma · it)^(−power), min): SphereFace's Caffe MarginInnerProduct layer. */
	| { kind: 'inverse'; base: number; gamma: number; power: number; min: number };

/** SphereFace's official Caffe schedule: λ = max(1000 · (1 + 0.12 · it)^(−1), 5). */
export const OFFICIAL_SCHEDULE: LambdaSchedule = {
	kind: 'inverse',
	base: 1000,
	gamma: 0.12,
	power: 1,
	min: 5
};

/** The sphereface_pytorch schedule: λ = max(5, 1500 / (1 + 0.1 · it)). */
export const PYTORCH_SCHEDULE: LambdaSchedule = {
	kind: 'inverse',
	base: 1500,
	gamma: 0.1,
	power: 1,
	min: 5
};

/** The named schedules the UI offers. */
export const LAMBDA_SCHEDULES = {
	official: OFFICIAL_SCHEDULE,
	pytorch: PYTORCH_SCHEDULE,
	off: { kind: 'off' }
} as const satisfies Record<string, LambdaSchedule>;

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

/** λ as the page prints it: "5.0", "892.9" → "893" (one decimal below 100, none above). */
export function formatLambda(lambda: number): string {
	return lambda >= 100 ? lambda.toFixed(0) : lambda.toFixed(1);
}
