//! A small ZIP writer (and reader, for checking what we wrote): enough for the OOXML
//! packages of `.docx` files. Entries are deflated with miniz_oxide; there is no
//! encryption, no ZIP64 (a document is far below 4 GB) and no extra fields.
//!
//! Every entry carries the same DOS time stamp (1980-01-01 00:00), the earliest a ZIP can
//! hold: `core` reads no clock, and the same input always gives the same bytes.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_RECORD: u32 = 0x0605_4b50;
/// The fixed sizes of the three records, before their variable parts.
const LOCAL_LEN: usize = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: usize = 22;
/// ZIP 2.0: deflate.
const VERSION: u16 = 20;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// General purpose flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;
/// General purpose flag bit 0: the entry is encrypted.
const ENCRYPTED: u16 = 1;
/// 00:00:00 and 1980-01-01 in MS-DOS form (years since 1980, month, day).
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Deflate level: miniz's default, a good balance for a few hundred KB of XML.
const LEVEL: u8 = 6;

/// Why an archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    #[error("not a ZIP archive: no end of central directory record")]
    NotZip,
    #[error("the archive is truncated or points outside itself")]
    Truncated,
    #[error("a record signature is wrong at byte {0}")]
    BadSignature(usize),
    #[error("an entry name is not UTF-8")]
    BadName,
    #[error("{name}: unsupported (method {method}, flags {flags:#06x})")]
    Unsupported {
        name: String,
        method: u16,
        flags: u16,
    },
    #[error("{0}: the compressed data is corrupt")]
    Corrupt(String),
    #[error("{0}: the size does not match the directory")]
    Size(String),
    #[error("{0}: the CRC-32 does not match")]
    Crc(String),
}

/// A ZIP archive holding `entries` (name and contents) in this order. Each entry is
/// deflated, or stored when deflating would not make it smaller.
pub fn write(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let deflated = compress_to_vec(data, LEVEL);
        let (method, body) = if deflated.len() < data.len() {
            (DEFLATED, deflated.as_slice())
        } else {
            (STORED, *data)
        };
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };
        let header = Header {
            flags,
            method,
            crc: crc32(data),
            compressed: len32(body.len()),
            size: len32(data.len()),
            name_len: len16(name.len()),
        };
        let offset = len32(out.len());

        put32(&mut out, LOCAL_HEADER);
        put16(&mut out, VERSION);
        header.put(&mut out);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, VERSION); // made by: MS-DOS (no Unix permissions to carry)
        put16(&mut central, VERSION);
        header.put(&mut central);
        put16(&mut central, 0); // extra field length
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = len32(out.len());
    out.extend_from_slice(&central);
    let count = len16(entries.len());
    put32(&mut out, END_RECORD);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, len32(central.len()));
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}

/// The part of an entry's header that the local and central records share, from the
/// flags to the name length.
struct Header {
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    name_len: u16,
}

impl Header {
    fn put(&self, out: &mut Vec<u8>) {
        put16(out, self.flags);
        put16(out, self.method);
        put16(out, DOS_TIME);
        put16(out, DOS_DATE);
        put32(out, self.crc);
        put32(out, self.compressed);
        put32(out, self.size);
        put16(out, self.name_len);
    }
}

/// Every entry of an archive (name and inflated contents), in the order of its central
/// directory, with each CRC-32 checked. Never panics on malformed input.
pub fn entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let end = find_end_record(bytes)?;
    let count = usize::from(get16(bytes, end + 10)?);
    let mut at = get32(bytes, end + 16)? as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if get32(bytes, at)? != CENTRAL_HEADER {
            return Err(ZipError::BadSignature(at));
        }
        let flags = get16(bytes, at + 8)?;
        let method = get16(bytes, at + 10)?;
        let crc = get32(bytes, at + 16)?;
        let compressed = get32(bytes, at + 20)? as usize;
        let size = get32(bytes, at + 24)? as usize;
        let name_len = usize::from(get16(bytes, at + 28)?);
        let extra_len = usize::from(get16(bytes, at + 30)?);
        let comment_len = usize::from(get16(bytes, at + 32)?);
        let local = get32(bytes, at + 42)? as usize;
        let name = slice(bytes, at + CENTRAL_LEN, name_len)?;
        let name = String::from_utf8(name.to_vec()).map_err(|_| ZipError::BadName)?;
        at += CENTRAL_LEN + name_len + extra_len + comment_len;

        if flags & ENCRYPTED != 0 || !matches!(method, STORED | DEFLATED) {
            return Err(ZipError::Unsupported {
                name,
                method,
                flags,
            });
        }
        let data = slice(bytes, data_start(bytes, local)?, compressed)?;
        let data = if method == STORED {
            data.to_vec()
        } else {
            decompress_to_vec_with_limit(data, size).map_err(|_| ZipError::Corrupt(name.clone()))?
        };
        if data.len() != size {
            return Err(ZipError::Size(name));
        }
        if crc32(&data) != crc {
            return Err(ZipError::Crc(name));
        }
        out.push((name, data));
    }
    Ok(out)
}

