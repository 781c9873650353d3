/**
 * "Copy as PyTorch" (src/lib/io/pytorch.ts): the module text of every loss at its default
 * settings, against the text written out here and read line by line (the formulas checked
 * against heads.ts, psi.ts, metricLosses.ts and metricTraining.ts); and, for random valid
 * settings, the constants of the constructor parsed back out of the text equal the
 * settings, each written once, and the header's settings parse back to the same loss.
 * (CI has no Python: that the text runs in PyTorch and gives SphereLab's loss values was
 * checked by hand, see the module comment.)
 */
import { describe, expect, it } from 'vitest';
import { pyFloat, pytorchModule } from '../../src/lib/io/pytorch';
import { LOSS_KINDS, type LossKind } from '../../src/lib/math/margins';
import { createRng } from '../../src/lib/math/rng';
import type { TrainerOptions } from '../../src/lib/math/settingTypes';
import { clampTrainerOptions } from '../../src/lib/model/options';
import { parseSettings } from '../../src/lib/state/urlSettings';

/** The options of `loss` at its defaults (plus `extra`). */
const optionsOf = (loss: LossKind, extra: Partial<TrainerOptions> = {}): TrainerOptions =>
	clampTrainerOptions({ loss, ...extra }).options;

/** Each loss's module at its default settings, 2-D features and 4 classes. */
const EXPECTED: Record<LossKind, string> = {
	softmax: `# Softmax as SphereLab trains it, with the settings ?loss=softmax
# Target logit: f_j = w_j·x + b_j for every class (no margin)
import math, torch, torch.nn as nn, torch.nn.functional as F


class SoftmaxLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4):
        super().__init__()
        self.fc = nn.Linear(in_features, num_classes)  # W and b

    def forward(self, features, labels):
        return F.cross_entropy(self.fc(features), labels)
`,
	contrastive: `# Contrastive as SphereLab trains it, with the settings ?loss=contrastive&m=1&unit=0&pclasses=8&kper=8
# Loss: mean over pairs i < j of D_ij (same class) or max(0, margin − d_ij)² (different), D_ij = ‖u_i − u_j‖², d_ij = √D_ij
# It needs positives and negatives in a batch: SphereLab trains on P×K batches,
# P = 8 classes × K = 8 points each. A batch without a valid pair gives 0.
import math, torch, torch.nn as nn, torch.nn.functional as F


class ContrastiveLoss(nn.Module):
    def __init__(self, margin=1.0, unit_features=False):
        super().__init__()
        self.margin, self.unit_features = margin, unit_features

    def forward(self, features, labels):
        u = features
        if self.unit_features:  # u = x/‖x‖ (a zero feature stays 0)
            u = features / ((features ** 2).sum(1, keepdim=True) + 1e-12).sqrt()
        D = ((u[:, None] - u[None]) ** 2).sum(2)  # [N, N] squared distances
        same = labels[:, None] == labels[None]  # [N, N]
        d = D.clamp(min=1e-12).sqrt()  # √ kept off 0, where its slope is infinite
        per_pair = torch.where(same, D, F.relu(self.margin - d) ** 2)
        upper = torch.ones_like(same).triu(1)  # pairs i < j
        return (per_pair * upper).sum() / upper.sum().clamp(min=1)
`,
	triplet: `# Triplet as SphereLab trains it, with the settings ?loss=triplet&m=1&mining=all&unit=0&pclasses=8&kper=8
# Loss: mean over valid triplets (a, p, n) of max(0, D_ap − D_an + margin), D = squared distance
# It needs positives and negatives in a batch: SphereLab trains on P×K batches,
# P = 8 classes × K = 8 points each. A batch without a valid triplet gives 0.
import math, torch, torch.nn as nn, torch.nn.functional as F


class TripletLoss(nn.Module):
    def __init__(self, margin=1.0, mining="all", unit_features=False):
        super().__init__()
        self.margin, self.mining, self.unit_features = margin, mining, unit_features

    def forward(self, features, labels):
        u = features
        if self.unit_features:  # u = x/‖x‖ (a zero feature stays 0)
            u = features / ((features ** 2).sum(1, keepdim=True) + 1e-12).sqrt()
        D = ((u[:, None] - u[None]) ** 2).sum(2)  # [N, N] squared distances
        same = labels[:, None] == labels[None]  # [N, N]
        pos = same & ~torch.eye(len(labels), dtype=torch.bool, device=labels.device)
        neg = ~same
        if self.mining == "all":  # every (a, p, n): [N, N, N]
            hinge = F.relu(D[:, :, None] - D[:, None, :] + self.margin)
            valid = pos[:, :, None] & neg[:, None, :]
        else:  # "hard": each anchor's furthest positive and closest negative
            hardest_pos = D.masked_fill(~pos, float("-inf")).amax(1)
            closest_neg = D.masked_fill(~neg, float("inf")).amin(1)
            hinge = F.relu(hardest_pos - closest_neg + self.margin)
            valid = pos.any(1) & neg.any(1)
        return (hinge * valid).sum() / valid.sum().clamp(min=1)
`,
	center: `# Center loss as SphereLab trains it, with the settings ?loss=center&lc=0.1&alpha=0.5
# Loss: cross-entropy of f_j = w_j·x + b_j (softmax) plus λ_c·Σ_i ‖x_i − c_{y_i}‖² / (2N), c_j the centre of class j
import math, torch, torch.nn as nn, torch.nn.functional as F


class CenterLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4, center_lambda=0.1, alpha=0.5):
        super().__init__()
        self.center_lambda, self.alpha = center_lambda, alpha
        self.fc = nn.Linear(in_features, num_classes)  # W and b
        # The centres are a buffer, not a parameter: the optimiser never moves them;
        # forward moves them by alpha, as Wen et al. (2016), Algorithm 1.
        self.register_buffer("centers", torch.zeros(num_classes, in_features))

    def forward(self, features, labels):
        softmax = F.cross_entropy(self.fc(features), labels)
        diff = features - self.centers[labels]  # [N, D]
        center = (diff ** 2).sum() / (2 * len(features))
        if self.training:  # Δc_j = Σ_{y_i=j} (c_j − x_i) / (1 + n_j), c_j ← c_j − α·Δc_j
            with torch.no_grad():
                one_hot = F.one_hot(labels, len(self.centers)).to(features.dtype)
                n = one_hot.sum(0)[:, None]  # [C, 1]
                delta = (n * self.centers - one_hot.T @ features) / (1 + n)
                self.centers -= self.alpha * delta
        return softmax + self.center_lambda * center
`,
	modified: `# Modified softmax as SphereLab trains it, with the settings ?loss=modified&sub=1
# Target logit: f_j = ‖x‖·cos θ_j for every class (|W_j| = 1, b = 0, no margin)
import math, torch, torch.nn as nn, torch.nn.functional as F


class ModifiedSoftmaxLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4, sub_centers=1):
        super().__init__()
        self.sub_centers = sub_centers
        # sub_centers rows of weight per class (sub-center ArcFace, Deng et al. 2020).
        self.weight = nn.Parameter(torch.randn(num_classes * sub_centers, in_features))

    def forward(self, features, labels):
        cos = F.linear(F.normalize(features), F.normalize(self.weight))  # [N, C*K] cos θ
        cos = cos.view(len(features), -1, self.sub_centers).amax(2)  # [N, C] nearest sub-center
        logits = features.norm(dim=1, keepdim=True) * cos
        return F.cross_entropy(logits, labels)
`,
	asoftmax: `# A-Softmax as SphereLab trains it, with the settings ?loss=asoftmax&m=4&lambda=off&sub=1
# Target logit: f_y = ‖x‖·(λ·cos θ_y + ψ(θ_y)) / (1 + λ), ψ(θ) = (−1)^k·cos(mθ) − 2k, k = min(⌊mθ/π⌋, ⌈m⌉ − 1); others ‖x‖·cos θ_j
# λ = 0 (lambda=off): the pure margin ψ.
import math, torch, torch.nn as nn, torch.nn.functional as F


class ASoftmaxLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4, m=4.0, lam=0.0, sub_centers=1):
        super().__init__()
        self.m, self.lam, self.sub_centers = m, lam, sub_centers
        # sub_centers rows of weight per class (sub-center ArcFace, Deng et al. 2020).
        self.weight = nn.Parameter(torch.randn(num_classes * sub_centers, in_features))

    def forward(self, features, labels):
        cos = F.linear(F.normalize(features), F.normalize(self.weight))  # [N, C*K] cos θ
        cos = cos.view(len(features), -1, self.sub_centers).amax(2)  # [N, C] nearest sub-center
        cos_y = cos.gather(1, labels[:, None])  # [N, 1] the target class
        theta = torch.acos(cos_y.clamp(-1 + 1e-7, 1 - 1e-7))  # [N, 1]
        k = torch.floor(self.m * theta / math.pi).clamp(0, math.ceil(self.m) - 1)
        psi = (1 - 2 * (k % 2)) * torch.cos(self.m * theta) - 2 * k
        target = (self.lam * cos_y + psi) / (1 + self.lam)
        is_y = F.one_hot(labels, cos.size(1)).bool()  # [N, C]
        # A-Softmax scales by the feature norm ‖x‖ (no s).
        logits = features.norm(dim=1, keepdim=True) * torch.where(is_y, target, cos)
        return F.cross_entropy(logits, labels)
`,
	cosface: `# CosFace as SphereLab trains it, with the settings ?loss=cosface&m=0.35&s=16&sub=1
# Target logit: f_y = s·(cos θ_y − m); others s·cos θ_j
import math, torch, torch.nn as nn, torch.nn.functional as F


class CosFaceLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4, s=16.0, m=0.35, sub_centers=1):
        super().__init__()
        self.s, self.m, self.sub_centers = s, m, sub_centers
        # sub_centers rows of weight per class (sub-center ArcFace, Deng et al. 2020).
        self.weight = nn.Parameter(torch.randn(num_classes * sub_centers, in_features))

    def forward(self, features, labels):
        cos = F.linear(F.normalize(features), F.normalize(self.weight))  # [N, C*K] cos θ
        cos = cos.view(len(features), -1, self.sub_centers).amax(2)  # [N, C] nearest sub-center
        cos_y = cos.gather(1, labels[:, None])  # [N, 1] the target class
        target = cos_y - self.m
        is_y = F.one_hot(labels, cos.size(1)).bool()  # [N, C]
        logits = self.s * torch.where(is_y, target, cos)
        return F.cross_entropy(logits, labels)
`,
	arcface: `# ArcFace as SphereLab trains it, with the settings ?loss=arcface&m=0.5&s=16&sub=1
# Target logit: f_y = s·cos(θ_y + m) while θ_y < π − m, else s·(cos θ_y − m·sin m) (insightface's th_mm); others s·cos θ_j
import math, torch, torch.nn as nn, torch.nn.functional as F


class ArcFaceLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4, s=16.0, m=0.5, sub_centers=1):
        super().__init__()
        self.s, self.m, self.sub_centers = s, m, sub_centers
        # sub_centers rows of weight per class (sub-center ArcFace, Deng et al. 2020).
        self.weight = nn.Parameter(torch.randn(num_classes * sub_centers, in_features))

    def forward(self, features, labels):
        cos = F.linear(F.normalize(features), F.normalize(self.weight))  # [N, C*K] cos θ
        cos = cos.view(len(features), -1, self.sub_centers).amax(2)  # [N, C] nearest sub-center
        cos_y = cos.gather(1, labels[:, None])  # [N, 1] the target class
        theta = torch.acos(cos_y.clamp(-1 + 1e-7, 1 - 1e-7))  # [N, 1]
        on_curve = cos_y > math.cos(math.pi - self.m)  # θ_y < π − m
        linear = cos_y - self.m * math.sin(self.m)  # keeps the target decreasing past π − m
        target = torch.where(on_curve, torch.cos(theta + self.m), linear)
        is_y = F.one_hot(labels, cos.size(1)).bool()  # [N, C]
        logits = self.s * torch.where(is_y, target, cos)
        return F.cross_entropy(logits, labels)
`,
	combined: `# Combined margin as SphereLab trains it, with the settings ?loss=combined&m1=1&m2=0.3&m3=0.2&s=16&sub=1
# Target logit: f_y = s·((−1)^k·cos(m1·θ_y + m2) − 2k − m3), k = clamp(⌊(m1·θ_y + m2)/π⌋, 0, ⌈m1 + m2/π⌉ − 1); others s·cos θ_j
import math, torch, torch.nn as nn, torch.nn.functional as F


class CombinedMarginLoss(nn.Module):
    def __init__(self, in_features=2, num_classes=4, s=16.0, m1=1.0, m2=0.3, m3=0.2, sub_centers=1):
        super().__init__()
        self.s, self.m1, self.m2, self.m3 = s, m1, m2, m3
        self.sub_centers = sub_centers
        # sub_centers rows of weight per class (sub-center ArcFace, Deng et al. 2020).
        self.weight = nn.Parameter(torch.randn(num_classes * sub_centers, in_features))

    def forward(self, features, labels):
        cos = F.linear(F.normalize(features), F.normalize(self.weight))  # [N, C*K] cos θ
        cos = cos.view(len(features), -1, self.sub_centers).amax(2)  # [N, C] nearest sub-center
        cos_y = cos.gather(1, labels[:, None])  # [N, 1] the target class
        theta = torch.acos(cos_y.clamp(-1 + 1e-7, 1 - 1e-7))  # [N, 1]
        u = self.m1 * theta + self.m2
        last = max(0, math.ceil(self.m1 + self.m2 / math.pi) - 1)
        k = torch.floor(u / math.pi).clamp(0, last)  # the branch of u, past π as ψ
        target = (1 - 2 * (k % 2)) * torch.cos(u) - 2 * k - self.m3
        is_y = F.one_hot(labels, cos.size(1)).bool()  # [N, C]
        logits = self.s * torch.where(is_y, target, cos)
        return F.cross_entropy(logits, labels)
`
};

