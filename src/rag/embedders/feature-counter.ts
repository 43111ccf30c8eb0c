// Counts hashed features of one text without allocating: an open-addressing table over typed
// arrays, cleared in O(1) by bumping a generation stamp. The hash embedder counts tens of
// millions of features per corpus, where a Map per text costs seconds.

export class FeatureCounter {
  private capacity = 1024;
  private keys = new Uint32Array(this.capacity);
  private counts = new Uint32Array(this.capacity);
  private groups = new Uint8Array(this.capacity);
  private stamps = new Uint32Array(this.capacity);
  private generation = 1;
  /** Slots in use, in insertion order, for iteration. */
  private slots = new Uint32Array(this.capacity);
  size = 0;

  reset(): void {
    this.size = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  add(key: number, group: number): void {
    if (this.size * 2 >= this.capacity) this.grow();
    const mask = this.capacity - 1;
    let slot = key & mask;
    for (;;) {
      if (this.stamps[slot] !== this.generation) {
        this.stamps[slot] = this.generation;
        this.keys[slot] = key;
        this.groups[slot] = group;
        this.counts[slot] = 1;
        this.slots[this.size++] = slot;
        return;
      }
      if (this.keys[slot] === key && this.groups[slot] === group) {
        this.counts[slot]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  key(i: number): number {
    return this.keys[this.slots[i]];
  }

  count(i: number): number {
    return this.counts[this.slots[i]];
  }

  group(i: number): number {
    return this.groups[this.slots[i]];
  }

  private grow(): void {
    const old = {
      keys: this.keys,
      counts: this.counts,
      groups: this.groups,
      slots: this.slots.subarray(0, this.size),
    };
    this.capacity *= 2;
    this.keys = new Uint32Array(this.capacity);
    this.counts = new Uint32Array(this.capacity);
    this.groups = new Uint8Array(this.capacity);
    this.stamps = new Uint32Array(this.capacity);
    this.slots = new Uint32Array(this.capacity);
    this.generation = 1;
    const entries = Array.from(
      old.slots,
      (slot) => [old.keys[slot], old.counts[slot], old.groups[slot]] as const,
    );
    this.size = 0;
    const mask = this.capacity - 1;
    for (const [key, count, group] of entries) {
      let slot = key & mask;
      while (this.stamps[slot] === this.generation) slot = (slot + 1) & mask;
      this.stamps[slot] = this.generation;
      this.keys[slot] = key;
      this.counts[slot] = count;
      this.groups[slot] = group;
      this.slots[this.size++] = slot;
    }
  }
}
