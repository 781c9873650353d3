/** Messages of the verification worker (verificationWorker.ts). */
import type { VerificationModel } from '../math/recognitionView';

export interface ToVerificationWorker {
	id: number;
	features: Float32Array;
	dim: number;
	labels: Int32Array;
	rows: Int32Array;
}

export interface FromVerificationWorker {
	id: number;
	model: VerificationModel;
}
