precision mediump float;
varying vec3 vColor;

void main() {
	// Round sprites with a dark rim.
	vec2 d = gl_PointCoord - vec2(0.5);
	float r = length(d);
	if (r > 0.5) discard;
	gl_FragColor = vec4(r > 0.38 ? vColor * 0.45 : vColor, 1.0);
}
