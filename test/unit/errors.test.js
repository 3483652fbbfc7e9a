'use strict';
// errors.ts: masking of secrets, and the texts of every error the shared core builds.

const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const {
	redact,
	redactValue,
	firstString,
	responseError,
	connectionError,
	rateLimitError,
	inputError,
} = require('../../dist/nodes/shared/errors');
const { NODE } = require('./support');

const api = {
	name: 'Vendor',
	errorMessage: (body) => (body && typeof body === 'object' ? body.message : undefined),
};

describe('redact: known secrets', () => {
	test('every occurrence of a secret of 4 or more characters is masked', () => {
		expect(redact('a k3y-value b k3y-value', ['k3y-value'])).toBe('a *** b ***');
		expect(redact('pin 1234 here', ['1234'])).toBe('pin *** here');
	});
	test('secrets shorter than 4 characters and empty ones are left alone (they would mask ordinary text)', () => {
		expect(redact('abc and the rest', ['abc', ''])).toBe('abc and the rest');
	});
	test('several secrets are all masked', () => {
		expect(redact('one:alpha-1 two:beta-22', ['alpha-1', 'beta-22'])).toBe('one:*** two:***');
	});
});

describe('redact: credential shapes without a known value', () => {
	test('Bearer, Basic and API-Key schemes followed by a token with a digit', () => {
		expect(redact('Authorization header was Bearer abcdefg1hij', [])).toBe('Authorization header was Bearer ***');
		expect(redact('sent basic dXNlcjpwYXNz1== to it', [])).toBe('sent basic *** to it');
		expect(redact('API-Key 12345678 rejected', [])).toBe('API-Key *** rejected');
		expect(redact('got BEARER a.b-c_d~e+f/g9', [])).toBe('got BEARER ***');
		expect(redact('Bearer   abcdefg1hij', [])).toBe('Bearer ***');
	});
	test('a scheme word followed by ordinary text is not a token', () => {
		expect(redact('the Bearer abcdefghijk', [])).toBe('the Bearer abcdefghijk');
		expect(redact('Bearer short12 here', [])).toBe('Bearer short12 here');
		expect(redact('Bearers abcdefg1hij', [])).toBe('Bearers abcdefg1hij');
	});
	test('trailing base64 padding goes with the token', () => {
		expect(redact('Basic Zm9vOmJhcjEy==;', [])).toBe('Basic ***;');
	});
	test('a JWT anywhere', () => {
		expect(redact('token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl end', [])).toBe('token *** end');
		expect(redact('xeyJhbGciOi.eyJzdWIiOi.sig', [])).toBe('xeyJhbGciOi.eyJzdWIiOi.sig');
		expect(redact('eyJab.eyJzdWIiOi.sig', [])).toBe('eyJab.eyJzdWIiOi.sig');
		expect(redact('eyJhbGciOi.eyJ.sig', [])).toBe('eyJhbGciOi.eyJ.sig');
		expect(redact('eyJhbGciOi.eyJzdWIiOi.', [])).toBe('***');
	});
	test('name=value and "name": "value" pairs of secret keys', () => {
		expect(redact('grant&assertion=abc.def&x=1', [])).toBe('grant&assertion=***&x=1');
		expect(redact('{"access_token":"tok","expires_in":3600}', [])).toBe('{"access_token":"***","expires_in":3600}');
		expect(redact("{'refresh-token': 'r1'}", [])).toBe("{'refresh-token': '***'}");
		expect(redact('password = hunter2, user=ada', [])).toBe('password = ***, user=ada');
		expect(redact('X-API-KEY: k; next', [])).toBe('X-API-KEY: ***; next');
		expect(redact('apikey=a1 api_key=a2 api-key=a3', [])).toBe('apikey=*** api_key=*** api-key=***');
		expect(redact('client_secret=cs}id_token=it', [])).toBe('client_secret=***}id_token=***');
		expect(redact('AUTHORIZATION:xyz', [])).toBe('AUTHORIZATION:***');
		expect(redact('accessToken=a refreshtoken=b idToken=c clientSecret=d', [])).toBe('accessToken=*** refreshtoken=*** idToken=*** clientSecret=***');
	});
	test('an already masked value is not masked twice, and other keys are left alone', () => {
		expect(redact('password=***', [])).toBe('password=***');
		expect(redact('username=ada&page=2', [])).toBe('username=ada&page=2');
	});
	test('known secrets are masked before the shapes are looked for', () => {
		expect(redact('Bearer s3cretvalue9', ['s3cretvalue9'])).toBe('Bearer ***');
	});
});

