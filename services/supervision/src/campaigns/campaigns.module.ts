import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { SubjectsModule } from '../subjects/subjects.module';
import { PoolsModule } from '../inspectors/pools.module';
import { CampaignsController } from './campaigns.controller';
import { PublicCampaignsController } from './public/public-campaigns.controller';
import { CAMPAIGN_TERMS, CampaignsService } from './campaigns.service';
import { CampaignsRepository } from './persistence/campaigns.repository';
import { CampaignWorkflowClient } from './workflow/campaign.workflow-client';
import { CampaignCheckRecordedHandler } from './events/check-recorded.handler';
import { campaignTermsFrom } from './domain/campaign-terms';

/** 双随机、一公开 */
@Module({
  imports: [CalendarSyncModule, SubjectsModule, PoolsModule],
  controllers: [CampaignsController, PublicCampaignsController],
  providers: [
    CampaignsService,
    CampaignsRepository,
    CampaignWorkflowClient,
    CampaignCheckRecordedHandler,
    // read at start: a wrong setting stops the service with the setting's name
    { provide: CAMPAIGN_TERMS, useFactory: () => campaignTermsFrom(process.env) },
  ],
  exports: [CampaignsService],
})
export class CampaignsModule {}
