import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation';

class Material {
  @IsString()
  name: string;
}

class Body {
  @IsInt()
  @Min(1)
  limitDays: number;

  @ValidateNested({ each: true })
  @Type(() => Material)
  materials: Material[];
}

describe('validation pipe', () => {
  const pipe = createValidationPipe();
  const run = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Body });

  it('names every field and rule, nested ones by path', async () => {
    const error: BadRequestException = await run({ limitDays: 0, materials: [{ name: 3 }], extra: true }).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    const body = error.getResponse() as any;
    expect(body.statusCode).toBe(400);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'limitDays', rules: { min: 'limitDays must not be less than 1' } },
        { field: 'materials.0.name', rules: { isString: 'name must be a string' } },
        { field: 'extra', rules: { whitelistValidation: 'property extra should not exist' } },
      ]),
    );
  });

  it('passes a valid body through as the DTO class', async () => {
    const value = await run({ limitDays: 20, materials: [{ name: '申请书' }] });
    expect(value).toBeInstanceOf(Body);
  });
});