describe('redactValue', () => {
	test('strings deep inside arrays and objects are redacted; other values kept', () => {
		const value = { list: ['x my-secret', { deep: 'my-secret!' }], n: 3, ok: true, none: null, nothing: undefined };
		expect(redactValue(value, ['my-secret'])).toEqual({ list: ['x ***', { deep: '***!' }], n: 3, ok: true, none: null, nothing: undefined });
	});
	test('values under secret keys are masked whatever they are', () => {
		const masked = redactValue(
			{
				Authorization: 'Token plain',
				'proxy-authorization': 'p',
				'X-Api-Key': 'k',
				apiKey: 'a',
				api_key: 'b',
				'api-key': 'c',
				accessToken: 't',
				access_token: { nested: 'object' },
				'refresh-token': 'r',
				refreshToken: 'r',
				id_token: 'i',
				idToken: 'i',
				clientSecret: 's',
				client_secret: 's',
				assertion: 'jwt',
				PASSWORD: 12345,
				private_key: 'pem',
				privateKey: 'pem',
				cookie: 'c=1',
				'set-cookie': ['c=1'],
			},
			[],
		);
		for (const value of Object.values(masked)) expect(value).toBe('***');
	});
	test('an empty value under a secret key stays empty; similar key names are not secret keys', () => {
		expect(redactValue({ password: '', apiKey: null, accessToken: 0 }, [])).toEqual({ password: '', apiKey: null, accessToken: 0 });
		expect(redactValue({ passwordHint: 'h', myapikey: 'v', authorizationUrl: 'u', tokenType: 'Bearer' }, [])).toEqual({
			passwordHint: 'h',
			myapikey: 'v',
			authorizationUrl: 'u',
			tokenType: 'Bearer',
		});
	});
	test('it copies: the original is not changed', () => {
		const original = { a: { b: 'my-secret' } };
		const copy = redactValue(original, ['my-secret']);
		expect(original.a.b).toBe('my-secret');
		expect(copy).not.toBe(original);
		expect(copy.a).not.toBe(original.a);
	});
	test('a plain string or number', () => {
		expect(redactValue('is my-secret', ['my-secret'])).toBe('is ***');
		expect(redactValue(7, ['my-secret'])).toBe(7);
		expect(redactValue(undefined, [])).toBeUndefined();
	});
});

describe('firstString', () => {
	test('the first key holding a non-empty string, trimmed', () => {
		expect(firstString({ a: '  ', b: 3, c: ' found ', d: 'later' }, ['a', 'b', 'c', 'd'])).toBe('found');
		expect(firstString({ a: 'x' }, ['b'])).toBeUndefined();
	});
	test('not an object: undefined', () => {
		expect(firstString(null, ['a'])).toBeUndefined();
		expect(firstString('text', ['length'])).toBeUndefined();
		expect(firstString('text', ['0'])).toBeUndefined();
		expect(firstString(['x'], ['0'])).toBeUndefined();
	});
});

describe('responseError', () => {
	const response = (status, body, headers = {}) => ({ status, headers, body });
	test("the vendor's message, the status, a hint and the item", () => {
		const error = responseError(NODE, api, response(404, { message: 'User not found' }), [], 3);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Vendor returned 404: User not found');
		expect(error.description).toBe('Nothing was found with that ID. Check the ID, or pick the item from the list.');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
	});
	test('without a vendor message the status alone', () => {
		const error = responseError(NODE, api, response(409, {}), []);
		expect(error.message).toBe('Vendor returned 409');
		expect(error.description).toBe('The request conflicts with the current state of the item (for example it already exists).');
		expect(error.context.itemIndex).toBeUndefined();
	});
	test.each([
		[400, 'The vendor rejected the request. Check the values sent in the node’s fields.'],
		[401, 'The credential was rejected. Check the key or token and the environment or region selected in the credential.'],
		[402, 'The vendor account needs a plan that allows this operation.'],
		[403, 'The authenticated user is not allowed to do this. Check the user’s admin rights and the credential’s scopes.'],
		[422, 'The vendor could not process the values sent. Check the node’s fields.'],
		[429, 'The vendor’s rate limit was reached and retries did not get through. Run the workflow again later or lower its frequency.'],
		[500, 'The vendor had a server error. Try again later; if it persists, check the vendor’s status page.'],
		[503, 'The vendor had a server error. Try again later; if it persists, check the vendor’s status page.'],
	])('generic hint for %i', (status, hint) => {
		expect(responseError(NODE, api, response(status, { message: 'm' }), []).description).toBe(hint);
	});
	test('a status without a generic hint has no description of ours', () => {
		const error = responseError(NODE, api, response(418, {}), []);
		expect(error.message).toBe('Vendor returned 418');
		expect(error.description).toBeFalsy();
		expect(responseError(NODE, api, response(499, {}), []).description).toBeFalsy();
	});
	test("the vendor's own hint wins; it gets the status, message and body", () => {
		const seen = [];
		const withHint = { ...api, hint: (...args) => (seen.push(args), args[0] === 401 ? 'Use the EU region, key my-secret' : undefined) };
		const body = { message: 'Invalid key' };
		const error = responseError(NODE, withHint, response(401, body), ['my-secret']);
		expect(error.description).toBe('Use the EU region, key ***');
		expect(seen[0]).toEqual([401, 'Invalid key', body]);
		// No specific answer: the generic one.
		expect(responseError(NODE, withHint, response(403, {}), []).description).toMatch(/^The authenticated user is not allowed/);
	});
	test('secrets are masked in the message and in the body n8n keeps', () => {
		const body = { message: 'bad key my-secret', echo: { 'X-API-KEY': 'my-secret', note: 'Bearer abcdefgh123' } };
		const error = responseError(NODE, api, response(400, body), ['my-secret']);
		expect(error.message).toBe('Vendor returned 400: bad key ***');
		const kept = JSON.stringify(error.cause ?? error.errorResponse ?? {}) + JSON.stringify(error.context);
		expect(kept).not.toContain('my-secret');
		expect(kept).not.toContain('abcdefgh123');
		expect(body.echo['X-API-KEY']).toBe('my-secret');
	});
	test('a body that is not an object is kept under "body"', () => {
		expect(responseError(NODE, api, response(500, 'Gateway my-secret'), ['my-secret']).errorResponse).toEqual({ body: 'Gateway ***' });
		expect(responseError(NODE, api, response(500, ['a']), []).errorResponse).toEqual({ body: ['a'] });
		expect(responseError(NODE, api, response(500, null), []).errorResponse).toEqual({});
		expect(responseError(NODE, api, response(500, { error: 'e' }), []).errorResponse).toEqual({ error: 'e' });
	});
});

