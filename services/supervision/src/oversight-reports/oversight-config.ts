import { Injectable } from '@nestjs/common';
import { scoreWeightsFrom, ScoreWeights } from './domain/scoring';

/**
 * Configuration of the oversight reports, read once at start (a bad value stops the service,
 * naming the variable and the rule):
 * - OVERSIGHT_SCORE_WEIGHTS: JSON, any subset of the scoring weights (domain/scoring.ts);
 * - OVERSIGHT_SAMPLE_SIZE: finished applications drawn by a monthly report, 0–500 (default 10; 0 draws none);
 * - OVERSIGHT_SCHEDULES_ENABLED: `false` leaves the Temporal Schedules alone (default: created at start).
 */
@Injectable()
export class OversightConfig {
  readonly weights: ScoreWeights;
  readonly sampleSize: number;
  readonly schedulesEnabled: boolean;

  constructor() {
    this.weights = scoreWeightsFrom(process.env.OVERSIGHT_SCORE_WEIGHTS);
    const size = process.env.OVERSIGHT_SAMPLE_SIZE?.trim() ? Number(process.env.OVERSIGHT_SAMPLE_SIZE) : 10;
    if (!Number.isInteger(size) || size < 0 || size > 500) throw new Error('OVERSIGHT_SAMPLE_SIZE must be an integer from 0 to 500');
    this.sampleSize = size;
    this.schedulesEnabled = process.env.OVERSIGHT_SCHEDULES_ENABLED !== 'false';
  }
}
