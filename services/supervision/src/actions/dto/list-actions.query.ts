import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { ActionKind, ActionKinds } from '../domain/action-vocabulary';

export class ListActionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ActionKinds })
  @IsOptional()
  @IsIn(ActionKinds)
  kind?: ActionKind;

  @ApiPropertyOptional({ enum: ['recorded', 'reported'], description: 'recorded: a check awaiting its report' })
  @IsOptional()
  @IsIn(['recorded', 'reported'])
  status?: 'recorded' | 'reported';

  @ApiPropertyOptional({ description: '统一社会信用代码 of the subject' })
  @IsOptional()
  @IsUscc()
  subjectUscc?: string;
}