describe('connectionError', () => {
	test('names the vendor, the base URL and the cause; says what to check', () => {
		// As n8n hands it over: its own wrapper has already replaced a bare ECONNREFUSED by its friendly text.
		const cause = new Error('The service refused the connection - perhaps it is offline');
		const error = connectionError(NODE, api, 'https://api.vendor.test', cause, [], 2);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not reach Vendor at https://api.vendor.test: The service refused the connection - perhaps it is offline');
		expect(error.description).toBe(
			'Check the environment, region or custom base URL in the credential, and that this n8n can reach it. A slow vendor may need a longer Timeout (node option).',
		);
		expect(error.context.itemIndex).toBe(2);
	});
	test('a given reason replaces the cause; a cause that is not an Error is stringified', () => {
		expect(connectionError(NODE, api, 'https://h', new Error('timeout of 5ms exceeded'), [], 0, 'Vendor did not answer within 5 s').message).toBe(
			'Could not reach Vendor at https://h: Vendor did not answer within 5 s',
		);
		expect(connectionError(NODE, api, 'https://h', 'socket hang up', []).message).toBe('Could not reach Vendor at https://h: socket hang up');
	});
	test('secrets in the cause or URL are masked', () => {
		const error = connectionError(NODE, api, 'https://h/?key=my-secret', new Error('failed with my-secret'), ['my-secret']);
		expect(error.message).toBe('Could not reach Vendor at https://h/?key=***: failed with ***');
		expect(JSON.stringify(error.errorResponse)).not.toContain('my-secret');
		expect(error.errorResponse).toEqual({ message: 'failed with ***' });
	});
});

describe('rateLimitError', () => {
	const fixedNow = Date.parse('2026-03-01T10:00:00.000Z');
	let spy;
	beforeEach(() => {
		spy = jest.spyOn(Date, 'now').mockReturnValue(fixedNow);
	});
	afterEach(() => spy.mockRestore());

	test('says when the quota resets, in how many minutes, and what is left', () => {
		const response = { status: 429, headers: {}, body: { message: 'Hourly limit exceeded' } };
		const error = rateLimitError(NODE, api, response, 90_500, { count: 0 }, [], 4);
		expect(error.message).toBe("Vendor's rate limit was reached: Hourly limit exceeded");
		expect(error.description).toBe(
			'The quota resets at 2026-03-01T10:01:30Z (in about 2 min), longer than this node waits. 0 requests were left in the current window. Run the workflow again after the reset, or spread the calls out.',
		);
		expect(error.httpCode).toBe('429');
		expect(error.context.itemIndex).toBe(4);
		expect(error.errorResponse).toEqual({ message: 'Hourly limit exceeded' });
	});
	test('exact minutes are not rounded up; without a response or remaining count', () => {
		const error = rateLimitError(NODE, api, undefined, 120_000, undefined, []);
		expect(error.message).toBe("Vendor's rate limit was reached");
		expect(error.description).toBe(
			'The quota resets at 2026-03-01T10:02:00Z (in about 2 min), longer than this node waits. Run the workflow again after the reset, or spread the calls out.',
		);
		expect(error.httpCode).toBe('429');
		expect(error.errorResponse).toEqual({ message: "Vendor's rate limit was reached" });
	});
	test("the response's own status (a quota error that came as 400) and masked body", () => {
		const response = { status: 400, headers: {}, body: { message: 'quota for my-secret' } };
		const error = rateLimitError(NODE, api, response, 1000, { count: 5 }, ['my-secret']);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe("Vendor's rate limit was reached: quota for ***");
		expect(error.description).toContain(' 5 requests were left in the current window.');
		expect(error.description).toContain('(in about 1 min)');
		expect(error.errorResponse).toEqual({ message: 'quota for ***' });
	});
});

describe('inputError', () => {
	test('a NodeOperationError with description and item', () => {
		const error = inputError(NODE, 'No user given', 'Pick the user.', 1);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('No user given');
		expect(error.description).toBe('Pick the user.');
		expect(error.context.itemIndex).toBe(1);
	});
});