describe('pytorchModule at the default settings of each loss', () => {
	for (const loss of LOSS_KINDS) {
		it(loss, () => {
			expect(pytorchModule(optionsOf(loss), 2, 4)).toBe(EXPECTED[loss]);
		});
	}
});

/** The keyword defaults of the constructor: name → Python literal. */
function constructorArgs(code: string): Map<string, string> {
	const sig = /^ {4}def __init__\(self, (.*)\):$/m.exec(code);
	expect(sig, 'one __init__ with keyword defaults').not.toBeNull();
	const args = new Map<string, string>();
	for (const part of sig![1].split(', ')) {
		const m = /^(\w+)=(.+)$/.exec(part);
		expect(m, part).not.toBeNull();
		expect(args.has(m![1]), `${m![1]} once`).toBe(false);
		args.set(m![1], m![2]);
	}
	return args;
}

/** A Python number literal as a number (a float literal must have a point or an exponent). */
function pyNumber(text: string | undefined, float = true): number {
	expect(text).toMatch(float ? /^-?\d+(\.\d+(e-?\d+)?|e-?\d+)$/ : /^\d+$/);
	return Number(text);
}

/** Random raw settings: clamped by the settings table, so every combination is valid. */
function randomOptions(seed: number): TrainerOptions {
	const r = createRng(seed);
	const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)];
	const loss = pick(LOSS_KINDS);
	const raw = {
		loss,
		m: loss === 'asoftmax' ? r.uniform(1, 6) : r.uniform(-0.5, 4),
		s: Math.round(r.uniform(1, 64)),
		m1: r.uniform(1, 4),
		m2: r.uniform(-0.5, 1.2),
		m3: r.uniform(-0.5, 0.8),
		subCenters: 1 + r.int(5),
		mining: pick(['all', 'hard'] as const),
		unitFeatures: r.next() < 0.5,
		pkClasses: 2 + r.int(7),
		pkPerClass: 2 + r.int(31),
		centerLambda: r.uniform(0, 10),
		centerAlpha: r.uniform(0.01, 1),
		lambdaMode: pick(['off', 'fixed', 'official', 'pytorch', 'warmup'] as const),
		lambdaFixed: r.uniform(0, 10000),
		lambdaMin: r.uniform(0, 1000),
		lambdaFloorAt: r.int(3) === 0 ? 0 : 1 + r.int(100000)
	};
	// Rounded values the sliders give, and unrounded ones: both must come back exactly.
	if (r.next() < 0.5)
		for (const k of ['m', 'm1', 'm2', 'm3', 'centerLambda', 'centerAlpha'] as const)
			raw[k] = Math.round(raw[k] * 100) / 100;
	return clampTrainerOptions(raw).options;
}

