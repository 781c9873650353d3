/**
 * The recognition views' marks on the feature sphere (three.js): the cap of τ around a
 * feature (every direction within arccos τ of it: "same person"), its rim, and the picked
 * points (A, B or the probe P, and the gallery's best match) as small balls with a letter and
 * a ray from the centre; on the feature sphere, a picked point's push arrow. One group, added to a SphereView with `addOverlay`; `set` rebuilds
 * only what changed, `dispose` frees every geometry and material it made.
 */
import * as THREE from 'three';
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import { capRim, clampTau } from '../math/recognitionView';

export interface SphereMark {
	/** A feature (any length; drawn at its direction). */
	at: readonly number[];
	label: string;
	color: string;
}

export interface SphereMarksState {
	cap: { center: readonly number[]; tau: number } | null;
	marks: SphereMark[];
	/** An arrow from the point at `at` (drawn at its direction) along `dir`, `length` long. */
	arrow?: { at: readonly number[]; dir: readonly number[]; length: number } | null;
}

/** The push arrow's colour: the feature circle's violet (PointArrow). */
const ARROW_COLOR = 0x7c3aed;

const UP = new THREE.Vector3(0, 1, 0);
const CAP_COLOR = '#1f4e79';

export class SphereMarks {
	readonly group = new THREE.Group();
	private cap: THREE.Mesh<THREE.SphereGeometry, THREE.MeshBasicMaterial> | null = null;
	private capAngle = NaN;
	private rim: THREE.LineLoop<THREE.BufferGeometry, THREE.LineBasicMaterial> | null = null;
	private items: { ball: THREE.Mesh; ray: THREE.Line; tag: CSS2DObject }[] = [];
	private ballGeometry = new THREE.SphereGeometry(0.04, 16, 12);
	private arrow: THREE.ArrowHelper | null = null;

	set(state: SphereMarksState): void {
		this.setCap(state.cap);
		this.setMarks(state.marks);
		this.setArrow(state.arrow ?? null);
	}

	private setArrow(arrow: SphereMarksState['arrow']): void {
		const at = arrow ? new THREE.Vector3(arrow.at[0], arrow.at[1], arrow.at[2]) : null;
		const dir = arrow ? new THREE.Vector3(arrow.dir[0], arrow.dir[1], arrow.dir[2]) : null;
		const ok =
			arrow &&
			at &&
			dir &&
			at.length() > 0 &&
			dir.length() > 0 &&
			Number.isFinite(at.length() + dir.length()) &&
			arrow.length > 0;
		if (!ok) {
			if (this.arrow) this.arrow.visible = false;
			return;
		}
		at.normalize().multiplyScalar(1.02);
		dir.normalize();
		if (!this.arrow) {
			this.arrow = new THREE.ArrowHelper(dir, at, arrow.length, ARROW_COLOR, 0.08, 0.05);
			this.group.add(this.arrow);
		}
		this.arrow.position.copy(at);
		this.arrow.setDirection(dir);
		this.arrow.setLength(arrow.length, Math.min(0.08, arrow.length * 0.5), 0.05);
		this.arrow.visible = true;
	}

	private setCap(cap: SphereMarksState['cap']): void {
		const dir = cap ? new THREE.Vector3(cap.center[0], cap.center[1], cap.center[2]) : null;
		const len = dir?.length() ?? 0;
		if (!cap || !dir || !(len > 0) || !Number.isFinite(len)) {
			if (this.cap) this.cap.visible = false;
			if (this.rim) this.rim.visible = false;
			return;
		}
		dir.divideScalar(len);
		const alpha = Math.acos(clampTau(cap.tau));
		if (!this.cap) {
			const material = new THREE.MeshBasicMaterial({
				color: CAP_COLOR,
				transparent: true,
				opacity: 0.28,
				depthWrite: false,
				side: THREE.DoubleSide
			});
			this.cap = new THREE.Mesh(
				new THREE.SphereGeometry(1.006, 48, 16, 0, 2 * Math.PI, 0, 0.01),
				material
			);
			this.group.add(this.cap);
		}
		if (alpha !== this.capAngle) {
			this.capAngle = alpha;
			this.cap.geometry.dispose();
			this.cap.geometry = new THREE.SphereGeometry(
				1.006,
				48,
				16,
				0,
				2 * Math.PI,
				0,
				Math.max(1e-3, alpha)
			);
		}
		this.cap.quaternion.setFromUnitVectors(UP, dir);
		this.cap.visible = true;
		const rim = capRim([dir.x, dir.y, dir.z], cap.tau, 96).map(
			(p) => new THREE.Vector3(p[0] * 1.01, p[1] * 1.01, p[2] * 1.01)
		);
		if (!this.rim) {
			this.rim = new THREE.LineLoop(
				new THREE.BufferGeometry(),
				new THREE.LineBasicMaterial({ color: CAP_COLOR })
			);
			this.group.add(this.rim);
		}
		this.rim.geometry.setFromPoints(rim);
		this.rim.visible = true;
	}

	private setMarks(marks: SphereMark[]): void {
		while (this.items.length > marks.length) this.remove(this.items.pop()!);
		marks.forEach((m, k) => {
			let item = this.items[k];
			if (!item) {
				const ball = new THREE.Mesh(this.ballGeometry, new THREE.MeshBasicMaterial());
				const ray = new THREE.Line(
					new THREE.BufferGeometry(),
					new THREE.LineBasicMaterial({ color: '#24292f' })
				);
				const el = document.createElement('span');
				el.className = 'sphere-label recog-tag';
				const tag = new CSS2DObject(el);
				item = { ball, ray, tag };
				this.items.push(item);
				this.group.add(ball, ray, tag);
			}
			const dir = new THREE.Vector3(m.at[0], m.at[1], m.at[2]);
			const len = dir.length();
			const ok = len > 0 && Number.isFinite(len);
			item.ball.visible = item.ray.visible = item.tag.visible = ok;
			if (!ok) return;
			dir.divideScalar(len);
			(item.ball.material as THREE.MeshBasicMaterial).color.set(m.color);
			item.ball.position.copy(dir).multiplyScalar(1.02);
			item.ray.geometry.setFromPoints([new THREE.Vector3(), dir.clone().multiplyScalar(1.02)]);
			item.tag.element.textContent = m.label;
			item.tag.position.copy(dir).multiplyScalar(1.16);
		});
	}

	private remove(item: { ball: THREE.Mesh; ray: THREE.Line; tag: CSS2DObject }): void {
		(item.ball.material as THREE.Material).dispose();
		item.ray.geometry.dispose();
		(item.ray.material as THREE.Material).dispose();
		item.tag.element.remove();
		this.group.remove(item.ball, item.ray, item.tag);
	}

	dispose(): void {
		this.arrow?.dispose();
		this.arrow = null;
		while (this.items.length) this.remove(this.items.pop()!);
		this.ballGeometry.dispose();
		this.cap?.geometry.dispose();
		this.cap?.material.dispose();
		this.rim?.geometry.dispose();
		this.rim?.material.dispose();
		this.group.removeFromParent();
	}
}
