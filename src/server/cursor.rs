//! Opaque pagination cursors. A cursor carries the offset of the next page and a fingerprint of the
//! request it belongs to, so a cursor passed with different filters is rejected instead of
//! silently paging through another result set.

use xxhash_rust::xxh3::xxh3_64;

/// A fingerprint of the parameters that define a result set (everything but `limit` and `cursor`).
pub fn fingerprint(parts: &[&str]) -> u32 {
    let joined = parts.join("\u{1f}");
    (xxh3_64(joined.as_bytes()) >> 32) as u32
}

/// The cursor for the page starting at `offset`.
pub fn encode(offset: usize, fp: u32) -> String {
    format!("c{:x}-{:08x}", offset, fp ^ 0x5a5a_5a5a)
}

/// The offset a cursor points at; `Err` with a message an agent can act on when it is not valid here.
pub fn decode(cursor: Option<&str>, fp: u32, tool: &str) -> Result<usize, String> {
    let Some(c) = cursor.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(0);
    };
    let bad = || {
        format!(
            "invalid cursor {c:?}: pass the exact `next_cursor` of the previous {tool} result with the same \
             filters, or omit `cursor` for the first page"
        )
    };
    let body = c.strip_prefix('c').ok_or_else(bad)?;
    let (off, f) = body.split_once('-').ok_or_else(bad)?;
    let off = usize::from_str_radix(off, 16).map_err(|_| bad())?;
    let f = u32::from_str_radix(f, 16).map_err(|_| bad())?;
    if f ^ 0x5a5a_5a5a != fp {
        return Err(format!(
            "cursor {c:?} belongs to a {tool} call with different filters; repeat the same filters, or omit \
             `cursor` to start again"
        ));
    }
    Ok(off)
}

/// `next_cursor` for a page that ended at `end` out of `total` results.
pub fn next(end: usize, total: usize, fp: u32) -> Option<String> {
    (end < total).then(|| encode(end, fp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_foreign_cursors() {
        let fp = fingerprint(&["q", "outlet"]);
        let c = encode(40, fp);
        assert_eq!(decode(Some(&c), fp, "t"), Ok(40));
        assert_eq!(decode(None, fp, "t"), Ok(0));
        assert!(decode(Some(&c), fingerprint(&["other"]), "t").is_err());
        assert!(decode(Some("garbage"), fp, "t").is_err());
        assert_eq!(next(10, 10, fp), None);
    }
}
