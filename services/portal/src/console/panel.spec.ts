import { ForbiddenException, ServiceUnavailableException } from '@nestjs/common';
import { panel } from './panel';

describe('an overview panel', () => {
  it('carries its figures when the service answers', async () => {
    await expect(panel(async () => ({ n: 3 }), { n: 0 })).resolves.toEqual({ n: 3, available: true, reason: null });
  });

  it('says why it is empty when the role may not read it or the service is down, and lets other errors through', async () => {
    await expect(panel(() => Promise.reject(new ForbiddenException('no')), { n: 0 })).resolves.toEqual({ n: 0, available: false, reason: '当前角色无权查看' });
    await expect(panel(() => Promise.reject(new ServiceUnavailableException('down')), { n: 0 })).resolves.toMatchObject({
      available: false,
      reason: '服务暂不可用',
    });
    await expect(panel(() => Promise.reject(new TypeError('bug')), { n: 0 })).rejects.toThrow('bug');
  });
});
