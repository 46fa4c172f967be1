//! Share links: the whole workspace in the URL fragment, which browsers never send to a
//! server.
//!
//! A fragment reads `share=v1.<checksum>.<data>`: `data` is the workspace JSON, deflated
//! and written in URL-safe base64 without padding; `checksum` is the CRC-32 of the JSON
//! in 8 hex digits. Decoding checks every layer (form, base64, inflate with a size
//! limit, checksum, then the usual workspace validation), so a link that was cut short,
//! mangled by a chat app or edited by hand is reported, never half-opened. A checksum
//! without a secret cannot stop someone who edits the data and recomputes it on purpose;
//! what that person gets is still validated like any opened file.

use thiserror::Error;

use super::zip::crc32;
use crate::core::bundle::{Bundle, LoadError, MAX_BUNDLE_BYTES};

/// What starts every share fragment.
pub const PREFIX: &str = "share=v1.";

/// The longest fragment we make. Browsers take far longer addresses (Chromium about 2 MB),
/// but chat apps, mail clients and QR codes do not; past this, a file is the better way.
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;

/// Why a workspace could not become a link.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncodeError {
    #[error("the workspace needs a link of {chars} characters, more than the {max} a link may have; save it to a file instead")]
    TooLong { chars: usize, max: usize },
}

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DecodeError {
    #[error("this is not a workspace link (it should contain `#share=v1.`)")]
    NotAShareLink,
    #[error("this link was made by a newer version of the playground (`{0}`)")]
    UnsupportedVersion(String),
    #[error("the link is damaged (cut short or changed)")]
    Corrupt,
    #[error("the link's checksum does not match its contents: it was cut short or changed")]
    ChecksumMismatch,
    #[error("the link's workspace is larger than {max} bytes", max = MAX_BUNDLE_BYTES)]
    TooLarge,
    #[error("the link's workspace has problems: {0}")]
    Invalid(LoadError),
}

/// The fragment (without `#`) that carries `bundle`.
pub fn encode(bundle: &Bundle) -> Result<String, EncodeError> {
    let fragment = encode_unchecked(bundle);
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(EncodeError::TooLong {
            chars: fragment.len(),
            max: MAX_FRAGMENT_CHARS,
        });
    }
    Ok(fragment)
}

/// The fragment for `bundle`, however long.
fn encode_unchecked(bundle: &Bundle) -> String {
    let json = serde_json::to_string(bundle).unwrap_or_default();
    format!(
        "{PREFIX}{:08x}.{}",
        crc32(json.as_bytes()),
        pack(json.as_bytes())
    )
}

/// The workspace in a link, a fragment or a fragment with its `#`. Spaces and line breaks
/// that chat apps put into long links are ignored.
pub fn decode(link: &str) -> Result<Bundle, DecodeError> {
    let json = decode_json(link)?;
    Bundle::from_json(&json).map_err(DecodeError::Invalid)
}

/// The workspace JSON in a link, checked up to its checksum but not validated.
pub fn decode_json(link: &str) -> Result<String, DecodeError> {
    let fragment = fragment_of(link).replacen("share%3D", "share=", 1);
    let Some(rest) = fragment.strip_prefix("share=") else {
        return Err(DecodeError::NotAShareLink);
    };
    let mut parts = rest.splitn(3, '.');
    let (Some(version), Some(checksum), Some(data)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(DecodeError::Corrupt);
    };
    if version != "v1" {
        return Err(DecodeError::UnsupportedVersion(
            version.chars().take(20).collect(),
        ));
    }
    let expected = u32::from_str_radix(checksum, 16).map_err(|_| DecodeError::Corrupt)?;
    if checksum.len() != 8 {
        return Err(DecodeError::Corrupt);
    }
    let bytes = unpack(data, MAX_BUNDLE_BYTES).map_err(|e| match e {
        UnpackError::TooLarge => DecodeError::TooLarge,
        UnpackError::Corrupt => DecodeError::Corrupt,
    })?;
    if crc32(&bytes) != expected {
        return Err(DecodeError::ChecksumMismatch);
    }
    String::from_utf8(bytes).map_err(|_| DecodeError::Corrupt)
}

/// The fragment of a link: what follows its first `#`, or all of it when it has none, with
/// the spaces and line breaks that chat apps put into long links removed. Shared by share
/// links and quiz links.
pub fn fragment_of(link: &str) -> String {
    let compact: String = link.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.find('#') {
        Some(i) => compact[i + 1..].to_string(),
        None => compact,
    }
}

/// `bytes` deflated (level 9) and written in URL-safe base64 without padding: the data of
/// share links, quiz links and result codes.
pub fn pack(bytes: &[u8]) -> String {
    base64url_encode(&miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

/// Why data written by [`pack`] could not be read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnpackError {
    /// Not base64, or not a complete deflate stream.
    Corrupt,
    /// More than the limit once inflated.
    TooLarge,
}

/// Reads what [`pack`] wrote, refusing more than `limit` bytes once inflated.
pub fn unpack(text: &str, limit: usize) -> Result<Vec<u8>, UnpackError> {
    let packed = base64url_decode(text).ok_or(UnpackError::Corrupt)?;
    inflate(&packed, limit)
}

/// Inflates a raw deflate stream, refusing more than `limit` bytes of output.
pub fn inflate(packed: &[u8], limit: usize) -> Result<Vec<u8>, UnpackError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(packed, limit).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => UnpackError::TooLarge,
        _ => UnpackError::Corrupt,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 (RFC 4648 §5) without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

/// Reads URL-safe base64 without padding (trailing `=` tolerated); `None` when malformed.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A single leftover character (6 bits) cannot come from any byte string; leftover bits
    // must be zero, as the encoder writes them.
    if bits >= 6 || acc != 0 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (raw, text) in cases {
            assert_eq!(base64url_encode(raw), text);
            assert_eq!(base64url_decode(text).as_deref(), Some(raw));
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Zg=="), Some(b"f".to_vec()));
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zh"), None, "non-zero leftover bits");
        assert_eq!(base64url_decode("Zm9v!"), None);
    }
}
