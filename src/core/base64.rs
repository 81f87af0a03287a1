//! Base64 (RFC 4648) for credentials and grpc-web-text bodies: standard alphabet padded on encode;
//! standard or URL-safe, padded or not, on decode. A few dozen lines instead of the `base64` crate,
//! whose general-purpose engine costs ~6.5 KB of wasm (measured with twiggy on the lite build) — a sixth
//! of the get/set app's size goal. The `base64` crate remains a dev-dependency: the tests below check
//! this codec against it.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Which characters a decode accepts for values 62 and 63.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// `+` and `/` only (grpc-web-text).
    Standard,
    /// `+`/`/` or `-`/`_` (credentials arrive in either).
    Any,
}

/// Length of the padded encoding of `n` bytes (saturating).
#[must_use]
pub const fn encoded_len(n: usize) -> usize {
    n.div_ceil(3).saturating_mul(4)
}

/// Appends the padded standard-alphabet encoding of `input` to `out` (ASCII bytes).
pub fn encode_into(input: &[u8], out: &mut Vec<u8>) {
    out.reserve(encoded_len(input.len()));
    let sym = |n: u32| ALPHABET.get((n & 63) as usize).copied().unwrap_or(b'=');
    let mut chunks = input.chunks_exact(3);
    for chunk in &mut chunks {
        if let [a, b, c] = *chunk {
            let n = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
            out.extend_from_slice(&[sym(n >> 18), sym(n >> 12), sym(n >> 6), sym(n)]);
        }
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            out.extend_from_slice(&[sym(n >> 18), sym(n >> 12), b'=', b'=']);
        }
        [a, b] => {
            let n = u32::from(a) << 16 | u32::from(b) << 8;
            out.extend_from_slice(&[sym(n >> 18), sym(n >> 12), sym(n >> 6), b'=']);
        }
        _ => {}
    }
}

/// The padded standard-alphabet encoding of `input`.
#[must_use]
pub fn encode(input: &[u8]) -> String {
    let mut out = Vec::new();
    encode_into(input, &mut out);
    // Only alphabet characters and '=' were written: always valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn value(c: u8, alphabet: Alphabet) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'/' => 62 + u8::from(c == b'/'),
        b'-' | b'_' if alphabet == Alphabet::Any => 62 + u8::from(c == b'_'),
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes `input`, appending to `out`. Padding is optional, but when present it must complete the
/// last group (`padded` = true requires it). Rejects characters outside the alphabet, a lone final
/// character, and non-zero trailing bits (as the `base64` crate does), leaving `out` unchanged.
pub fn decode_into(
    input: &[u8],
    alphabet: Alphabet,
    padded: bool,
    out: &mut Vec<u8>,
) -> Option<()> {
    let body_len = input.iter().rposition(|&c| c != b'=').map_or(0, |i| i + 1);
    let pad = input.len() - body_len;
    let (body, rem) = (input.get(..body_len)?, body_len % 4);
    let pad_ok = match pad {
        0 => !padded || rem == 0,
        1 | 2 => rem + pad == 4,
        _ => false,
    };
    if !pad_ok || rem == 1 {
        return None;
    }
    let start = out.len();
    out.reserve(body_len / 4 * 3 + 2);
    let ok = decode_body(body, alphabet, out);
    if ok.is_none() {
        out.truncate(start);
    }
    ok
}

fn decode_body(body: &[u8], alphabet: Alphabet, out: &mut Vec<u8>) -> Option<()> {
    let v = |c: u8| value(c, alphabet);
    let mut chunks = body.chunks_exact(4);
    for chunk in &mut chunks {
        if let [a, b, c, d] = *chunk {
            let n = v(a)? << 18 | v(b)? << 12 | v(c)? << 6 | v(d)?;
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
        }
    }
    match *chunks.remainder() {
        [] => {}
        [a, b] => {
            let n = v(a)? << 18 | v(b)? << 12;
            (n & 0xffff == 0).then_some(())?;
            out.push((n >> 16) as u8);
        }
        [a, b, c] => {
            let n = v(a)? << 18 | v(b)? << 12 | v(c)? << 6;
            (n & 0xff == 0).then_some(())?;
            out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8]);
        }
        _ => return None,
    }
    Some(())
}

/// [`decode_into`] a fresh vector.
#[must_use]
pub fn decode(input: &[u8], alphabet: Alphabet, padded: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    decode_into(input, alphabet, padded, &mut out).map(|()| out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use ::base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    use ::base64::Engine as _;

    /// A small deterministic generator (no extra dev-dependency).
    fn bytes(seed: &mut u64, max: usize) -> Vec<u8> {
        let mut next = || {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed
        };
        let len = (next() as usize) % (max + 1);
        (0..len).map(|_| next() as u8).collect()
    }

    #[test]
    fn encodes_exactly_like_the_base64_crate() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..5000 {
            let input = bytes(&mut seed, 70);
            assert_eq!(encode(&input), STANDARD.encode(&input));
            assert_eq!(encoded_len(input.len()), STANDARD.encode(&input).len());
        }
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"f"), "Zg==");
        assert_eq!(encode(b"fo"), "Zm8=");
        assert_eq!(encode(b"foo"), "Zm9v");
    }

    #[test]
    fn round_trips_and_accepts_what_the_crate_accepts() {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            let input = bytes(&mut seed, 70);
            for (text, alphabet, padded) in [
                (STANDARD.encode(&input), Alphabet::Standard, true),
                (STANDARD_NO_PAD.encode(&input), Alphabet::Standard, false),
                (URL_SAFE.encode(&input), Alphabet::Any, true),
                (URL_SAFE_NO_PAD.encode(&input), Alphabet::Any, false),
            ] {
                assert_eq!(
                    decode(text.as_bytes(), alphabet, padded).unwrap(),
                    input,
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn rejects_what_the_crate_rejects_on_random_text() {
        // Random strings over the alphabet plus '=' and junk: wherever the crate's standard padded
        // engine decodes, so must we, to the same bytes; wherever it refuses, we refuse.
        let chars = b"AQgw+/=Zz09-_ \n.";
        let mut seed = 0x1234_5678_9abc_def1_u64;
        for _ in 0..20000 {
            let raw = bytes(&mut seed, 12);
            let text: Vec<u8> = raw
                .iter()
                .map(|b| chars[*b as usize % chars.len()])
                .collect();
            let ours = decode(&text, Alphabet::Standard, true);
            let theirs = STANDARD.decode(&text).ok();
            assert_eq!(ours, theirs, "{:?}", String::from_utf8_lossy(&text));
        }
    }

    #[test]
    fn rejects_bad_input_and_leaves_out_unchanged() {
        for bad in [
            &b"Zg="[..],
            b"Zg===",
            b"Z",
            b"Zh==",
            b"Zm9=",
            b"Zm9v=",
            b"Zm 9v",
            b"Zm-v",
            b"=Zm9",
        ] {
            let mut out = vec![1, 2];
            assert!(
                decode_into(bad, Alphabet::Standard, true, &mut out).is_none(),
                "{bad:?}"
            );
            assert_eq!(out, [1, 2]);
        }
        assert_eq!(
            decode(b"Zm-_", Alphabet::Any, false).unwrap(),
            [0x66, 0x6f, 0xbf]
        );
        assert_eq!(decode(b"Zg", Alphabet::Standard, false).unwrap(), b"f");
        assert!(decode(b"Zg", Alphabet::Standard, true).is_none());
    }
}
