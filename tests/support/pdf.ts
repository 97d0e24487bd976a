import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

/** A printed line: its size (11 pt unless said), indentation and extra space above it. */
export interface PdfLine {
  text: string;
  size?: number;
  indent?: number;
  gapBefore?: number;
}

const A4 = { width: 595, height: 842 };
const LEFT = 56;

/**
 * A PDF whose pages print these lines from the top, as a word processor would: 1.35 line
 * spacing, a running header in small type above the text and the page number centred below it.
 */
export async function textPdf(
  pages: PdfLine[][],
  { header, pageNumbers = true }: { header?: string; pageNumbers?: boolean } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  pages.forEach((lines, i) => {
    const page = pdf.addPage([A4.width, A4.height]);
    if (header) page.drawText(header, { x: LEFT, y: A4.height - 40, size: 9, font });
    let y = A4.height - 80;
    for (const { text, size = 11, indent = 0, gapBefore = 0 } of lines) {
      y -= gapBefore;
      page.drawText(text, { x: LEFT + indent, y, size, font });
      y -= size * 1.35;
    }
    if (pageNumbers) page.drawText(String(i + 1), { x: A4.width / 2, y: 36, size: 9, font });
  });
  return pdf.save();
}

/** What a scanner makes, as far as text goes: a page with a picture on it and no text layer. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([A4.width, A4.height]);
  page.drawRectangle({ x: 56, y: 80, width: 480, height: 680, color: rgb(0.85, 0.85, 0.8) });
  return pdf.save();
}

/**
 * A PDF encrypted with the standard security handler whose user password is not empty: a reader
 * must ask for the password before it can show anything. pdf-lib cannot encrypt, so the file is
 * written by hand; its /O and /U entries are made-up bytes that no password (and in particular
 * not the empty one) matches, which is all a reader finds out before it gives up.
 */
export function passwordPdf(): Uint8Array {
  const hex = (bytes: number, seed: number) =>
    Array.from({ length: bytes }, (_, i) =>
      ((i * 37 + seed) % 256).toString(16).padStart(2, "0"),
    ).join("");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 71)}> /P -4 >>`,
  ];
  let file = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = file.length;
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, "0")} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 5)}> <${hex(16, 5)}>] >>\n`;
  file += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(file);
}

/** A file that says it is a PDF and is not one: a header, then nothing a reader can use. */
export function corruptPdf(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n%%EOF\n");
}
