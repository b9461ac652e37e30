import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AuthUser, Role, Roles } from '@cityworks/contracts';

export const ALL_ROLES = Object.values(Roles) as Role[];
/** Staff who may use the console; `system` is a machine identity, not a person. */
export const CONSOLE_ROLES: Role[] = ALL_ROLES.filter((r) => r !== Roles.system);

export class SignInDto {
  @ApiProperty({ description: 'an RS256 access token from the identity provider', maxLength: 8000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  token: string;
}

export class DevSignInDto {
  @ApiProperty({ description: '部门代码', example: 'AS-ZJJ', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'departmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  departmentCode: string;

  @ApiProperty({ enum: CONSOLE_ROLES, description: 'the role to sign in with' })
  @IsIn(CONSOLE_ROLES, { message: `role must be one of ${CONSOLE_ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: '行政区划代码 (6 digits); the department’s own when absent', example: '210302', pattern: '^[0-9]{6}$' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string;
}

export class SessionView {
  @ApiProperty() userId: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ description: '工改办 or auditor: sees every department' }) seesAllDepartments: boolean;

  static of(user: AuthUser): SessionView {
    return Object.assign(new SessionView(), {
      userId: user.userId,
      departmentCode: user.departmentCode,
      regionCode: user.regionCode,
      roles: user.roles,
      seesAllDepartments: user.roles.includes(Roles.reformOffice) || user.roles.includes(Roles.auditor),
    });
  }
}

export class DepartmentOptionView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: '工改办, 行业监管部门 …' }) kind: string;
}

export class DevSignInOptionsView {
  @ApiProperty({ description: 'local mode: the picker may mint a dev token' }) enabled: boolean;
  @ApiProperty({ description: 'why it is off, when it is' }) reason: string;
  @ApiProperty({ type: [DepartmentOptionView] }) departments: DepartmentOptionView[];
  @ApiProperty({ enum: CONSOLE_ROLES, isArray: true }) roles: Role[];
}
