// tools/reader/articles.mjs on a synthetic page: one block a line, no headline, no page chrome.
// Run: node --test tests/unit/
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { articleText } from '../../tools/reader/articles.mjs';

const para = (n) =>
  `Paragraph ${n} of the story, in which the council said the bridge over the river would stay ` +
  `closed for repairs until the spring, and engineers, who inspected it twice, agreed with that plan.`;

const PAGE = `<!doctype html><html><head><title>Bridge stays shut | Daily Example</title>
<style>p { color: red }</style><script>document.write("not run")</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Bridge stays shut</h1>
<p>${para(1)}</p>
<p>${para(2)}  with   <em>inline</em>\n emphasis.</p>
<h2>What comes next</h2>
<blockquote><p>“We are sure,” she said.</p></blockquote>
<ul><li>First point of the list, long enough to be kept.</li><li>Second point.</li></ul>
<p>${para(3)}<br>After a line break.</p>
</article>
<footer><p>Copyright Daily Example. All rights reserved.</p></footer></body></html>`;

test('article text: blocks a line, whitespace collapsed, no headline, no chrome', () => {
  const lines = articleText(PAGE).split('\n');
  assert.equal(lines.at(-1), '', 'ends with a newline');
  assert.deepEqual(lines.slice(0, -1), [
    para(1),
    `${para(2)} with inline emphasis.`,
    'What comes next',
    '“We are sure,” she said.',
    'First point of the list, long enough to be kept.',
    'Second point.',
    para(3),
    'After a line break.',
  ]);
});

test('article text is the same on every run, and empty for a page without an article', () => {
  assert.equal(articleText(PAGE), articleText(PAGE));
  assert.equal(articleText('<html><body></body></html>'), '');
});

test('the command writes NAME.article.txt per page and skips a missing folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'articles-'));
  try {
    fs.mkdirSync(path.join(dir, 'pages'));
    fs.writeFileSync(path.join(dir, 'pages', 'example.com.bridge.html'), PAGE);
    const tool = new URL('../../tools/reader/articles.mjs', import.meta.url).pathname;
    execFileSync('node', [tool, path.join(dir, 'pages'), path.join(dir, 'out')]);
    assert.equal(fs.readFileSync(path.join(dir, 'out', 'example.com.bridge.article.txt'), 'utf8'), articleText(PAGE));
    const skipped = execFileSync('node', [tool, path.join(dir, 'absent'), path.join(dir, 'out2')], { encoding: 'utf8' });
    assert.match(skipped, /absent.*skipped/);
    assert.equal(fs.existsSync(path.join(dir, 'out2')), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
