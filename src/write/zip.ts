import { crc32, deflateRawSync } from "node:zlib";

/**
 * A ZIP archive of the given files, in order, DEFLATE-compressed with Node's native zlib
 * (the DOCX container: [Content_Types].xml first). Only what a document package needs:
 * no folders, no ZIP64, no comments.
 */
export function zip(files: Iterable<[string, string | Uint8Array]>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [path, data] of files) {
    const name = Buffer.from(path, "utf8");
    const raw = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
    const deflated = deflateRawSync(raw, { level: 6 });
    const stored = deflated.length >= raw.length;
    const body = stored ? raw : deflated;
    const crc = crc32(raw);
    // Version 2.0, UTF-8 names (flag bit 11), DEFLATE (8) or stored (0), a fixed 1980-01-01 time.
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x0800, at + 2);
      header.writeUInt16LE(stored ? 0 : 8, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x21, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(raw.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    common(head, 4);
    head.writeUInt16LE(0, 28);
    local.push(head, name, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    common(entry, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += head.length + name.length + body.length;
    count++;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}
