'use strict';
// A small client for the REST API of a started n8n: owner setup, login cookie, JSON requests.
// n8n ties its auth cookie to a `browser-id` header, so every request sends the same one.

const http = require('node:http');

const OWNER = {
	email: 'owner@e2e.example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd!',
};

class RestClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/+$/, '');
		this.cookies = {};
		this.browserId = 'esign-users-e2e-browser';
	}

	request(method, path, body, { headers = {}, timeoutMs = 60000 } = {}) {
		const url = new URL(path, this.baseUrl);
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const cookie = Object.entries(this.cookies)
			.map(([k, v]) => `${k}=${v}`)
			.join('; ');
		return new Promise((resolve, reject) => {
			const req = http.request(
				url,
				{
					method,
					timeout: timeoutMs,
					headers: {
						accept: 'application/json',
						'browser-id': this.browserId,
						...(cookie ? { cookie } : {}),
						...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
						...headers,
					},
				},
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (d) => (text += d));
					res.on('end', () => {
						for (const line of [].concat(res.headers['set-cookie'] || [])) {
							const [pair] = line.split(';');
							const eq = pair.indexOf('=');
							if (eq > 0) this.cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
						}
						let json;
						try {
							json = text ? JSON.parse(text) : undefined;
						} catch {
							json = undefined;
						}
						resolve({ status: res.statusCode, headers: res.headers, text, json });
					});
				},
			);
			req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
			req.on('error', reject);
			if (payload) req.write(payload);
			req.end();
		});
	}

	async json(method, path, body, opts) {
		const res = await this.request(method, path, body, opts);
		if (res.status < 200 || res.status >= 300) {
			throw new Error(`${method} ${path} → HTTP ${res.status}: ${res.text.slice(0, 500)}`);
		}
		// n8n's REST API wraps payloads in { data }
		return res.json && typeof res.json === 'object' && 'data' in res.json ? res.json.data : res.json;
	}

	get(path, opts) {
		return this.json('GET', path, undefined, opts);
	}

	post(path, body, opts) {
		return this.json('POST', path, body, opts);
	}

	/** Sets up the instance owner (first start of a fresh database) or logs in; leaves the auth cookie in the jar. */
	async login(owner = OWNER) {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status >= 200 && setup.status < 300) return setup.json?.data;
		const login = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (login.status >= 200 && login.status < 300) return login.json?.data;
		throw new Error(`owner setup failed (HTTP ${setup.status}: ${setup.text.slice(0, 300)}) and login failed (HTTP ${login.status}: ${login.text.slice(0, 300)})`);
	}

	/**
	 * Runs a stored credential's `test` request the way the editor's credential modal does: it loads the
	 * credential (secrets come back redacted), then POSTs /rest/credentials/test with that data, which
	 * n8n merges with the stored secrets. `data` overrides fields (e.g. a wrong key).
	 * Resolves { status: 'OK' | 'Error', message }.
	 */
	async testCredential(id, data = {}) {
		const stored = await this.get(`/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
		return this.post('/rest/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: { ...(stored.data || {}), ...data } },
		});
	}
}

module.exports = { RestClient, OWNER };
