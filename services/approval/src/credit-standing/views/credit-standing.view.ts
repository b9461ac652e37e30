import { ApiProperty } from '@nestjs/swagger';
import { ActionStanding, CreditRestrictedActions, CreditStanding } from '../domain/credit-standing';

export class ActionStandingView {
  @ApiProperty({ enum: CreditRestrictedActions, description: 'apply-on-commitment: 告知承诺制审批; tolerant-acceptance: 容缺受理' })
  action: string;

  @ApiProperty({ description: 'whether credit restricts the subject from this action now' })
  restricted: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'why it is restricted; null when it is not' })
  reason: string | null;

  static of(a: ActionStanding): ActionStandingView {
    return Object.assign(new ActionStandingView(), a);
  }
}

/** 信用查询: a subject's grade as approval knows it, and what it may do in approval now. */
export class CreditStandingView {
  @ApiProperty({ description: '统一社会信用代码' })
  uscc: string;

  @ApiProperty({ type: String, enum: ['A', 'B', 'C', 'D'], nullable: true, description: 'null when credit never graded the subject (treated as B)' })
  grade: string | null;

  @ApiProperty({ description: '联合惩戒: on the joint-punishment list' })
  jointPunishment: boolean;

  @ApiProperty({ description: '绿色通道: graded A' })
  greenChannel: boolean;

  @ApiProperty({ description: '谨慎审批: graded C or D, so its applications are examined with extra care' })
  cautiousReview: boolean;

  @ApiProperty({ type: [ActionStandingView] })
  actions: ActionStandingView[];

  static of(s: CreditStanding): CreditStandingView {
    return Object.assign(new CreditStandingView(), { ...s, actions: s.actions.map(ActionStandingView.of) });
  }
}
