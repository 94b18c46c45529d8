import { decodeBuffer } from "encoding-sniffer";

/**
 * Bytes to text the way browsers do (WHATWG encoding sniffing): a byte-order
 * mark, then the Content-Type charset, then a <meta charset> or XML
 * declaration in the first bytes, else windows-1252. So a page served as
 * ISO-8859-1 or Shift_JIS reads as its authors wrote it.
 */
export function decodeText(body: Buffer, charset: string | null): string {
  return decodeBuffer(body, { transportLayerEncodingLabel: charset ?? undefined, defaultEncoding: "utf-8" });
}
