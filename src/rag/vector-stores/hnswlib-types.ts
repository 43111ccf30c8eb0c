// The part of hnswlib-node's API evalgate uses, declared here rather than imported from the
// package: hnswlib-node is optional (it needs a C++ toolchain at install), and a type import from
// it would end up in our published .d.ts files, breaking type-checking for consumers who do not
// have it. The signatures follow hnswlib-node 3's own declarations.

export type HnswSpaceName = 'l2' | 'ip' | 'cosine';

export interface HnswSearchResult {
  distances: number[];
  neighbors: number[];
}

export interface HnswIndex {
  initIndex(options: {
    maxElements: number;
    m?: number;
    efConstruction?: number;
    randomSeed?: number;
    allowReplaceDeleted?: boolean;
  }): void;
  readIndexSync(filename: string, allowReplaceDeleted?: boolean): void;
  writeIndex(filename: string): Promise<boolean>;
  resizeIndex(newMaxElements: number): void;
  addPoint(point: number[], label: number, replaceDeleted?: boolean): void;
  searchKnn(
    queryPoint: number[],
    numNeighbors: number,
    filter?: (label: number) => boolean,
  ): HnswSearchResult;
  setEf(ef: number): void;
  getMaxElements(): number;
  getCurrentCount(): number;
  getPoint(label: number): number[];
}

/** What `require('hnswlib-node')` returns, as far as evalgate uses it. */
export interface HnswlibModule {
  HierarchicalNSW: new (spaceName: HnswSpaceName, numDimensions: number) => HnswIndex;
}
