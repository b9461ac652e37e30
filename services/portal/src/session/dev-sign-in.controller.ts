import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as fs from 'node:fs';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, Public, signAccessToken } from '@cityworks/platform';
import { UpstreamClient } from '../upstream/upstream-client';
import { DEV_SIGN_IN_MODE, DevSignInMode } from './dev-sign-in-mode';
import { CONSOLE_ROLES, DepartmentOptionView, DevSignInDto, DevSignInOptionsView, SessionView } from './session.dto';
import { sessionCookie } from './session-cookie';
import { SESSION_SETTINGS, SessionSettings } from './session-settings';

/**
 * 本地模式登录: pick a department and a role, get a dev token signed with .local/keys. Off — 404 —
 * unless devSignInMode says local mode (never with NODE_ENV=production).
 */
@ApiTags('session')
@Controller('api/session/dev')
export class DevSignInController {
  constructor(
    @Inject(DEV_SIGN_IN_MODE) private readonly mode: DevSignInMode,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
    private readonly upstream: UpstreamClient,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'local mode: whether the picker is on, with the departments (from the catalog) and roles to pick from' })
  @ApiOkResponse({ type: DevSignInOptionsView })
  @ApiErrors(503)
  async options(): Promise<DevSignInOptionsView> {
    if (!this.mode.enabled) return { enabled: false, reason: this.mode.reason, departments: [], roles: [] };
    // the picker itself needs the list: read with a short-lived auditor token of the portal
    const token = this.mint('portal-dev-picker', 'AS-GGB', '210300', Roles.auditor, '1m');
    const page = await this.upstream.json<{ items: DepartmentOptionView[] }>('catalog', '/departments', { token, query: { pageSize: 200 } });
    return {
      enabled: true,
      reason: this.mode.reason,
      departments: page.items.map((d) => ({ code: d.code, name: d.name, regionCode: d.regionCode, kind: d.kind })),
      roles: CONSOLE_ROLES,
    };
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'local mode: sign in as a department and role with a dev token (8 hours)' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(400, [404, 'local mode is off'])
  signIn(@Body() body: DevSignInDto, @Res({ passthrough: true }) res: Response): SessionView {
    if (!this.mode.enabled) throw new NotFoundException(`dev sign-in is off: ${this.mode.reason}`);
    const user = {
      userId: `dev-${body.departmentCode.toLowerCase()}-${body.role}`,
      departmentCode: body.departmentCode,
      regionCode: body.regionCode ?? '210302',
      roles: [body.role],
    };
    const token = this.mint(user.userId, user.departmentCode, user.regionCode, body.role, '8h');
    res.setHeader('set-cookie', sessionCookie(token, this.settings.maxAgeSeconds, this.settings.secureCookie));
    return SessionView.of(user);
  }

  private mint(userId: string, departmentCode: string, regionCode: string, role: DevSignInDto['role'], expiresIn: '1m' | '8h'): string {
    if (!this.mode.privateKeyFile) throw new NotFoundException(`dev sign-in is off: ${this.mode.reason}`);
    const key = fs.readFileSync(this.mode.privateKeyFile, 'utf8');
    return signAccessToken({ userId, departmentCode, regionCode, roles: [role] }, key, expiresIn);
  }
}
