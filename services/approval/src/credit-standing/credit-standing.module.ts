import { Module } from '@nestjs/common';
import { CreditStandingController } from './credit-standing.controller';
import { CreditStandingIndex } from './credit-standing.index';
import { CreditStandingService } from './credit-standing.service';

@Module({ controllers: [CreditStandingController], providers: [CreditStandingService, CreditStandingIndex] })
export class CreditStandingModule {}
