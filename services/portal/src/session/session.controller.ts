import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Res, UnauthorizedException } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, InvalidTokenError, publicKeyObject, Public, RequireRoles, verifyAccessToken } from '@cityworks/platform';
import { ALL_ROLES, SessionView, SignInDto } from './session.dto';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { SESSION_SETTINGS, SessionSettings } from './session-settings';

/** 登录: the browser holds the user's token in an HttpOnly cookie; every service call carries it. */
@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(@Inject(SESSION_SETTINGS) private readonly settings: SessionSettings) {}

  @Get()
  @RequireRoles(...ALL_ROLES)
  @ApiOperation({ summary: 'who is signed in (401 when nobody is)' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(401)
  current(@CurrentUser() user: AuthUser): SessionView {
    return SessionView.of(user);
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'sign in with a token from the identity provider (RS256, the same the services verify)' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(400, [401, 'the token is not valid: signature, issuer, audience, expiry or claims'])
  signIn(@Body() body: SignInDto, @Res({ passthrough: true }) res: Response): SessionView {
    let user: AuthUser;
    try {
      user = verifyAccessToken(body.token, publicKeyObject());
    } catch (e) {
      if (e instanceof InvalidTokenError) throw new UnauthorizedException(e.message);
      throw e;
    }
    res.setHeader('set-cookie', sessionCookie(body.token, this.settings.maxAgeSeconds, this.settings.secureCookie));
    return SessionView.of(user);
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'sign out: the session cookie is cleared' })
  @ApiNoContentResponse()
  signOut(@Res({ passthrough: true }) res: Response): void {
    res.setHeader('set-cookie', clearedSessionCookie());
  }
}
