/**
 * "Copy as PyTorch": the current loss and its settings as a short, self-contained PyTorch
 * module a student can paste into a notebook. One `class <Name>Loss(nn.Module)` whose
 * constructor takes the constants (m, s, m1, m2, m3, λ, sub-centers, margin, mining, λ_c, α)
 * as keyword defaults set to the current settings, each written once, and whose
 * `forward(features, labels)` returns the loss by SphereLab's own formulas: the heads of
 * src/lib/model/heads.ts (target curves in math/psi.ts), the metric losses of
 * src/lib/model/metricLosses.ts and center loss as src/lib/model/metricTraining.ts trains
 * it. A header comment names the settings (URL keys) and the target logit. Pure: text only.
 * CI has no Python; checked by hand with torch 2.13 (CPU): every loss's text parses and
 * trains, gives SphereLab's tfjs loss (heads.ts, metricLosses.ts, center loss) to 5e-8 on the
 * same features and weights, K sub-centers included (weight rows class-major, j·K + k, as
 * heads.ts lays them out), and the centres move as Wen et al.'s Algorithm 1.
 */
import { LOSS_NAMES, type LossKind } from '../math/margins';
import { scheduleFor, type InverseSchedule } from '../math/lambda';
import { rowAt } from '../math/settings';
import { formatValue, getAt } from '../math/settingsEngine';
import type { SettingPath } from '../math/settingRows';
import type { Settings, TrainerOptions } from '../math/settingTypes';

