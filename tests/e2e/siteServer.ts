/**
 * A static host for one built site whose files can be swapped while it runs: the offline
 * tests serve a build, then a newer one at the same origin, as a redeploy would. It answers
 * like a static host (adapter-static's output): `/compare` from `compare.html`, a directory
 * from its `index.html`, 404 otherwise. Only for tests; it listens on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.bin': 'application/octet-stream'
};

export interface SiteServer {
	/** The origin, e.g. http://127.0.0.1:41234. */
	origin: string;
	/** Serve this directory from now on (the next request sees it). */
	serve(dir: string): void;
	close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
	return stat(path).then(
		(s) => s.isFile(),
		() => false
	);
}

export async function startSiteServer(dir: string): Promise<SiteServer> {
	let root = dir;
	const server: Server = createServer((req, res) => {
		void (async () => {
			const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
			if (path.includes('..')) return res.writeHead(400).end();
			const base = join(root, path);
			for (const file of [base, `${base}.html`, join(base, 'index.html')]) {
				if (!(await isFile(file))) continue;
				res.writeHead(200, {
					'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
					'cache-control': 'no-cache'
				});
				return res.end(await readFile(file));
			}
			res.writeHead(404).end('not found');
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('site server: no port');
	return {
		origin: `http://127.0.0.1:${address.port}`,
		serve: (next) => {
			root = next;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
