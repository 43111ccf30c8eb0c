// Which version of the offline check scored a run: its manifest records each metric's definition,
// and a configured threshold is appended to it ("offline-check-13 at threshold 0.27").

/** The offline check version a run's `hallucination.rate` definition names, if any. */
export function scoredCheckVersion(
  definitions: Readonly<Record<string, string>> | undefined,
): string | undefined {
  return definitions?.['hallucination.rate']?.split(' at threshold ')[0];
}
