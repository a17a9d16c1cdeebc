/**
 * Reading a zip file's entries, enough to look inside the packages `npm run
 * zip` makes (stored or deflated entries, no Zip64, no encryption). Written
 * here rather than shelling out to `unzip`, which a fresh machine may lack.
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipFile {
  /** Every entry's path, in the order the zip lists them (folders end with `/`). */
  readonly names: string[];
  /** An entry's bytes, uncompressed; throws when there is no such entry. */
  read(name: string): Buffer;
}

/** The zip in `data`; throws on anything this reader does not handle. */
export function readZip(data: Buffer): ZipFile {
  const end = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries = new Map<string, { method: number; compressedSize: number; localOffset: number }>();
  for (let index = 0; index < count; index++) {
    if (data.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`zip: entry ${index} has no central directory header`);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      localOffset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return {
    names: [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`zip: no entry ${name}`);
      const local = entry.localOffset;
      if (data.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`zip: ${name} has no local header`);
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      // A copy as a plain Uint8Array (Node 20's Buffer typings do not fit TypeScript 5.9's here).
      const bytes = Uint8Array.from(data.subarray(start, start + entry.compressedSize));
      if (entry.method === STORED) return Buffer.from(bytes.buffer);
      if (entry.method === DEFLATED) return inflateRawSync(bytes);
      throw new Error(`zip: ${name} uses compression method ${entry.method}`);
    },
  };
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('zip: no end of central directory record (not a zip file?)');
}
