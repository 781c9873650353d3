/**
 * The feature sphere (three.js): features of a 3D run on the unit sphere as one `Points`
 * buffer updated in place, the class weights as arrows, and the class regions and margin
 * bands painted per pixel by a fragment shader from W, the loss, m and λ (uniforms, so
 * dragging m repaints at once). Orbit, zoom and touch via OrbitControls; auto-rotate for
 * the projector. One renderer per mount; everything is disposed on dispose().
 *
 * Frames are drawn on demand, as threlte's scheduler does: a change (snapshot, margin or
 * settings, resize, a restored context) asks for one frame; orbiting asks for frames while
 * OrbitControls reports the camera moving ('change', which also covers damping settling and
 * auto-rotate); a still, paused sphere draws nothing. The canvas counts its renders in
 * `data-renders` (the browser tests read it).
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CSS2DObject, CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import { regionsMaterial } from './sphereMaterials';
import {
	ARROW_LENGTH,
	setRegionUniforms,
	syncArrows,
	syncPoints,
	type SpherePoints
} from './sphereScene';
import { prefersReducedMotion } from './motion';
import { classNumber, COLOURED_CLASSES, manyClasses } from './palette';
import { fitDistance } from './cameraFit';
import type { Snapshot } from '../model/snapshot';

/**
 * Radius of a sphere around everything drawn: the arrow tips, with 5 % room so the heads do
 * not touch the edge (the labels' centres, LABEL_REACH, sit just past the heads). Projected points lie at 1.012; raw-norm points are scaled to 1.6 / 1.15
 * ≈ 1.39 at their 98th percentile (see syncPoints), so inside it too.
 */
const SCENE_RADIUS = ARROW_LENGTH * 1.05;
/** Direction from the centre to the camera of the initial (and reset) view. */
const VIEW_DIR = new THREE.Vector3(2.2, 1.4, 2.6).normalize();

/** Where a class label sits along its arrow (× ARROW_LENGTH): just past the head. */
const LABEL_REACH = 1.06;

/**
 * Whether the segment from the camera at `eye` to the point `p` passes through the unit
 * sphere (so a label at `p` sits behind it).
 */
export function hiddenBySphere(eye: THREE.Vector3, p: THREE.Vector3): boolean {
	const d = p.clone().sub(eye);
	const a = d.dot(d);
	const b = 2 * eye.dot(d);
	const c = eye.dot(eye) - 1;
	const disc = b * b - 4 * a * c;
	if (disc < 0 || a === 0) return false;
	const t = (-b - Math.sqrt(disc)) / (2 * a);
	return t > 0 && t < 1;
}

/** What went wrong, in words for the page (null: all is well). */
export type SphereProblem = 'no-webgl' | 'context-lost' | null;

export class SphereView {
	private renderer: THREE.WebGLRenderer | null = null;
	private scene = new THREE.Scene();
	private camera = new THREE.PerspectiveCamera(40, 1, 0.1, 100);
	private controls: OrbitControls | null = null;
	private sphere: THREE.Mesh<THREE.SphereGeometry, THREE.ShaderMaterial> | null = null;
	private points: SpherePoints | null = null;
	private arrows: THREE.ArrowHelper[] = [];
	/** The class labels (W_i) at the arrow tips, as HTML over the canvas. */
	private labelRenderer: CSS2DRenderer | null = null;
	private classLabels: CSS2DObject[] = [];
	private container: HTMLElement | null = null;
	private observer: ResizeObserver | null = null;
	private raw = false;
	private snapshot: Snapshot | null = null;
	private labels: Int32Array | null = null;
	private split: Uint8Array | null = null;
	/** Pending animation frame (0: none): at most one render is ever queued. */
	private frame = 0;
	/** Renders so far, mirrored in the canvas's data-renders attribute. */
	private renders = 0;
	/** Camera distance that frames SCENE_RADIUS at the current size (see resize). */
	private fit = 1;
	/** CSS size the renderer was last set to (resize does nothing when it is unchanged). */
	private size = { w: -1, h: -1 };
	/** The recognition views: rows marked 1 in identity colours, the rest faint (see syncPoints). */
	highlight: Uint8Array | null = null;
	/** Called when the view's problem state changes (WebGL missing, context lost/restored). */
	onProblem: ((p: SphereProblem) => void) | null = null;

