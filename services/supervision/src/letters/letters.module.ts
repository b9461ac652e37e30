import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { EscalationModule } from '../escalation/escalation.module';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';
import { LettersRepository } from './persistence/letters.repository';
import { missingLetterFonts } from './pdf/letter-fonts';
import { LetterRendering } from './pdf/letter-rendering';

@Module({
  imports: [EscalationModule],
  controllers: [LettersController],
  providers: [LettersService, LettersRepository, LetterRendering],
  exports: [LettersService],
})
export class LettersModule implements OnModuleInit {
  /** Says at start-up what would otherwise surface only when the ladder issues its first letter. */
  onModuleInit(): void {
    const missing = missingLetterFonts();
    if (missing.length)
      new Logger(LettersModule.name).warn(`letters cannot be rendered until these fonts exist: ${missing.join(', ')} (deploy/local/provision.sh fonts)`);
  }
}
