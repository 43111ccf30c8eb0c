// Several charts inlined into one page would share ids (`clip1` in each), and a
// `url(#clip1)` would then point into another chart. Prefixing ids per chart keeps them apart.
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg.replace(
    /(\bid="|url\(#)([\w-]+)/g,
    (_whole, start: string, id: string) => `${start}${prefix}-${id}`,
  );
}