	/** Creates the renderer in `container`; reports 'no-webgl' instead of throwing. */
	mount(container: HTMLElement): void {
		this.container = container;
		try {
			this.renderer = new THREE.WebGLRenderer({
				antialias: true,
				alpha: true,
				preserveDrawingBuffer: true
			});
		} catch {
			this.onProblem?.('no-webgl');
			return;
		}
		const r = this.renderer;
		r.setPixelRatio(Math.min(2, globalThis.devicePixelRatio ?? 1));
		container.append(r.domElement);
		this.labelRenderer = new CSS2DRenderer();
		const labels = this.labelRenderer.domElement;
		labels.classList.add('sphere-labels');
		Object.assign(labels.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
		container.append(labels);
		r.domElement.addEventListener('webglcontextlost', this.lost);
		r.domElement.addEventListener('webglcontextrestored', this.restored);
		// At distance `fit` = 1 for now: resize() scales it to the distance that frames the scene.
		this.camera.position.copy(VIEW_DIR);
		this.controls = new OrbitControls(this.camera, r.domElement);
		this.controls.enableDamping = !prefersReducedMotion();
		this.controls.minDistance = 1.6;
		this.controls.autoRotateSpeed = 1.2;
		this.controls.saveState();
		// Fired by the controls whenever the camera moved: while dragging, while damping
		// settles, while auto-rotating, on zoom and on reset.
		this.controls.addEventListener('change', this.invalidate);
		this.sphere = new THREE.Mesh(new THREE.SphereGeometry(1, 96, 64), regionsMaterial());
		this.scene.add(this.sphere);
		this.observer = new ResizeObserver(() => this.resize());
		this.observer.observe(container);
		this.resize();
		this.invalidate();
	}

	/** Asks for one render on the next animation frame (several requests share one frame). */
	invalidate = (): void => {
		if (!this.frame && this.renderer) this.frame = requestAnimationFrame(this.tick);
	};

	/** Renders one frame. controls.update() steps damping and auto-rotate; when that moves the
	 * camera it fires 'change', which queues the next frame, so motion keeps frames coming
	 * until it settles. */
	private tick = (): void => {
		this.frame = 0;
		const r = this.renderer;
		if (!r) return;
		this.controls?.update();
		r.render(this.scene, this.camera);
		for (const l of this.classLabels)
			l.element.classList.toggle('behind', hiddenBySphere(this.camera.position, l.position));
		this.labelRenderer?.render(this.scene, this.camera);
		r.domElement.dataset.renders = String(++this.renders);
	};

	/** New training state; cheap (buffers are updated in place). */
	update(snapshot: Snapshot | null, labels: Int32Array | null, split: Uint8Array | null): void {
		this.snapshot = snapshot;
		this.labels = labels;
		this.split = split;
		if (!snapshot || snapshot.featureDim !== 3 || !this.sphere) return;
		setRegionUniforms(this.sphere.material, snapshot, this.raw);
		this.points = syncPoints(
			this.scene,
			this.points,
			snapshot,
			this.raw,
			this.labels,
			this.split,
			this.highlight
		);
		syncArrows(this.scene, this.arrows, snapshot, snapshot.numClasses);
		this.syncLabels(snapshot);
		this.invalidate();
	}

	/** One label per coloured class (W1, W2…), just past its arrow's head. */
	private syncLabels(s: Snapshot): void {
		const many = manyClasses(s.weightClasses);
		const n = many ? Math.min(COLOURED_CLASSES, s.numClasses) : s.numClasses;
		while (this.classLabels.length > n) this.classLabels.pop()!.removeFromParent();
		for (let j = 0; j < n; j++) {
			let label = this.classLabels[j];
			if (!label) {
				const el = document.createElement('span');
				el.className = 'sphere-label';
				label = new CSS2DObject(el);
				this.classLabels.push(label);
				this.scene.add(label);
			}
			label.element.textContent = `W${classNumber(s.weightClasses[j], s.inputDim)}`;
			const dir = new THREE.Vector3().fromArray(s.weights, 3 * j);
			const len = dir.length();
			if (!(len > 0) || !Number.isFinite(len)) label.visible = false;
			else {
				label.visible = true;
				label.position.copy(dir.multiplyScalar((ARROW_LENGTH * LABEL_REACH) / len));
			}
		}
	}

	/** Adds a host's overlay (the host disposes what it holds) and draws it. */
	addOverlay(object: THREE.Object3D): void {
		this.scene.add(object);
		this.invalidate();
	}

	/**
	 * The row among `rows` whose direction is drawn nearest to the client point (px), within
	 * `reach` px and on the near side of the sphere; −1 if none is.
	 */
	pick(clientX: number, clientY: number, rows: Iterable<number>, reach = 16): number {
		const s = this.snapshot;
		const el = this.renderer?.domElement;
		if (!s || s.featureDim !== 3 || !el) return -1;
		const box = el.getBoundingClientRect();
		const p = new THREE.Vector3();
		let best = -1;
		let bestD = reach * reach;
		for (const r of rows) {
			p.fromArray(s.features, 3 * r);
			const n = p.length();
			if (!(n > 0) || !Number.isFinite(n)) continue;
			p.multiplyScalar(1.012 / n);
			if (hiddenBySphere(this.camera.position, p)) continue;
			p.project(this.camera);
			const x = box.left + ((p.x + 1) / 2) * box.width;
			const y = box.top + ((1 - p.y) / 2) * box.height;
			const d = (x - clientX) ** 2 + (y - clientY) ** 2;
			if (d < bestD) {
				bestD = d;
				best = r;
			}
		}
		return best;
	}

	/** Shows features at their own radius (scaled to fit) instead of projected on the sphere. */
	setRaw(raw: boolean): void {
		this.raw = raw;
		this.update(this.snapshot, this.labels, this.split);
	}

	/** Turns auto-rotate on or off; once started it keeps itself going through 'change'. */
	setAutoRotate(on: boolean): void {
		if (this.controls) this.controls.autoRotate = on && !prefersReducedMotion();
		this.invalidate();
	}

	resetView(): void {
		this.controls?.reset();
	}

	/**
	 * Follows the container's size and keeps the whole scene in view: the camera distance is
	 * the one at which the bounding sphere (SCENE_RADIUS) fits both the height and the width
	 * of the canvas (fitDistance). The camera's current distance is scaled by the same factor,
	 * so a zoom the reader chose is kept relative to the fit; reset returns to the fit.
	 */
	resize(): void {
		const el = this.container;
		const controls = this.controls;
		if (!el || !this.renderer || !controls) return;
		const w = el.clientWidth;
		const h = el.clientHeight || w;
		if (w === this.size.w && h === this.size.h) return;
		this.size = { w, h };
		this.renderer.setSize(w, h, false);
		this.labelRenderer?.setSize(w, h);
		this.renderer.domElement.style.width = '100%';
		this.renderer.domElement.style.height = '100%';
		this.camera.aspect = w / Math.max(1, h);
		this.camera.updateProjectionMatrix();
		const fit = fitDistance(SCENE_RADIUS, this.camera.fov, this.camera.aspect);
		const offset = this.camera.position.clone().sub(controls.target);
		this.camera.position.copy(controls.target).addScaledVector(offset, fit / this.fit);
		controls.position0.copy(controls.target0).addScaledVector(VIEW_DIR, fit);
		controls.maxDistance = Math.max(12, 3 * fit);
		this.fit = fit;
		controls.update();
		this.invalidate(); // a resized canvas is blank
	}

	/** GPU memory still held (geometries, textures): 0 after dispose() of everything but the renderer. */
	memory(): { geometries: number; textures: number } {
		const m = this.renderer?.info.memory;
		return { geometries: m?.geometries ?? 0, textures: m?.textures ?? 0 };
	}

	dispose(): void {
		this.observer?.disconnect();
		if (this.frame) cancelAnimationFrame(this.frame);
		this.frame = 0;
		this.controls?.removeEventListener('change', this.invalidate);
		this.controls?.dispose();
		for (const a of this.arrows) a.dispose();
		this.arrows = [];
		for (const l of this.classLabels) l.removeFromParent();
		this.classLabels = [];
		this.labelRenderer?.domElement.remove();
		this.labelRenderer = null;
		this.sphere?.geometry.dispose();
		this.sphere?.material.dispose();
		this.points?.geometry.dispose();
		this.points?.material.dispose();
		this.scene.clear();
		if (this.renderer) {
			// Every geometry and texture this view made is released by now; say so loudly if not
			// (the browser tests fail on console errors, so a leak cannot land unnoticed).
			const left = this.renderer.info.memory;
			if (left.geometries > 0 || left.textures > 0) {
				console.error(
					`SphereView leaked GPU memory: ${left.geometries} geometries, ${left.textures} textures`
				);
			}
			this.renderer.domElement.removeEventListener('webglcontextlost', this.lost);
			this.renderer.domElement.removeEventListener('webglcontextrestored', this.restored);
			this.renderer.dispose();
			this.renderer.domElement.remove();
		}
		this.renderer = null;
		this.sphere = null;
		this.points = null;
		this.controls = null;
	}

	private lost = (e: Event) => {
		e.preventDefault(); // ask the browser to restore the context
		this.onProblem?.('context-lost');
	};

	private restored = () => {
		this.onProblem?.(null);
		this.update(this.snapshot, this.labels, this.split);
		this.invalidate(); // also without a snapshot: the restored canvas is blank
	};
}
