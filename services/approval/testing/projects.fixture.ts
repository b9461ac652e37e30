import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { reformOffice } from '@cityworks/testing';
import type { RegisterProjectDto } from '../src/projects/dto/register-project.dto';

/**
 * A project (项目赋码) the fixture's applications belong to: 铁西区, the owner
 * acceptApplicationRequest names. Applications are accepted only for a registered project.
 */
export function registerProjectRequest(code: string, overrides: Partial<RegisterProjectDto> = {}): RegisterProjectDto {
  return {
    code,
    name: '铁西区测试项目',
    type: '社会投资简易低风险',
    regionCode: '210303',
    ownerUscc: '91350100M000100Y43',
    ...overrides,
  } as RegisterProjectDto;
}

/** Registers the project over HTTP as the 工改办 would, and answers its code. */
export async function registerProject(app: INestApplication, code: string, overrides: Partial<RegisterProjectDto> = {}): Promise<string> {
  await request(app.getHttpServer()).post('/projects').set('authorization', reformOffice()).send(registerProjectRequest(code, overrides)).expect(201);
  return code;
}
