'use strict';
// Every relative link and #anchor in README.md and CHANGELOG.md resolves inside the repository: the file
// exists, and the anchor is a heading of the target file as GitHub names it.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Markdown outside fenced code blocks, with inline code spans blanked. */
function prose(markdown) {
	let fenced = false;
	return markdown
		.split('\n')
		.map((line) => {
			if (/^\s*(```|~~~)/.test(line)) {
				fenced = !fenced;
				return '';
			}
			return fenced ? '' : line.replace(/`[^`]*`/g, '``');
		})
		.join('\n');
}

/** GitHub's anchor of a heading text: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown) {
	const seen = new Map();
	const out = new Set();
	for (const line of prose(markdown).split('\n')) {
		const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (!m) continue;
		const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');
		const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
		const n = seen.get(base) || 0;
		seen.set(base, n + 1);
		out.add(n ? `${base}-${n}` : base);
	}
	return out;
}

/** Relative link targets ([text](target) and [ref]: target), without external URLs. */
function links(markdown) {
	const text = prose(markdown);
	const found = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]);
	return found.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** The links of `file` (relative to the repository) that do not resolve: [target, reason]. */
function broken(file, markdown = fs.readFileSync(path.join(ROOT, file), 'utf8')) {
	const problems = [];
	for (const target of links(markdown)) {
		const [rawPath, anchor] = target.split('#');
		const resolved = rawPath ? path.resolve(ROOT, path.dirname(file), decodeURIComponent(rawPath)) : path.join(ROOT, file);
		if (!resolved.startsWith(ROOT + path.sep) && resolved !== ROOT) {
			problems.push([target, 'outside the repository']);
			continue;
		}
		if (!fs.existsSync(resolved)) {
			problems.push([target, 'no such file']);
			continue;
		}
		if (anchor === undefined) continue;
		if (!resolved.endsWith('.md')) {
			problems.push([target, 'an anchor into a file that is not Markdown']);
			continue;
		}
		const targetMarkdown = rawPath ? fs.readFileSync(resolved, 'utf8') : markdown;
		if (!anchors(targetMarkdown).has(anchor)) problems.push([target, 'no such heading']);
	}
	return problems;
}

describe('README links', () => {
	test.each(['README.md', 'CHANGELOG.md'])('every relative link and anchor in %s resolves', (file) => {
		expect(links(fs.readFileSync(path.join(ROOT, file), 'utf8')).length).toBeGreaterThan(0);
		expect(broken(file)).toEqual([]);
	});

	test('README links to its install, credentials, examples and version history sections', () => {
		const names = anchors(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
		for (const heading of ['install', 'credentials', 'operations', 'example-workflows', 'version-history', 'development']) {
			expect(names.has(heading)).toBe(true);
		}
	});

	test('the checker finds missing files, missing headings and links outside the repository', () => {
		const markdown = [
			'# Top',
			'## A heading: with punctuation',
			'## Top',
			'```',
			'# not a heading',
			'[inside code](nowhere.md)',
			'```',
			'[ok](#a-heading-with-punctuation) [repeat](#top-1) [file](package.json) [web](https://example.com/x)',
			'[bad anchor](#not-a-heading) [missing](no/such/file.md) [out](../../x.md) [code `span`](#top)',
			'[ref]: CHANGELOG.md#no-such-section',
		].join('\n');
		expect(broken('README.md', markdown)).toEqual([
			['#not-a-heading', 'no such heading'],
			['no/such/file.md', 'no such file'],
			['../../x.md', 'outside the repository'],
			['CHANGELOG.md#no-such-section', 'no such heading'],
		]);
	});
});
