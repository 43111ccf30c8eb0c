import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { checkRequestedSuites } from './check-requested-suites.js';

const config = { suites: [{ name: 'support' }, { name: 'intent' }] } as Parameters<
  typeof checkRequestedSuites
>[0];

describe('checkRequestedSuites', () => {
  it('accepts declared suites and no request at all', () => {
    expect(() => checkRequestedSuites(config, ['intent', 'support'], 'eval/evalgate.yaml')).not.toThrow();
    expect(() => checkRequestedSuites(config, undefined, 'eval/evalgate.yaml')).not.toThrow();
  });
  it('refuses an undeclared suite in one line naming the file and the declared suites', () => {
    const error = (() => {
      try {
        checkRequestedSuites(config, ['support', 'billing'], 'eval/evalgate.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('eval/evalgate.yaml');
    expect((error as InputError).message).toContain(
      '--suite billing is not declared (declared: support, intent)',
    );
  });
});
