import { describe, expect, it } from 'vitest';
import { storeGcSettings } from './ferretdb-process.ts';

describe('storeGcSettings', () => {
  it('should let the embedded FerretDB collect less often, within a soft memory limit', () => {
    expect(storeGcSettings({})).toEqual({ GOGC: '400', GOMEMLIMIT: '1GiB' });
  });

  it('should keep GOGC and GOMEMLIMIT the environment sets', () => {
    expect(storeGcSettings({ GOGC: '100', GOMEMLIMIT: '256MiB' })).toEqual({
      GOGC: '100',
      GOMEMLIMIT: '256MiB',
    });
    expect(storeGcSettings({ GOGC: 'off' })).toEqual({ GOGC: 'off', GOMEMLIMIT: '1GiB' });
  });
});