/** The constants each loss must carry, by constructor argument. */
function constantsOf(o: TrainerOptions): Record<string, number | string | boolean> {
	const sub = { sub_centers: o.subCenters };
	const lam = o.lambdaMode === 'off' ? 0 : o.lambdaMode === 'fixed' ? o.lambdaFixed : o.lambdaMin;
	switch (o.loss) {
		case 'softmax':
			return {};
		case 'modified':
			return sub;
		case 'asoftmax':
			return { m: o.m, lam, ...sub };
		case 'cosface':
		case 'arcface':
			return { s: o.s, m: o.m, ...sub };
		case 'combined':
			return { s: o.s, m1: o.m1, m2: o.m2, m3: o.m3, ...sub };
		case 'contrastive':
			return { margin: o.m, unit_features: o.unitFeatures };
		case 'triplet':
			return { margin: o.m, mining: o.mining, unit_features: o.unitFeatures };
		case 'center':
			return { center_lambda: o.centerLambda, alpha: o.centerAlpha };
	}
}

describe('the constants in the text are the settings', () => {
	it('for 300 random valid settings, each once, as keyword defaults', () => {
		const seen = new Set<LossKind>();
		for (let seed = 1; seed <= 300; seed++) {
			const o = randomOptions(seed);
			seen.add(o.loss);
			const featureDim = 2 + (seed % 15);
			const numClasses = 2 + (seed % 9);
			const code = pytorchModule(o, featureDim, numClasses);
			const args = constructorArgs(code);
			const want = constantsOf(o);
			const weights = !['contrastive', 'triplet'].includes(o.loss);
			const names = [...(weights ? ['in_features', 'num_classes'] : []), ...Object.keys(want)];
			expect([...args.keys()], o.loss).toEqual(names);
			if (weights) {
				expect(pyNumber(args.get('in_features'), false)).toBe(featureDim);
				expect(pyNumber(args.get('num_classes'), false)).toBe(numClasses);
			}
			for (const [name, value] of Object.entries(want)) {
				const text = args.get(name);
				if (typeof value === 'boolean') expect(text).toBe(value ? 'True' : 'False');
				else if (typeof value === 'string') expect(text).toBe(`"${value}"`);
				else expect(pyNumber(text, name !== 'sub_centers'), `${o.loss} ${name}`).toBe(value);
				// Each constant is written once, as a keyword default: the body reads self.<name>.
				const body = code.replace(/^#.*$/gm, '');
				expect(body.match(new RegExp(`(?<![\\w.])${name}=`, 'g')), name).toHaveLength(1);
			}
		}
		expect([...seen].sort()).toEqual([...LOSS_KINDS].sort());
	});

	it("the header's settings give back the same loss and constants", () => {
		for (let seed = 301; seed <= 400; seed++) {
			const o = randomOptions(seed);
			const code = pytorchModule(o, 3, 5);
			const query = /with the settings \?(\S+)$/m.exec(code.split('\n')[0]);
			expect(query).not.toBeNull();
			const back = parseSettings(`?${query![1]}`);
			const round = back.settings.options;
			expect(round.loss).toBe(o.loss);
			expect(constantsOf(round), query![1]).toEqual(constantsOf(o));
		}
	});
});

describe('pytorchModule, case by case', () => {
	it('writes K sub-centers per class as rows of the weight, a class its nearest', () => {
		const code = pytorchModule(optionsOf('arcface', { subCenters: 3 }), 3, 6);
		expect(code).toContain('sub_centers=3):');
		expect(code).toContain('torch.randn(num_classes * sub_centers, in_features)');
		expect(code).toContain('cos.view(len(features), -1, self.sub_centers).amax(2)');
		expect(code).toContain("# θ_j: the angle to the nearest of class j's 3 sub-centers.");
		// One sub-center: no note, the same reshape (K = 1 is the plain head).
		const plain = pytorchModule(optionsOf('arcface'), 3, 6);
		expect(plain).not.toContain('θ_j: the angle');
		expect(plain).toContain('.amax(2)');
	});

	it('gives A-Softmax the fixed λ, or the floor of the schedule with its curve', () => {
		const fixed = pytorchModule(
			optionsOf('asoftmax', { lambdaMode: 'fixed', lambdaFixed: 7 }),
			2,
			4
		);
		expect(fixed).toContain('m=4.0, lam=7.0, sub_centers=1');
		expect(fixed).toContain('?loss=asoftmax&m=4&lambda=fixed&lfixed=7&sub=1');
		const official = pytorchModule(
			optionsOf('asoftmax', { lambdaMode: 'official', lambdaMin: 2 }),
			2,
			4
		);
		expect(official).toContain('lam=2.0');
		expect(official).toContain('λ = max(1000 / (1 + 0.12 * it), lam)');
		expect(official).not.toContain('After step');
		// The pytorch schedule on its own clock: 1500 / (1 + 0.1 it).
		const torchClock = pytorchModule(optionsOf('asoftmax', { lambdaMode: 'pytorch' }), 2, 4);
		expect(torchClock).toContain('λ = max(1500 / (1 + 0.1 * it), lam)');
		// A warm-up to step 300: γ = 0.12 · 1659 / 300 = 0.6636, then λ = 0.
		const warmup = pytorchModule(
			optionsOf('asoftmax', { lambdaMode: 'warmup', lambdaFloorAt: 300 }),
			2,
			4
		);
		expect(warmup).toContain('λ = max(1000 / (1 + 0.6636 * it), lam)');
		expect(warmup).toContain('# After step 300: λ = 0, the pure margin.');
		expect(warmup).toContain('lambda=warmup&lmin=5&lfloor=300');
	});

	it('writes batch-hard triplet mining and unit features when asked', () => {
		const code = pytorchModule(optionsOf('triplet', { mining: 'hard', unitFeatures: true }), 2, 4);
		expect(code).toContain('def __init__(self, margin=1.0, mining="hard", unit_features=True):');
		expect(code).toContain('max_p D_ap − min_n D_an');
	});

	it('is plain Python text: spaces only, 4-space indents, one class, a final newline', () => {
		for (let seed = 401; seed <= 450; seed++) {
			const code = pytorchModule(randomOptions(seed), 2, 4);
			expect(code).not.toContain('\t');
			expect(code.endsWith('\n')).toBe(true);
			expect(code.match(/^class \w+Loss\(nn\.Module\):$/gm)).toHaveLength(1);
			for (const line of code.split('\n')) expect(/^( *)/.exec(line)![1].length % 4).toBe(0);
			expect(code).toContain('\nimport math, torch, torch.nn as nn, torch.nn.functional as F\n');
		}
	});
});

describe('pyFloat', () => {
	it.each([
		[16, '16.0'],
		[0.35, '0.35'],
		[-0.5, '-0.5'],
		[0, '0.0'],
		[1e-7, '1e-7'],
		[0.30000000000000004, '0.30000000000000004']
	])('%s → %s', (x, text) => expect(pyFloat(x)).toBe(text));
});
