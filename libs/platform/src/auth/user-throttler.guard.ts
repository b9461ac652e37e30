import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Rate limits per authenticated user (per address before login), not per shared proxy IP. */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: { user?: { userId?: string }; ip?: string }): Promise<string> {
    return req.user?.userId ? `user:${req.user.userId}` : `ip:${req.ip}`;
  }
}
