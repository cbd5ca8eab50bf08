// tiny-inflate's interface on Node's native inflate (for a short cold start). unicode-trie inflates
// each of the five Unicode tables that fontkit, unicode-properties and linebreak build at load time
// twice, in plain JavaScript that has not been optimised yet: 6 % of a one-off build. zlib does the
// same in C. Like tiny-inflate, it fills `dest` (never past its end) and returns it, or the part it
// filled when the data is shorter. scripts/lazy-deps.mjs puts this in place of tiny-inflate in the
// bundle; test/cold-start.test.ts checks both give the same bytes.
'use strict';
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  if (n < dest.length) return typeof dest.slice === 'function' ? dest.slice(0, n) : dest.subarray(0, n);
  return dest;
};
