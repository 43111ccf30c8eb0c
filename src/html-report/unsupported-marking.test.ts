import { describe, expect, it } from 'vitest';
import { metricDefinitions } from '../scorers/metric-definitions.js';
import { unsupportedMarking } from './unsupported-marking.js';

describe('unsupportedMarking', () => {
  it("marks a run today's check scored, at its own threshold, with no note", () => {
    expect(unsupportedMarking({ metricDefinitions: metricDefinitions() })).toEqual({
      markUnsupported: true,
      hallucinationThreshold: undefined,
      note: null,
    });
    expect(
      unsupportedMarking({ metricDefinitions: metricDefinitions(0.5), hallucinationThreshold: 0.5 }),
    ).toEqual({ markUnsupported: true, hallucinationThreshold: 0.5, note: null });
  });

  it('does not mark a run another check version scored, or one that recorded none, and says why', () => {
    for (const metricDefinitions of [{ 'hallucination.rate': 'offline-check-12' }, undefined]) {
      const marking = unsupportedMarking({ metricDefinitions });
      expect(marking.markUnsupported).toBe(false);
      expect(marking.note).toMatch(/another version of the offline check/);
    }
  });
});