/// Where an entry's data starts, after its local header.
fn data_start(bytes: &[u8], local: usize) -> Result<usize, ZipError> {
    if get32(bytes, local)? != LOCAL_HEADER {
        return Err(ZipError::BadSignature(local));
    }
    let name_len = usize::from(get16(bytes, local + 26)?);
    let extra_len = usize::from(get16(bytes, local + 28)?);
    Ok(local + LOCAL_LEN + name_len + extra_len)
}

/// The end of central directory record: the last signature that leaves room for the
/// record and its comment (at most 64 KB) before the end of the file.
fn find_end_record(bytes: &[u8]) -> Result<usize, ZipError> {
    let last = bytes.len().checked_sub(END_LEN).ok_or(ZipError::NotZip)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last)
        .rev()
        .find(|&i| get32(bytes, i) == Ok(END_RECORD))
        .ok_or(ZipError::NotZip)
}

fn slice(bytes: &[u8], at: usize, len: usize) -> Result<&[u8], ZipError> {
    at.checked_add(len)
        .and_then(|end| bytes.get(at..end))
        .ok_or(ZipError::Truncated)
}

fn get16(bytes: &[u8], at: usize) -> Result<u16, ZipError> {
    let b = slice(bytes, at, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn get32(bytes: &[u8], at: usize) -> Result<u32, ZipError> {
    let b = slice(bytes, at, 4)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A length in a 32-bit field. Without ZIP64 larger values cannot be written; documents
/// never come near (and wasm32 memory ends at 4 GB anyway).
fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A length or count in a 16-bit field (names are short; a package has a dozen entries).
fn len16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// CRC-32 (IEEE 802.3, as ZIP and PNG use), bitwise with a table built at compile time.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    fn sample() -> Vec<u8> {
        let xml = "<a>".repeat(500);
        write(&[
            ("[Content_Types].xml", xml.as_bytes()),
            ("tiny", b"x"),
            ("empty", b""),
            ("目录/名字.txt", "中文".as_bytes()),
        ])
    }

    #[test]
    fn entries_round_trip_in_order() {
        let read = entries(&sample()).expect("readable");
        let names: Vec<&str> = read.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["[Content_Types].xml", "tiny", "empty", "目录/名字.txt"]
        );
        assert_eq!(read[0].1, "<a>".repeat(500).as_bytes());
        assert_eq!(read[1].1, b"x");
        assert!(read[2].1.is_empty());
        assert_eq!(read[3].1, "中文".as_bytes());
    }

    #[test]
    fn repetitive_data_is_deflated_and_tiny_data_stored() {
        let zip = sample();
        // The local header of the first entry: method at byte 8.
        assert_eq!(get16(&zip, 8), Ok(DEFLATED));
        assert!(zip.len() < 1500, "1500 bytes of XML were not compressed");
        let tiny = data_start(&zip, 0).expect("first") + get32(&zip, 18).expect("size") as usize;
        assert_eq!(get32(&zip, tiny), Ok(LOCAL_HEADER));
        assert_eq!(get16(&zip, tiny + 8), Ok(STORED));
    }

    #[test]
    fn the_same_entries_give_the_same_bytes() {
        assert_eq!(sample(), sample());
    }

    #[test]
    fn a_changed_byte_is_detected() {
        let mut zip = write(&[("a.txt", b"hello")]);
        // Stored data starts after the 30-byte header and the 5-byte name.
        zip[35] ^= 1;
        assert_eq!(entries(&zip), Err(ZipError::Crc("a.txt".into())));
    }

    #[test]
    fn corrupt_deflate_data_is_an_error() {
        let data = "abc".repeat(300);
        let mut zip = write(&[("a.txt", data.as_bytes())]);
        for b in &mut zip[35..45] {
            *b = 0xff;
        }
        assert!(entries(&zip).is_err());
    }

    #[test]
    fn truncated_or_foreign_input_is_an_error_not_a_panic() {
        let zip = sample();
        for len in 0..zip.len() {
            assert!(entries(&zip[..len]).is_err(), "cut at {len}");
        }
        assert_eq!(entries(b"PK"), Err(ZipError::NotZip));
        assert_eq!(entries(&[0; 100]), Err(ZipError::NotZip));
    }
}
