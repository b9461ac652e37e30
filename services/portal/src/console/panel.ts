import { HttpException } from '@nestjs/common';

/**
 * A panel's figures, or why the user sees none: a role that may not read them (the service's
 * 403) shows "无权查看", a service that is down shows that — the rest of the page still draws.
 */
export async function panel<T extends object>(read: () => Promise<T>, empty: T): Promise<T & { available: boolean; reason: string | null }> {
  try {
    return { ...(await read()), available: true, reason: null };
  } catch (e) {
    if (!(e instanceof HttpException)) throw e;
    const status = e.getStatus();
    const reason = status === 403 ? '当前角色无权查看' : status >= 500 ? '服务暂不可用' : `请求被拒绝（${status}）`;
    return { ...empty, available: false, reason };
  }
}
