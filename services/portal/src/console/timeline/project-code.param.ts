import { Matches } from 'class-validator';

export class ProjectCodeParam {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1–64 letters, digits, dots, underscores or hyphens' })
  code: string;
}
