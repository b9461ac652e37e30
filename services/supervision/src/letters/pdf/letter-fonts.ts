import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK typefaces a letter is set in. GB/T 9704 asks for 小标宋 (mark, title) and 仿宋 (text);
 * the free face closest to both is Noto Serif CJK SC (a 宋体), bold for the mark and title,
 * regular for the text. Debian's fonts-noto-cjk ships it as TrueType collections (.ttc), so a
 * face is a file and the PostScript name of the face inside it; deploy/local/provision.sh
 * installs the package. LETTER_FONT_REGULAR / LETTER_FONT_BOLD (`path` or `path#PostScriptName`)
 * point elsewhere, e.g. at a licensed 方正小标宋 / 仿宋_GB2312.
 */
export interface FontFace {
  path: string;
  /** the face inside a collection; required for .ttc, ignored for a single-face file */
  postscriptName?: string;
}

export interface LetterFontFaces {
  regular: FontFace;
  bold: FontFace;
}

const NOTO_DIR = '/usr/share/fonts/opentype/noto';
export const DEFAULT_LETTER_FONTS: LetterFontFaces = {
  regular: { path: `${NOTO_DIR}/NotoSerifCJK-Regular.ttc`, postscriptName: 'NotoSerifCJKsc-Regular' },
  bold: { path: `${NOTO_DIR}/NotoSerifCJK-Bold.ttc`, postscriptName: 'NotoSerifCJKsc-Bold' },
};

function fromEnv(value: string | undefined, fallback: FontFace): FontFace {
  if (!value) return fallback;
  const [path, postscriptName] = value.split('#');
  return { path, postscriptName: postscriptName || undefined };
}

export function letterFontFaces(env: NodeJS.ProcessEnv = process.env): LetterFontFaces {
  return { regular: fromEnv(env.LETTER_FONT_REGULAR, DEFAULT_LETTER_FONTS.regular), bold: fromEnv(env.LETTER_FONT_BOLD, DEFAULT_LETTER_FONTS.bold) };
}

/** The font files that are not there (empty when letters can be rendered). */
export function missingLetterFonts(faces: LetterFontFaces = letterFontFaces()): string[] {
  return [faces.regular.path, faces.bold.path].filter((path) => !existsSync(path));
}

export interface LoadedFont {
  data: Buffer;
  postscriptName?: string;
}

const loaded = new Map<string, Buffer>();

/**
 * Reads a face once per process (a collection is ~20 MB; pdfkit embeds only the glyphs used).
 * A missing font is an outage of this machine, not a bad letter: the error is an ordinary one,
 * so the ladder's activity retries until the font is installed.
 */
export function loadFont(face: FontFace): LoadedFont {
  let data = loaded.get(face.path);
  if (!data) {
    if (!existsSync(face.path))
      throw new Error(
        `letter font ${face.path} is missing: run deploy/local/provision.sh fonts (Debian fonts-noto-cjk) or set LETTER_FONT_REGULAR/LETTER_FONT_BOLD`,
      );
    data = readFileSync(face.path);
    loaded.set(face.path, data);
  }
  return { data, postscriptName: face.postscriptName };
}
