/**
 * A bounded list of the best (passage, score) pairs seen, best first (ties: lower
 * passage number first), in reused typed arrays. The scorer keeps one of the best
 * passages of the clause just read, and one of the final scores it works out for
 * them: the limit-th of those is a floor of the final limit-th score.
 */
export class TopK {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /** Whether (doc, score) would enter the list (cheap test before any other check). */
  admits(doc: number, score: number): boolean {
    if (this.size < this.capacity) return true;
    const last = this.scores[this.size - 1] as number;
    return score > last || (score === last && doc < (this.docs[this.size - 1] as number));
  }

  add(doc: number, score: number): void {
    if (!this.admits(doc, score)) return;
    let i = this.size < this.capacity ? this.size++ : this.size - 1;
    while (i > 0) {
      const s = this.scores[i - 1] as number;
      if (s > score || (s === score && (this.docs[i - 1] as number) < doc)) break;
      this.scores[i] = s;
      this.docs[i] = this.docs[i - 1] as number;
      i--;
    }
    this.scores[i] = score;
    this.docs[i] = doc;
  }

  /** The `capacity`-th best score, or 0 while fewer are listed. */
  get floor(): number {
    return this.size >= this.capacity ? (this.scores[this.capacity - 1] as number) : 0;
  }
}
