import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunId, resolveRunDir, runsDir } from './run-folder.js';

describe('run ids and the latest run', () => {
  it('stamps ids to the millisecond in UTC', () => {
    expect(createRunId(Date.UTC(2026, 10, 22, 3, 15, 2, 7), 'ab12cdef')).toBe('20261122-031502-007-ab12cd');
  });

  it('sorts two runs started in the same second by time, not by their random suffix', async () => {
    const second = Date.UTC(2026, 10, 22, 3, 15, 2);
    const earlier = createRunId(second + 100, 'ffffff');
    const later = createRunId(second + 900, '000000');
    expect([later, earlier].sort()).toEqual([earlier, later]);

    const reports = await mkdtemp(path.join(tmpdir(), 'evalgate-runs-'));
    await mkdir(path.join(runsDir(reports), earlier), { recursive: true });
    await mkdir(path.join(runsDir(reports), later), { recursive: true });
    expect(await resolveRunDir(reports)).toBe(path.join(runsDir(reports), later));
  });
});
