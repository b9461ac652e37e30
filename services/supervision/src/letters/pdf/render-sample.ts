import { writeFileSync } from 'node:fs';
import { renderLetterPdf } from './letter-pdf';
import { sampleLetter } from './sample-letter';

/**
 * Writes the sample 督办函 (sample-letter.ts) as PDF; the README's picture is its two pages:
 *   npx nx build supervision
 *   node -r ./scripts/register-paths.js dist/services/supervision/src/letters/pdf/render-sample.js .local/sample-duban-letter.pdf
 *   pdftoppm -png -r 72 .local/sample-duban-letter.pdf .local/sample-duban-letter      # Debian poppler-utils
 *   convert .local/sample-duban-letter-{1,2}.png -bordercolor '#999999' -border 1 +append -strip docs/images/sample-duban-letter.png
 */
async function main(out = process.argv[2] ?? 'sample-duban-letter.pdf'): Promise<void> {
  writeFileSync(out, await renderLetterPdf(sampleLetter('督办函')));
  process.stdout.write(`${out}\n`);
}

void main();
