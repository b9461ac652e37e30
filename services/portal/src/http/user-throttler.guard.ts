import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Counts requests per signed-in user, and per client address for the public page. */
@Injectable()
export class PortalThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: { user?: { userId?: string }; ip?: string }): Promise<string> {
    return req.user?.userId ? `user:${req.user.userId}` : `ip:${req.ip}`;
  }
}
