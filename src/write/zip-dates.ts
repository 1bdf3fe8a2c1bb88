/**
 * Sets the modification date of every entry of a zip file, in place. The docx package zips
 * with fflate and gives it no date, so each entry carries the clock at packing time, in local
 * time: two builds of one dataset would differ. This rewrites the two-field DOS date of each
 * local header and central-directory record (APPNOTE 4.3.7, 4.3.12) — nothing else is touched.
 */
export function stampZip(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // DOS dates start in 1980 and count seconds in twos; the date is taken in UTC, whatever the machine's zone.
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  for (let at = 0; at + 4 <= zip.length; ) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) {
      view.setUint16(at + 10, dosTime, true);
      view.setUint16(at + 12, dosDate, true);
      // fflate's zipSync writes sizes in the local header (no data descriptor).
      at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    } else if (signature === 0x02014b50) {
      view.setUint16(at + 12, dosTime, true);
      view.setUint16(at + 14, dosDate, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    } else break;
  }
  return zip;
}
