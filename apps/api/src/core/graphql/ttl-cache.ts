/**
 * Keeps one loaded value for a short time. For small, rarely changing reference
 * data (topics, cities) that every list and search response labels itself with.
 */
export class TtlCache<T> {
  private value?: { at: number; data: Promise<T> };

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    if (!this.value || now - this.value.at > this.ttlMs) {
      const data = this.load();
      this.value = { at: now, data };
      // A failed load must not stay cached.
      data.catch(() => {
        if (this.value?.data === data) this.value = undefined;
      });
    }
    return this.value.data;
  }

  clear(): void {
    this.value = undefined;
  }
}
