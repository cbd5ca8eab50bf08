// Indexing where a missing element is a bug, not a case to handle: positions computed from the
// same array's length (neighbours, dynamic-programming rows, parallel arrays). Like Array#at, but
// it says which index was missing instead of handing `undefined` on.
export function at<T>(xs: ArrayLike<T>, i: number): T {
  const v = xs[i < 0 ? xs.length + i : i];
  if (v === undefined) throw new Error(`internal: index ${i} is outside a list of ${xs.length}`);
  return v;
}
