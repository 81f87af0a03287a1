//! Message building without `core::fmt`. The lite wasm (ping/get/set/delete) links no formatting machinery at all
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
    fn hex_byte_matches_lower_hex() {
        for b in 0..=255u8 {
            assert_eq!(hex_byte(b), format!("{b:02x}"));
        }
    }
}
