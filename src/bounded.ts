// A map that holds at most `limit` entries: when full, the entry put in longest ago goes. The memos of
// a build context (shaped words, widths, hyphenated words, parsed files) are these. A one-off build
// stays under every bound and forgets nothing; the preview runs for hours, and there the bound is what
// keeps every word ever typed from staying in memory. Forgetting costs only time: every value is made
// again, the same. First in, first out rather than least recently used: a hit is then a plain Map
// lookup, and the hot path of layout (widths, shaped words) pays nothing for the bound.
export class BoundedMap<K, V> {
  private map = new Map<K, V>();
  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`internal: a bound must be at least 1, not ${limit}`);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (!this.map.has(key) && this.map.size >= this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}
