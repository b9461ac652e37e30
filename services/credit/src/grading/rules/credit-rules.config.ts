import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { CreditRules, DEFAULT_CREDIT_RULES } from './credit-rules';
import { parseCreditRules } from './parse-credit-rules';

/**
 * The grading rule set, read once at start: the JSON file named by CREDIT_RULES_FILE (any part
 * left out keeps its default), or the defaults. A file that cannot be read or breaks a rule stops
 * the service at start, naming the file and the field.
 */
export function readCreditRules(env: NodeJS.ProcessEnv = process.env): CreditRules {
  const file = env.CREDIT_RULES_FILE?.trim();
  if (!file) return DEFAULT_CREDIT_RULES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`CREDIT_RULES_FILE ${file} cannot be read as JSON: ${(e as Error).message}`);
  }
  try {
    return parseCreditRules(raw);
  } catch (e) {
    throw new Error(`CREDIT_RULES_FILE ${file}: ${(e as Error).message}`);
  }
}

@Injectable()
export class CreditRulesConfig {
  readonly rules: CreditRules = readCreditRules();
}
