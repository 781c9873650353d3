/**
 * Exports a figure made of stacked panels (canvases and SVG overlays, layered) as one
 * SVG file or one PNG image. Class-based CSS does not travel with a standalone SVG, so the
 * overlays are cloned with their computed presentation styles inlined; canvases travel as
 * embedded bitmaps.
 */

/** Presentation properties copied from computed styles onto exported SVG elements. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'font-size',
	'font-weight',
	'font-family',
	'text-anchor',
	'dominant-baseline',
	'paint-order'
];

/** One panel: its layers, bottom first (canvases and SVGs of the same logical viewBox). */
export interface FigurePanel {
	layers: (HTMLCanvasElement | SVGSVGElement)[];
}

/** A standalone copy of `svg` with computed styles inlined. */
function inlineStyles(svg: SVGSVGElement): SVGSVGElement {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const source = [svg, ...svg.querySelectorAll('*')];
	const target = [copy, ...copy.querySelectorAll('*')];
	source.forEach((el, i) => {
		const cs = getComputedStyle(el);
		const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
		(target[i] as SVGElement).setAttribute('style', style);
	});
	return copy;
}

/**
 * The panels side by side as one SVG document (string), each `size` × `size` user units:
 * canvases as embedded PNGs, SVG layers with their styles inlined, in their order.
 */
export function figureSvg(panels: FigurePanel[], size = 400, gap = 16): string {
	const ns = 'http://www.w3.org/2000/svg';
	const doc = document.createElementNS(ns, 'svg');
	const width = panels.length * size + (panels.length - 1) * gap;
	doc.setAttribute('xmlns', ns);
	doc.setAttribute('viewBox', `0 0 ${width} ${size}`);
	doc.setAttribute('width', String(width));
	doc.setAttribute('height', String(size));
	panels.forEach((p, i) => {
		const g = document.createElementNS(ns, 'g');
		g.setAttribute('transform', `translate(${i * (size + gap)},0)`);
		const bg = document.createElementNS(ns, 'rect');
		bg.setAttribute('width', String(size));
		bg.setAttribute('height', String(size));
		bg.setAttribute('fill', 'white');
		g.append(bg);
		for (const layer of p.layers) {
			let el: SVGElement;
			if (layer instanceof HTMLCanvasElement) {
				el = document.createElementNS(ns, 'image');
				el.setAttribute('href', layer.toDataURL('image/png'));
			} else el = inlineStyles(layer);
			el.setAttribute('width', String(size));
			el.setAttribute('height', String(size));
			g.append(el);
		}
		doc.append(g);
	});
	return new XMLSerializer().serializeToString(doc);
}

/** Renders the figure SVG to a PNG blob at `scale` × its size. */
export async function figurePng(panels: FigurePanel[], scale = 2): Promise<Blob> {
	const svg = figureSvg(panels);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.width * scale;
		canvas.height = img.height * scale;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('No 2D canvas to render the PNG.');
		ctx.fillStyle = 'white';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Starts a download of `blob` as `filename`. */
export function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