/** A Python float literal: 16 → "16.0", 0.35 → "0.35" (JavaScript's shortest round trip). */
export function pyFloat(x: number): string {
	return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** A Python bool literal. */
const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** The URL query of the settings at `paths` (keys and values as SphereLab's links write them). */
function query(o: TrainerOptions, paths: readonly SettingPath[]): string {
	const s = { options: o } as Settings;
	return paths.map((p) => `${rowAt(p).key}=${formatValue(rowAt(p), getAt(s, p))}`).join('&');
}

/** What one loss contributes: settings it reads, its target logit, its class and its body. */
interface Parts {
	/** Settings (besides the loss) that shape the module, in the header's query. */
	paths: SettingPath[];
	/** The header's line on the target logit (or, for the metric losses, the loss). */
	target: string;
	name: string;
	/** Keyword arguments after in_features and num_classes (or all of them), as `name=value`. */
	args: string[];
	/** Whether the constructor takes in_features and num_classes (the loss has class weights). */
	classes: boolean;
	/** Lines of __init__ after super().__init__() (8 spaces in). */
	init: string[];
	/** Comment lines before the class (0 spaces in). */
	notes?: string[];
	/** Lines of forward (8 spaces in). */
	forward: string[];
}

/** Every angular head (not softmax) reads its class cosines through its K sub-centers. */
const ANGULAR_INIT = [
	'# sub_centers rows of weight per class (sub-center ArcFace, Deng et al. 2020).',
	'self.weight = nn.Parameter(torch.randn(num_classes * sub_centers, in_features))'
];
const ANGULAR_COS = [
	'cos = F.linear(F.normalize(features), F.normalize(self.weight))  # [N, C*K] cos θ',
	'cos = cos.view(len(features), -1, self.sub_centers).amax(2)  # [N, C] nearest sub-center',
	'cos_y = cos.gather(1, labels[:, None])  # [N, 1] the target class'
];
/** θ_y from cos θ_y, kept off ±1 where acos's slope is infinite. */
const THETA = 'theta = torch.acos(cos_y.clamp(-1 + 1e-7, 1 - 1e-7))  # [N, 1]';
const ONE_HOT = 'is_y = F.one_hot(labels, cos.size(1)).bool()  # [N, C]';
const SCALED_LOSS = [
	'logits = self.s * torch.where(is_y, target, cos)',
	'return F.cross_entropy(logits, labels)'
];
const NORM_LOSS = [
	'# A-Softmax scales by the feature norm ‖x‖ (no s).',
	'logits = features.norm(dim=1, keepdim=True) * torch.where(is_y, target, cos)',
	'return F.cross_entropy(logits, labels)'
];
const SOFTMAX_INIT = ['self.fc = nn.Linear(in_features, num_classes)  # W and b'];

/** The branch k of ψ and the combined target, a constant for the gradient (floor's is 0). */
const SIGN = '(1 - 2 * (k % 2))';

/** The λ comment of A-Softmax: how SphereLab sets λ at each step under these settings. */
function lambdaNotes(o: TrainerOptions): string[] {
	if (o.lambdaMode === 'off') return ['# λ = 0 (lambda=off): the pure margin ψ.'];
	if (o.lambdaMode === 'fixed') return ['# λ is fixed (lambda=fixed).'];
	const s = scheduleFor(o.lambdaMode, {
		fixed: o.lambdaFixed,
		min: o.lambdaMin,
		floorAt: o.lambdaFloorAt
	}) as InverseSchedule;
	const power = s.power === 1 ? '' : `**${s.power}`;
	const curve = `max(${s.base} / (1 + ${Number(s.gamma.toPrecision(4))} * it)${power}, lam)`;
	const notes = [
		`# λ anneals in SphereLab (lambda=${o.lambdaMode}): λ = ${curve} at step it = 1, 2, ...;`,
		'# lam below is its floor. To follow the schedule, set loss.lam before each step.'
	];
	if (s.zeroAfter !== undefined) notes.push(`# After step ${s.zeroAfter}: λ = 0, the pure margin.`);
	return notes;
}

/** The λ of the A-Softmax constructor: 0 (off), the fixed λ, or the schedule's floor. */
function lambdaValue(o: TrainerOptions): number {
	if (o.lambdaMode === 'off') return 0;
	return o.lambdaMode === 'fixed' ? o.lambdaFixed : o.lambdaMin;
}

/** The λ settings in the header: the mode, and the numbers that mode reads. */
function lambdaPaths(o: TrainerOptions): SettingPath[] {
	if (o.lambdaMode === 'off') return ['options.lambdaMode'];
	if (o.lambdaMode === 'fixed') return ['options.lambdaMode', 'options.lambdaFixed'];
	return ['options.lambdaMode', 'options.lambdaMin', 'options.lambdaFloorAt'];
}

/** The module's parts for each loss. */
function partsOf(o: TrainerOptions): Parts {
	const sub = `sub_centers=${o.subCenters}`;
	const others = 'others s·cos θ_j';
	switch (o.loss) {
		case 'softmax':
			return {
				paths: [],
				target: 'f_j = w_j·x + b_j for every class (no margin)',
				name: 'Softmax',
				args: [],
				classes: true,
				init: SOFTMAX_INIT,
				forward: ['return F.cross_entropy(self.fc(features), labels)']
			};
		case 'modified':
			return {
				paths: ['options.subCenters'],
				target: 'f_j = ‖x‖·cos θ_j for every class (|W_j| = 1, b = 0, no margin)',
				name: 'ModifiedSoftmax',
				args: [sub],
				classes: true,
				init: ['self.sub_centers = sub_centers', ...ANGULAR_INIT],
				forward: [
					...ANGULAR_COS.slice(0, 2),
					'logits = features.norm(dim=1, keepdim=True) * cos',
					'return F.cross_entropy(logits, labels)'
				]
			};
		case 'asoftmax':
			return {
				paths: ['options.m', ...lambdaPaths(o), 'options.subCenters'],
				target:
					'f_y = ‖x‖·(λ·cos θ_y + ψ(θ_y)) / (1 + λ), ψ(θ) = (−1)^k·cos(mθ) − 2k, k = min(⌊mθ/π⌋, ⌈m⌉ − 1); others ‖x‖·cos θ_j',
				name: 'ASoftmax',
				args: [`m=${pyFloat(o.m)}`, `lam=${pyFloat(lambdaValue(o))}`, sub],
				classes: true,
				notes: lambdaNotes(o),
				init: ['self.m, self.lam, self.sub_centers = m, lam, sub_centers', ...ANGULAR_INIT],
				forward: [
					...ANGULAR_COS,
					THETA,
					'k = torch.floor(self.m * theta / math.pi).clamp(0, math.ceil(self.m) - 1)',
					`psi = ${SIGN} * torch.cos(self.m * theta) - 2 * k`,
					'target = (self.lam * cos_y + psi) / (1 + self.lam)',
					ONE_HOT,
					...NORM_LOSS
				]
			};
		case 'cosface':
			return {
				paths: ['options.m', 'options.s', 'options.subCenters'],
				target: `f_y = s·(cos θ_y − m); ${others}`,
				name: 'CosFace',
				args: [`s=${pyFloat(o.s)}`, `m=${pyFloat(o.m)}`, sub],
				classes: true,
				init: ['self.s, self.m, self.sub_centers = s, m, sub_centers', ...ANGULAR_INIT],
				forward: [...ANGULAR_COS, 'target = cos_y - self.m', ONE_HOT, ...SCALED_LOSS]
			};
		case 'arcface':
			return {
				paths: ['options.m', 'options.s', 'options.subCenters'],
				target: `f_y = s·cos(θ_y + m) while θ_y < π − m, else s·(cos θ_y − m·sin m) (insightface's th_mm); ${others}`,
				name: 'ArcFace',
				args: [`s=${pyFloat(o.s)}`, `m=${pyFloat(o.m)}`, sub],
				classes: true,
				init: ['self.s, self.m, self.sub_centers = s, m, sub_centers', ...ANGULAR_INIT],
				forward: [
					...ANGULAR_COS,
					THETA,
					'on_curve = cos_y > math.cos(math.pi - self.m)  # θ_y < π − m',
					'linear = cos_y - self.m * math.sin(self.m)  # keeps the target decreasing past π − m',
					'target = torch.where(on_curve, torch.cos(theta + self.m), linear)',
					ONE_HOT,
					...SCALED_LOSS
				]
			};
		case 'combined':
			return {
				paths: ['options.m1', 'options.m2', 'options.m3', 'options.s', 'options.subCenters'],
				target: `f_y = s·((−1)^k·cos(m1·θ_y + m2) − 2k − m3), k = clamp(⌊(m1·θ_y + m2)/π⌋, 0, ⌈m1 + m2/π⌉ − 1); ${others}`,
				name: 'CombinedMargin',
				args: [
					`s=${pyFloat(o.s)}`,
					`m1=${pyFloat(o.m1)}`,
					`m2=${pyFloat(o.m2)}`,
					`m3=${pyFloat(o.m3)}`,
					sub
				],
				classes: true,
				init: [
					'self.s, self.m1, self.m2, self.m3 = s, m1, m2, m3',
					'self.sub_centers = sub_centers',
					...ANGULAR_INIT
				],
				forward: [
					...ANGULAR_COS,
					THETA,
					'u = self.m1 * theta + self.m2',
					'last = max(0, math.ceil(self.m1 + self.m2 / math.pi) - 1)',
					'k = torch.floor(u / math.pi).clamp(0, last)  # the branch of u, past π as ψ',
					`target = ${SIGN} * torch.cos(u) - 2 * k - self.m3`,
					ONE_HOT,
					...SCALED_LOSS
				]
			};
		case 'contrastive':
			return {
				paths: ['options.m', 'options.unitFeatures', 'options.pkClasses', 'options.pkPerClass'],
				target:
					'mean over pairs i < j of D_ij (same class) or max(0, margin − d_ij)² (different), D_ij = ‖u_i − u_j‖², d_ij = √D_ij',
				name: 'Contrastive',
				args: [`margin=${pyFloat(o.m)}`, `unit_features=${pyBool(o.unitFeatures)}`],
				classes: false,
				notes: pkNotes(o, 'pair'),
				init: ['self.margin, self.unit_features = margin, unit_features'],
				forward: [
					...PAIRWISE,
					'd = D.clamp(min=1e-12).sqrt()  # √ kept off 0, where its slope is infinite',
					'per_pair = torch.where(same, D, F.relu(self.margin - d) ** 2)',
					'upper = torch.ones_like(same).triu(1)  # pairs i < j',
					'return (per_pair * upper).sum() / upper.sum().clamp(min=1)'
				]
			};
		case 'triplet':
			return {
				paths: [
					'options.m',
					'options.mining',
					'options.unitFeatures',
					'options.pkClasses',
					'options.pkPerClass'
				],
				target:
					o.mining === 'all'
						? 'mean over valid triplets (a, p, n) of max(0, D_ap − D_an + margin), D = squared distance'
						: 'mean over anchors of max(0, max_p D_ap − min_n D_an + margin) (hardest p, n), D = squared distance',
				name: 'Triplet',
				args: [
					`margin=${pyFloat(o.m)}`,
					`mining="${o.mining}"`,
					`unit_features=${pyBool(o.unitFeatures)}`
				],
				classes: false,
				notes: pkNotes(o, 'triplet'),
				init: ['self.margin, self.mining, self.unit_features = margin, mining, unit_features'],
				forward: [
					...PAIRWISE,
					'pos = same & ~torch.eye(len(labels), dtype=torch.bool, device=labels.device)',
					'neg = ~same',
					'if self.mining == "all":  # every (a, p, n): [N, N, N]',
					'    hinge = F.relu(D[:, :, None] - D[:, None, :] + self.margin)',
					'    valid = pos[:, :, None] & neg[:, None, :]',
					'else:  # "hard": each anchor\'s furthest positive and closest negative',
					'    hardest_pos = D.masked_fill(~pos, float("-inf")).amax(1)',
					'    closest_neg = D.masked_fill(~neg, float("inf")).amin(1)',
					'    hinge = F.relu(hardest_pos - closest_neg + self.margin)',
					'    valid = pos.any(1) & neg.any(1)',
					'return (hinge * valid).sum() / valid.sum().clamp(min=1)'
				]
			};
		case 'center':
			return {
				paths: ['options.centerLambda', 'options.centerAlpha'],
				target:
					'cross-entropy of f_j = w_j·x + b_j (softmax) plus λ_c·Σ_i ‖x_i − c_{y_i}‖² / (2N), c_j the centre of class j',
				name: 'Center',
				args: [`center_lambda=${pyFloat(o.centerLambda)}`, `alpha=${pyFloat(o.centerAlpha)}`],
				classes: true,
				init: [
					'self.center_lambda, self.alpha = center_lambda, alpha',
					...SOFTMAX_INIT,
					'# The centres are a buffer, not a parameter: the optimiser never moves them;',
					'# forward moves them by alpha, as Wen et al. (2016), Algorithm 1.',
					'self.register_buffer("centers", torch.zeros(num_classes, in_features))'
				],
				forward: [
					'softmax = F.cross_entropy(self.fc(features), labels)',
					'diff = features - self.centers[labels]  # [N, D]',
					'center = (diff ** 2).sum() / (2 * len(features))',
					'if self.training:  # Δc_j = Σ_{y_i=j} (c_j − x_i) / (1 + n_j), c_j ← c_j − α·Δc_j',
					'    with torch.no_grad():',
					'        one_hot = F.one_hot(labels, len(self.centers)).to(features.dtype)',
					'        n = one_hot.sum(0)[:, None]  # [C, 1]',
					'        delta = (n * self.centers - one_hot.T @ features) / (1 + n)',
					'        self.centers -= self.alpha * delta',
					'return softmax + self.center_lambda * center'
				]
			};
	}
}

/** The embedding and squared distances of the pair losses (as metricLosses.ts computes them). */
const PAIRWISE = [
	'u = features',
	'if self.unit_features:  # u = x/‖x‖ (a zero feature stays 0)',
	'    u = features / ((features ** 2).sum(1, keepdim=True) + 1e-12).sqrt()',
	'D = ((u[:, None] - u[None]) ** 2).sum(2)  # [N, N] squared distances',
	'same = labels[:, None] == labels[None]  # [N, N]'
];

/** The batches the pair losses need, as SphereLab samples them. */
function pkNotes(o: TrainerOptions, what: 'pair' | 'triplet'): string[] {
	return [
		'# It needs positives and negatives in a batch: SphereLab trains on P×K batches,',
		`# P = ${o.pkClasses} classes × K = ${o.pkPerClass} points each. A batch without a valid ${what} gives 0.`
	];
}

/**
 * The PyTorch module of `options`' loss: its constants the current settings, for features of
 * `featureDim` dimensions and `numClasses` classes (the classifier's rows).
 */
export function pytorchModule(
	options: TrainerOptions,
	featureDim: number,
	numClasses: number
): string {
	const p = partsOf(options);
	const loss: LossKind = options.loss;
	const settings = query(options, ['options.loss', ...p.paths]);
	const args = [
		...(p.classes ? [`in_features=${featureDim}`, `num_classes=${numClasses}`] : []),
		...p.args
	];
	const indent = (n: number) => (line: string) => ' '.repeat(n) + line;
	const subNote =
		p.paths.includes('options.subCenters') && options.subCenters > 1
			? [`# θ_j: the angle to the nearest of class j's ${options.subCenters} sub-centers.`]
			: [];
	return [
		`# ${LOSS_NAMES[loss]} as SphereLab trains it, with the settings ?${settings}`,
		`# ${p.classes && loss !== 'center' ? 'Target logit' : 'Loss'}: ${p.target}`,
		...subNote,
		...(p.notes ?? []),
		'import math, torch, torch.nn as nn, torch.nn.functional as F',
		'',
		'',
		`class ${p.name}Loss(nn.Module):`,
		`    def __init__(self, ${args.join(', ')}):`,
		'        super().__init__()',
		...p.init.map(indent(8)),
		'',
		'    def forward(self, features, labels):',
		...p.forward.map(indent(8)),
		''
	].join('\n');
}
