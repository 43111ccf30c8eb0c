// Top-k selection with one fixed order: higher score first, ties by lower label (chunk position,
// i.e. doc id then chunk number), so equal scores never reorder between runs or machines.

export interface Scored {
  label: number;
  score: number;
}

/** Best k of candidates 0..n-1 via a bounded heap: O(n log k), no full sort. */
export function topK(
  n: number,
  k: number,
  scoreOf: (i: number) => number,
  labelOf: (i: number) => number = (i) => i,
): Scored[] {
  if (k <= 0 || n === 0) return [];
  const heap: Scored[] = [];
  for (let i = 0; i < n; i++) {
    const score = scoreOf(i);
    if (heap.length < k) {
      heap.push({ label: labelOf(i), score });
      siftUp(heap, heap.length - 1);
    } else if (score >= heap[0].score) {
      // Most candidates lose to the current worst kept one; only allocate for those that may win.
      const item = { label: labelOf(i), score };
      if (better(item, heap[0])) {
        heap[0] = item;
        siftDown(heap, 0);
      }
    }
  }
  return heap.sort(compareScored);
}

export function compareScored(a: Scored, b: Scored): number {
  return b.score - a.score || a.label - b.label;
}

function better(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && a.label < b.label);
}

// Min-heap on "better": the root is the worst of the kept items.
function siftUp(heap: Scored[], index: number): void {
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!better(heap[parent], heap[i])) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function siftDown(heap: Scored[], index: number): void {
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && better(heap[worst], heap[left])) worst = left;
    if (right < heap.length && better(heap[worst], heap[right])) worst = right;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i], heap[worst]];
    i = worst;
  }
}
