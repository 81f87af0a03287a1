//! Message building without `core::fmt`, and ASCII-delimiter string splitting. The lite wasm (ping/get/set/delete) links no formatting machinery at all
//! — `format!` on any of its paths pulls in `core::fmt` (~5 KB of wasm) — so the core builds messages from parts:
//! `[a, b, c].concat()` for strings and [`decimal`] / [`hex_byte`] for numbers.

/// `n` in decimal (`0`, `42`, `18446744073709551615`).
pub fn decimal(n: u64) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = n;
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    digits
        .get(start..)
        .map(|d| d.iter().map(|&b| char::from(b)).collect())
        .unwrap_or_default()
}

/// `s` without trailing `c` bytes (`c` ASCII, so every cut is a char boundary). Same result as
/// `s.trim_end_matches(char::from(c))` without linking core's char-pattern searchers into the lite wasm.
pub fn trim_end_ascii(s: &str, c: u8) -> &str {
    let end = s.bytes().rposition(|b| b != c).map_or(0, |i| i + 1);
    s.get(..end).unwrap_or(s)
}

/// `s` split around the last `c` (ASCII), like `s.rsplit_once(char::from(c))`.
pub fn rsplit_once_ascii(s: &str, c: u8) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|b| b == c)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The pieces of `s` between `c` bytes (ASCII), like `s.split(char::from(c))`.
pub fn split_ascii(s: &str, c: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == c) {
            Some(i) => {
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => rest.take(),
        }
    })
}

/// `n` in decimal with a leading `-` when negative.
pub fn integer(n: i64) -> String {
    let digits = decimal(n.unsigned_abs());
    if n < 0 {
        "-".to_owned() + &digits
    } else {
        digits
    }
}

/// `b` as two lower-case hex digits (`0a`).
pub fn hex_byte(b: u8) -> String {
    let digit = |v: u8| char::from(if v < 10 { b'0' + v } else { b'a' + v - 10 });
    [digit(b >> 4), digit(b & 15)].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_matches_display() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn integer_matches_display() {
        for n in [0, 7, -7, 1_000, -1_000, i64::MAX, i64::MIN] {
            assert_eq!(integer(n), n.to_string());
        }
    }

    #[test]
    fn ascii_helpers_match_the_char_pattern_methods() {
        for s in [
            "", "a", "/", "a/", "a//", "//a", "a/b/c", "é/ü/", "x=", "x==", "==", ".", "a.b.c",
            "..", "ü.é.",
        ] {
            for c in [b'/', b'=', b'.', b'0'] {
                let ch = char::from(c);
                assert_eq!(trim_end_ascii(s, c), s.trim_end_matches(ch), "{s:?} {ch}");
                assert_eq!(rsplit_once_ascii(s, c), s.rsplit_once(ch), "{s:?} {ch}");
                assert_eq!(
                    split_ascii(s, c).collect::<Vec<_>>(),
                    s.split(ch).collect::<Vec<_>>(),
                    "{s:?} {ch}"
                );
            }
        }
    }

    #[test]
    fn hex_byte_matches_lower_hex() {
        for b in 0..=255u8 {
            assert_eq!(hex_byte(b), format!("{b:02x}"));
        }
    }
}
