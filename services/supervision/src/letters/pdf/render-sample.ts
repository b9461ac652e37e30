import { writeFileSync } from 'node:fs';
import { renderLetterPdf } from './letter-pdf';
import { sampleLetter } from './sample-letter';

/**
 * Writes the sample 督办函 as PDF, for the README's picture:
 *   npx nx build supervision
 *   node -r ./scripts/register-paths.js dist/services/supervision/src/letters/pdf/render-sample.js .local/sample-duban-letter.pdf
 *   pdftoppm -png -r 80 -singlefile .local/sample-duban-letter.pdf docs/images/sample-duban-letter
 */
async function main(out = process.argv[2] ?? 'sample-duban-letter.pdf'): Promise<void> {
  writeFileSync(out, await renderLetterPdf(sampleLetter('督办函')));
  process.stdout.write(`${out}\n`);
}

void main();
