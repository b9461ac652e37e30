import { Module } from '@nestjs/common';
import { CreditStandingController } from './credit-standing.controller';
import { CreditStandingService } from './credit-standing.service';

@Module({ controllers: [CreditStandingController], providers: [CreditStandingService] })
export class CreditStandingModule {}
