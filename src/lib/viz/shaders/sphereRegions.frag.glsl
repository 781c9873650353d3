// Class regions on the unit sphere, exact per pixel: a direction p belongs to class i when
// the head's target for i, t_i(θ_i), beats cos θ_j for every other class j (the margin rule);
// where no class wins with its margin, p lies in the margin band. For A-Softmax trained with
// λ > 0 (uNominal = 1), the band that m alone would give (λ = 0) is shaded too, paler: the
// wedge λ lets training enforce is narrower than the nominal one. Where two classes both win
// (a negative margin), p lies in their overlap: striped in both colours.
precision highp float;

#define MAX_CLASSES 10

uniform vec3 uW[MAX_CLASSES];     // unit class weights
uniform vec3 uColor[MAX_CLASSES];
uniform int uCount;
uniform int uKind;                // 0 softmax/modified (argmax), 2 asoftmax, 3 cosface, 4 arcface, 5 combined
uniform float uM;
uniform vec3 uM123;               // the combined head's m1, m2, m3
uniform float uLambda;
uniform float uNominal;           // 1: also shade the nominal band (the rule at λ = 0)
uniform vec3 uBand;               // colour of the margin band
uniform float uOpacity;

varying vec3 vDir;

const float PI = 3.141592653589793;

// The target curve of class i at angle theta, for A-Softmax at blend `lambda` (see
// src/lib/math/psi.ts: targetCurve).
float target(float c, float lambda) {
	float theta = acos(clamp(c, -1.0, 1.0));
	if (uKind == 2) {
		float k = min(floor(uM * theta / PI), ceil(uM) - 1.0);
		float sgn = mod(k, 2.0) < 0.5 ? 1.0 : -1.0;
		float psi = sgn * cos(uM * theta) - 2.0 * k;
		return (lambda * c + psi) / (1.0 + lambda);
	}
	if (uKind == 3) return c - uM;
	if (uKind == 4) return c > cos(PI - uM) ? cos(theta + uM) : c - uM * sin(uM);
	if (uKind == 5) {
		// psi.ts combinedTarget: (−1)^k cos(m1θ + m2) − 2k − m3, k = clamp(⌊u/π⌋, 0, ⌈m1 + m2/π⌉ − 1).
		float u = uM123.x * theta + uM123.y;
		float k = clamp(floor(u / PI), 0.0, max(0.0, ceil(uM123.x + uM123.y / PI) - 1.0));
		float sgn = mod(k, 2.0) < 0.5 ? 1.0 : -1.0;
		return sgn * cos(u) - 2.0 * k - uM123.z;
	}
	return c;
}

void main() {
	vec3 p = normalize(vDir);
	vec3 color = uBand;
	bool owned = false;
	bool ownedNominal = false;
	vec3 firstColor = uBand;
	int owners = 0;
	for (int i = 0; i < MAX_CLASSES; i++) {
		if (i >= uCount) break;
		float c = dot(p, uW[i]);
		float best = -1e9;
		for (int j = 0; j < MAX_CLASSES; j++) {
			if (j >= uCount) break;
			if (j != i) best = max(best, dot(p, uW[j]));
		}
		if (target(c, uLambda) > best) {
			if (owners == 0) firstColor = uColor[i];
			color = uColor[i];
			owned = true;
			owners++;
		}
		if (uNominal > 0.5 && target(c, 0.0) > best) ownedNominal = true;
	}
	// Owned at λ but not at λ = 0: inside the nominal band only, a pale band in the class's tint.
	if (uNominal > 0.5 && owned && !ownedNominal) color = mix(color, uBand, 0.6);
	// Two winners: an overlap, striped in the first winner's colour and the last's.
	if (owners > 1 && fract((p.x + p.y + p.z) * 18.0) < 0.5) color = firstColor;
	// A little shading so the sphere reads as round.
	float light = 0.78 + 0.22 * max(dot(p, normalize(vec3(0.4, 0.7, 0.6))), 0.0);
	gl_FragColor = vec4(mix(vec3(1.0), color, 0.55) * light, uOpacity);
}
