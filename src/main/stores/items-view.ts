/**
 * A read-only Map over a collection whose items are parsed on first read. `sources` maps each id
 * to the item itself or to its line in the snapshot; `resolve` turns either into the item (or
 * undefined when the line turns out to be damaged, in which case it is dropped and reported).
 */
export class LazyItemsView<T> implements ReadonlyMap<string, T> {
  constructor(
    private readonly sources: ReadonlyMap<string, T | number>,
    private readonly resolve: (id: string, source: T | number) => T | undefined,
  ) {}

  get size(): number {
    return this.sources.size;
  }

  has(id: string): boolean {
    return this.sources.has(id);
  }

  get(id: string): T | undefined {
    const source = this.sources.get(id);
    return source === undefined ? undefined : this.resolve(id, source);
  }

  *entries(): MapIterator<[string, T]> {
    for (const [id, source] of this.sources) {
      const item = this.resolve(id, source);
      if (item !== undefined) yield [id, item];
    }
  }

  keys(): MapIterator<string> {
    return this.sources.keys();
  }

  *values(): MapIterator<T> {
    for (const [, item] of this.entries()) yield item;
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    for (const [id, item] of this.entries()) callback.call(thisArg, item, id, this);
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}
