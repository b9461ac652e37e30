import { SetMetadata } from '@nestjs/common';

/** Marks an endpoint that needs no token (health, metrics, the public 双公示 list). */
export const IS_PUBLIC = 'cityworks:isPublic';
export const Public = () => SetMetadata(IS_PUBLIC, true);
