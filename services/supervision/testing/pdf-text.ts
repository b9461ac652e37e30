import { inflateSync } from 'node:zlib';

/**
 * The text a pdfkit PDF shows, line fragment by line fragment, for tests: pdfkit writes CJK text
 * as glyph ids of an embedded subset, so the text is found through each font's ToUnicode map,
 * not in the bytes. Handles what pdfkit writes (Flate-compressed or plain streams, `/Fn size Tf`,
 * `[<hex> n <hex>] TJ`, `bfrange` arrays), nothing more.
 */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const header = /(?:^|\n)(\d+) 0 obj\s*/g;
  for (let m = header.exec(source); m; m = header.exec(source)) {
    const start = m.index + m[0].length;
    const end = source.indexOf('endobj', start);
    const streamAt = source.indexOf('stream', start);
    const length = /\/Length (\d+)/.exec(source.slice(start, streamAt))?.[1];
    if (streamAt > 0 && streamAt < end && length) {
      const dataStart = source.indexOf('\n', streamAt) + 1;
      const dict = source.slice(start, streamAt);
      const raw = source.slice(dataStart, dataStart + Number(length));
      const stream = /\/Filter \/FlateDecode/.test(dict) ? inflate(raw) : raw;
      objects.set(Number(m[1]), { dict, stream });
      header.lastIndex = dataStart + Number(length);
    } else objects.set(Number(m[1]), { dict: source.slice(start, end), stream: null });
  }

  // resource name (F1, F2 …) → glyph id → text
  const fonts = new Map<string, Map<number, string>>();
  for (const [, { dict }] of objects)
    for (const ref of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref[2]));
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? '')?.[1];
      const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : null;
      if (cmap) fonts.set(ref[1], parseCMap(cmap));
    }

  const lines: string[] = [];
  for (const [, { stream }] of objects) {
    if (!stream || !/ Tf\n/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else lines.push([...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => decode(h[1], font)).join(''));
    }
  }
  return lines;
}

function inflate(latin1: string): string {
  try {
    return inflateSync(Buffer.from(latin1, 'latin1')).toString('latin1');
  } catch {
    return '';
  }
}

function decode(hex: string, cmap: Map<number, string>): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
  return out;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1].matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> (\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = parseInt(range[1], 16);
      const to = parseInt(range[2], 16);
      if (range[3].startsWith('[')) [...range[3].matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(from + i, utf16(u[1])));
      else for (let g = from, u = parseInt(range[3].slice(1, -1), 16); g <= to; g++, u++) map.set(g, String.fromCharCode(u));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const pair of block[1].matchAll(/<([0-9a-f]+)> <([0-9a-f]+)>/gi)) map.set(parseInt(pair[1], 16), utf16(pair[2]));
  return map;
}
