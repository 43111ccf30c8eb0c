// The phase-boundary collector: off unless installed, off when the tuning is turned off or V8
// refuses, and when installed a call really runs a full collection (an unreachable object's
// WeakRef is cleared by it).
import { setImmediate as nextTurn } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectAtPhaseBoundary,
  installPhaseCollection,
  phaseCollections,
  uninstallPhaseCollection,
} from './phase-collection.js';

afterEach(() => uninstallPhaseCollection());

const real = {
  setting: undefined,
  setFlags: (flags: string) => v8.setFlagsFromString(flags),
  evaluateInNewContext: (code: string) => vm.runInNewContext(code),
};

describe('collectAtPhaseBoundary', () => {
  it('does nothing until installed', () => {
    const before = phaseCollections();
    collectAtPhaseBoundary('cases');
    expect(phaseCollections()).toBe(before);
  });

  it('is not installed when turned off, or when the gc function is not there', () => {
    const flags: string[] = [];
    const off = installPhaseCollection({
      setting: ' OFF ',
      setFlags: (f) => flags.push(f),
      evaluateInNewContext: () => () => {},
    });
    expect(off).toBe(false);
    expect(flags).toEqual([]);
    const refused = installPhaseCollection({
      setting: undefined,
      setFlags: () => {
        throw new Error('no');
      },
      evaluateInNewContext: () => () => {},
    });
    expect(refused).toBe(false);
    const missing = installPhaseCollection({
      setting: undefined,
      setFlags: () => {},
      evaluateInNewContext: () => undefined,
    });
    expect(missing).toBe(false);
    const before = phaseCollections();
    collectAtPhaseBoundary('statistics');
    expect(phaseCollections()).toBe(before);
  });

  it('runs a real full collection when installed with V8 and vm', async () => {
    expect(installPhaseCollection(real)).toBe(true);
    const ref = (() => new WeakRef({ payload: new Array(1000).fill(1) }))();
    // A WeakRef's target is kept until the current job ends.
    await nextTurn();
    const before = phaseCollections();
    collectAtPhaseBoundary('reports');
    expect(phaseCollections()).toBe(before + 1);
    expect(ref.deref()).toBeUndefined();
  });
});
