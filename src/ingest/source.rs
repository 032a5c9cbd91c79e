//! Reading corpus files: walking folders, refusing what is not text (binary, empty, oversized,
//! unreadable), and decoding bytes to text whatever their encoding.

use std::path::{Path, PathBuf};

/// Files larger than this are skipped.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest feed file (JSON Lines, many records per file); each record still counts as an article.
pub const MAX_FEED_BYTES: u64 = 1024 * 1024 * 1024;

/// Whether a path names a feed file (many records), which may be larger than a single article.
fn is_feed(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "jsonl" | "ndjson"))
}

/// One file to ingest, named by its path relative to the corpus root.
#[derive(Debug)]
pub struct SourceFile {
    pub rel: String,
    pub bytes: Vec<u8>,
}

/// Where a file came from: on disk (read when its turn comes) or in memory (the built-in sample).
#[derive(Debug)]
pub enum Entry {
    Disk { rel: String, path: PathBuf },
    Memory(SourceFile),
}

impl Entry {
    pub fn rel(&self) -> &str {
        match self {
            Entry::Disk { rel, .. } => rel,
            Entry::Memory(f) => &f.rel,
        }
    }

    /// Size in bytes (0 when the file cannot be read now; reading it later reports why).
    pub fn size(&self) -> u64 {
        match self {
            Entry::Disk { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
            Entry::Memory(f) => f.bytes.len() as u64,
        }
    }
}

/// Lists the files under `root` (a folder, searched recursively, or one file), sorted by path.
/// Hidden files and folders (names starting with '.') are left out. With `prefix`, relative paths
/// start with it (used when several roots are loaded together).
pub fn list_files(root: &Path, prefix: Option<&str>) -> Result<Vec<Entry>, String> {
    let meta = std::fs::metadata(root)
        .map_err(|e| format!("cannot read corpus path {}: {e}", root.display()))?;
    let join = |rel: String| match prefix {
        Some(p) => format!("{p}/{rel}"),
        None => rel,
    };
    if meta.is_file() {
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Ok(vec![Entry::Disk {
            rel: join(name),
            path: root.to_path_buf(),
        }]);
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    for e in
        walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let Ok(e) = e else { continue };
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e.path().strip_prefix(root).unwrap_or(e.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push(Entry::Disk {
            rel: join(rel),
            path: e.path().to_path_buf(),
        });
    }
    Ok(out)
}

/// Reads an entry's bytes, refusing unreadable and oversized files.
pub fn read_entry(e: Entry) -> Result<SourceFile, String> {
    match e {
        Entry::Memory(f) => Ok(f),
        Entry::Disk { rel, path } => {
            let len = std::fs::metadata(&path)
                .map_err(|e| format!("unreadable: {e}"))?
                .len();
            let limit = if is_feed(&path) {
                MAX_FEED_BYTES
            } else {
                MAX_FILE_BYTES
            };
            if len > limit {
                return Err(format!(
                    "oversized: {:.1} MB, over the {} MB limit{}",
                    len as f64 / 1_048_576.0,
                    limit / 1_048_576,
                    if is_feed(&path) {
                        " for feed files"
                    } else {
                        " for one article file"
                    }
                ));
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("unreadable: {e}"))?;
            Ok(SourceFile { rel, bytes })
        }
    }
}

/// Text decoded from bytes, with a note when it was not plain UTF-8.
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, a charset the HTML
/// declares, or else the encoding chardetng guesses. Refuses binary and empty files.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!("binary file ({kind}), not text"));
    }
    let (text, note) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (t, _, bad) = enc.decode(&bytes[bom_len..]);
        let note = (enc != encoding_rs::UTF_8)
            .then(|| format!("decoded as {} (byte-order mark)", enc.name()));
        let note = if bad {
            Some(format!("invalid {} sequences replaced", enc.name()))
        } else {
            note
        };
        (t.into_owned(), note)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), None)
    } else {
        let enc = declared_charset(bytes).unwrap_or_else(|| {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            det.guess(None, chardetng::Utf8Detection::Deny)
        });
        let (t, bad) = enc.decode_without_bom_handling(bytes);
        let mut note = format!("not valid UTF-8; decoded as {}", enc.name());
        if bad {
            note.push_str(" with some bytes replaced");
        }
        (t.into_owned(), Some(note))
    };
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars().take(4096) {
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    }
    if controls * 20 > chars {
        return Err("binary file (control characters), not text".into());
    }
    Ok(Decoded { text, note })
}

/// Recognises common binary formats by their first bytes, and any NUL byte near the start.
fn binary_kind(b: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"RIFF", "RIFF media"),
        (b"\x7FELF", "executable"),
        (b"BZh", "bzip2 archive"),
        (b"\xFD7zXZ", "xz archive"),
        (b"SQLite format 3", "SQLite database"),
    ];
    for (m, kind) in MAGIC {
        if b.starts_with(m) {
            return Some(kind);
        }
    }
    let utf16 = b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF");
    (!utf16 && memchr::memchr(0, &b[..b.len().min(8192)]).is_some()).then_some("NUL bytes")
}

/// The charset an HTML page declares in its first 2 KB (`<meta charset=...>`).
fn declared_charset(b: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&b[..b.len().min(2048)]).to_lowercase();
    let i = head.find("charset=")? + "charset=".len();
    let name: String = head[i..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    encoding_rs::Encoding::for_label(name.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_legacy_encodings_and_refuses_binary() {
        let latin1 = b"Caf\xe9 society said: na\xefve and \xab quoted \xbb words, enough text here to guess.";
        let d = decode(latin1).map_err(|e| e.to_string());
        let d = d
            .as_ref()
            .map(|d| (d.text.contains("Café"), d.note.is_some()));
        assert_eq!(d, Ok((true, true)));
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0").is_err());
        assert!(decode(b"   \n\n ").is_err());
        assert!(decode(b"abc\0def").is_err());
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hello there".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            decode(&utf16).map(|d| d.text).ok().as_deref(),
            Some("Hello there")
        );
    }
}
