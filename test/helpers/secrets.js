'use strict';
// Checks that a node run leaked no credential: not in its error (as n8n shows and stores it) and not in
// its output items (continue on fail turns errors into items).

const { errorText } = require('./harness');

/** A masked value: stars, "[redacted]"-style placeholders, an ellipsis. */
const MASKED = /^(\*+|\[[^\]]*\]|<[^>]*>|…+|\.{3})$|redact|hidden|masked|removed/i;

/** Every "Bearer <value>" in the text whose value is not a mask. */
function unmaskedBearers(text) {
	return [...text.matchAll(/Bearer\s+([^\s"',;\\]+)/gi)].map((m) => m[0]).filter((match) => !MASKED.test(match.replace(/^Bearer\s+/i, '')));
}

/** Everything of a run a user can see: the error, serialized as n8n would, and the output items. */
const visibleText = (result) => errorText(result.error) + JSON.stringify(result.output ?? []);

/** Fails the test if a secret, or any unmasked bearer token, is in the run's error or output. */
function expectNoSecrets(result, secrets) {
	const text = visibleText(result);
	for (const secret of secrets.filter((s) => typeof s === 'string' && s.length >= 4)) {
		expect(text).not.toContain(secret);
	}
	expect(unmaskedBearers(text)).toEqual([]);
}

module.exports = { expectNoSecrets, unmaskedBearers, visibleText };
