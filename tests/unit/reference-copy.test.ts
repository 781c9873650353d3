/**
 * The repository's copy of the reference (tests/fixtures/reference/) must stay byte-identical
 * to ../shared/reference/ whenever that folder is beside the repository; a clone on its own
 * has no ../shared/ and checks only that its copy is complete and parses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, sharedDir } from './reference';

const FILES = ['vectors.json', 'metric_losses.json', 'README.md'];

describe('the reference copy', () => {
	it('holds every file the tests read, and the JSON parses', () => {
		for (const f of FILES) expect(existsSync(join(fixtureDir, f)), f).toBe(true);
		const vectors = JSON.parse(readFileSync(join(fixtureDir, 'vectors.json'), 'utf8'));
		expect(vectors.cases.length).toBeGreaterThan(0);
		const metric = JSON.parse(readFileSync(join(fixtureDir, 'metric_losses.json'), 'utf8'));
		expect(Object.keys(metric).length).toBeGreaterThan(0);
	});

	it('is byte-identical to ../shared/reference/ when that folder exists', () => {
		if (!existsSync(sharedDir)) {
			// A user's clone: nothing to compare against; the copy is the reference.
			expect(existsSync(fixtureDir)).toBe(true);
			return;
		}
		const shared = readdirSync(sharedDir).filter((f) => !f.startsWith('.'));
		const copied = readdirSync(fixtureDir).filter((f) => !f.startsWith('.'));
		expect(copied.sort()).toEqual(shared.sort());
		for (const f of shared) {
			const a = readFileSync(join(sharedDir, f));
			const b = readFileSync(join(fixtureDir, f));
			expect(b.equals(a), `${f} differs from ../shared/reference/${f}`).toBe(true);
		}
	});
});
