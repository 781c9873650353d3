import { describe, expect, it } from 'vitest';
import { linkReach } from '../../src/lib/state/linkReach';

describe('linkReach', () => {
	it.each([
		['http://localhost:5173/?m=4', 'local'],
		['http://127.0.0.1:4173/', 'local'],
		['http://127.8.9.10/', 'local'],
		['http://[::1]:5173/', 'local'],
		['http://app.localhost/', 'local'],
		['http://0.0.0.0:5173/', 'local'],
		['http://10.0.0.5:5173/', 'private'],
		['http://172.16.1.2/', 'private'],
		['http://172.31.255.255/', 'private'],
		['http://192.168.1.20:5173/', 'private'],
		['http://169.254.3.4/', 'private'],
		['http://[fd12:3456::1]/', 'private'],
		['http://[fe80::1]/', 'private'],
		['http://lecturer-laptop.local:5173/', 'private'],
		['https://spherelab.example.org/?m=4', null],
		['http://172.32.0.1/', null],
		['http://8.8.8.8/', null],
		['not a url', null]
	])('%s → %s', (url, reach) => {
		expect(linkReach(url)).toBe(reach);
	});
});
