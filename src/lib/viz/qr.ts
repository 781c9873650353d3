/**
 * A QR code as one SVG path: the dark modules of `uqr`'s matrix (MIT, no dependencies) as
 * unit squares, merged along each row, with a quiet zone of four modules as the standard asks.
 * Drawn by the share dialog, large enough to scan from the back of a classroom.
 */
import { encode } from 'uqr';

export interface QrPath {
	/** Modules per side, quiet zone included: the SVG's viewBox is 0 0 size size. */
	size: number;
	/** The dark modules as an SVG path in module units. */
	d: string;
}

/** The QR code of `text` (error correction M: a projector's glare and a phone's angle). */
export function qrPath(text: string): QrPath {
	const qr = encode(text, { ecc: 'M', border: 4 });
	const parts: string[] = [];
	qr.data.forEach((row, y) => {
		for (let x = 0; x < row.length; x++) {
			if (!row[x]) continue;
			let run = 1;
			while (x + run < row.length && row[x + run]) run++;
			parts.push(`M${x} ${y}h${run}v1h-${run}z`);
			x += run - 1;
		}
	});
	return { size: qr.size, d: parts.join('') };
}
