import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Finding, Findings, Rating, Ratings } from '../review/complaint-review';

/** 满意度回访: the complainant's rating of the latest answer, relayed by the channel. */
export class RateComplaintDto {
  @ApiProperty({ enum: Ratings, description: 'unsatisfied with the first answer reopens the complaint once for the 工改办’s review' })
  @IsIn(Ratings, { message: `rating must be one of ${Ratings.join(', ')}` })
  rating: Rating;
}

/** 复核答复 of the 工改办. */
export class AnswerReviewDto {
  @ApiProperty({ description: '复核意见', example: '经复核，原答复认定事实清楚，已督促住建局加强夜间巡查', maxLength: 4000 })
  @IsString({ message: 'answer must be a string' })
  @IsNotEmpty({ message: 'answer should not be empty' })
  @MaxLength(4000, { message: 'answer must be at most 4000 characters' })
  answer: string;
}

/** 属实认定 of the handling department. */
export class RecordFindingDto {
  @ApiProperty({ enum: Findings, description: 'substantiated (属实) announces complaints.upheld.v1: a 专项检查 and a credit record follow' })
  @IsIn(Findings, { message: `finding must be one of ${Findings.join(', ')}` })
  finding: Finding;
}
