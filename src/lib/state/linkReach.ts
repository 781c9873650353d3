/**
 * Whether students' phones can open a link: a page served from this computer (localhost,
 * 127.0.0.1, ::1) or from a private network address (10.x, 172.16–31.x, 192.168.x, link-local,
 * `.local` names) is not reachable from the internet, so a QR code of it would fail for most
 * phones in a class. Pure TypeScript over URL text; never throws.
 */

/** 'local': this computer only; 'private': this network only; null: a public address. */
export type LinkReach = 'local' | 'private' | null;

/** How far a link reaches, from its host name (a malformed URL counts as public: no warning). */
export function linkReach(url: string): LinkReach {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return null;
	}
	const bare = host.replace(/^\[|\]$/g, '');
	if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || bare === '0.0.0.0')
		return 'local';
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bare);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		if (a === 127) return 'local';
		if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
		if (a === 169 && b === 254) return 'private';
		return null;
	}
	// IPv6 unique-local (fc00::/7) and link-local (fe80::/10) addresses; mDNS names.
	if (/^f[cd][0-9a-f]{0,2}:/.test(bare) || /^fe[89ab][0-9a-f]?:/.test(bare)) return 'private';
	if (bare.endsWith('.local')) return 'private';
	return null;
}
