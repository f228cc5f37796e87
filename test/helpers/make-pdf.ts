/**
 * Hand-built PDFs for tests: a few pages of Helvetica text lines, optionally encrypted with
 * the PDF Standard security handler (revision 2, 40-bit RC4), so bad and odd files can be
 * made inside tests without extra tools.
 */
import { createHash } from 'node:crypto';

export interface MakePdfOptions {
  /** Info dictionary entries (Latin-1 text). */
  info?: Record<string, string>;
  /** Encrypt with these passwords (empty user password = opens without one, like "restricted" PDFs). */
  encrypt?: { user: string; owner: string };
}

/** The 32-byte padding string of the Standard security handler. */
const PAD = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string): Buffer => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

/** WinAnsiEncoding bytes for the non-Latin-1 characters French text uses. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80, '…': 0x85, 'Œ': 0x8c, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, 'œ': 0x9c,
};

/** Text as WinAnsiEncoding bytes (unknown characters become '?'). */
export function winAnsi(text: string): Buffer {
  return Buffer.from([...text].map((c) => WIN_ANSI[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

/** PDF literal string (bytes as Latin-1), with the characters that need it escaped. */
function literal(bytes: Buffer): string {
  return `(${bytes.toString('latin1').replace(/[\\()]/g, (c) => `\\${c}`).replace(/\r/g, '\\r')})`;
}

/** A line of text, in 11-point Helvetica unless a size is given. */
export type PdfLine = string | { text: string; size: number };

/** A PDF whose pages show the given lines, top to bottom, in Helvetica. */
export function makePdf(pages: PdfLine[][], options: MakePdfOptions = {}): Uint8Array {
  const id = createHash('md5').update(JSON.stringify(pages)).digest();
  const perms = -4;
  let fileKey: Buffer | undefined;
  let encryptDict = '';
  if (options.encrypt) {
    const o = rc4(md5(padded(options.encrypt.owner)).subarray(0, 5), padded(options.encrypt.user));
    const p = Buffer.alloc(4);
    p.writeInt32LE(perms);
    fileKey = md5(padded(options.encrypt.user), o, p, id).subarray(0, 5);
    const u = rc4(fileKey, PAD);
    encryptDict = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${perms} >>`;
  }
  // Strings and streams of object `num` are encrypted with a key derived from the file key.
  const protect = (num: number, data: Buffer): Buffer => {
    if (!fileKey) return data;
    const n = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
    return rc4(md5(fileKey, n).subarray(0, 10), data);
  };

  const objects: Buffer[] = [];
  const add = (body: (num: number) => Buffer): number => {
    const num = objects.length + 1;
    objects.push(Buffer.alloc(0));
    objects[num - 1] = body(num);
    return num;
  };
  const text = (s: string): Buffer => Buffer.from(s, 'latin1');

  const catalog = add(() => Buffer.alloc(0));
  const pagesObj = add(() => Buffer.alloc(0));
  const font = add(() => text('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = ['BT', '56 780 Td'];
    for (const line of lines) {
      const { text: str, size } = typeof line === 'string' ? { text: line, size: 11 } : line;
      ops.push(`/F1 ${size} Tf ${Math.round(size * 1.3)} TL ${literal(winAnsi(str))} Tj T*`);
    }
    ops.push('ET');
    const content = add((num) => {
      const data = protect(num, text(ops.join('\n')));
      return Buffer.concat([text(`<< /Length ${data.length} >>\nstream\n`), data, text('\nendstream')]);
    });
    kids.push(
      add(() =>
        text(
          `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] ` +
            `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
        ),
      ),
    );
  }
  objects[catalog - 1] = text(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
  objects[pagesObj - 1] = text(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  let infoRef = '';
  if (options.info) {
    const entries = Object.entries(options.info);
    const info = add((num) =>
      text(`<< ${entries.map(([k, v]) => `/${k} ${literal(protect(num, winAnsi(v)))}`).join(' ')} >>`),
    );
    infoRef = ` /Info ${info} 0 R`;
  }
  let encryptRef = '';
  if (encryptDict) encryptRef = ` /Encrypt ${add(() => text(encryptDict))} 0 R`;

  const chunks: Buffer[] = [text('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([text(`${i + 1} 0 obj\n`), body, text('\nendobj\n')]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n'];
  for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n \n`);
  const hexId = id.toString('hex');
  chunks.push(
    text(
      `${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoRef}${encryptRef} ` +
        `/ID [<${hexId}> <${hexId}>] >>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}
