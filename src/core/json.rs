//! A minimal JSON reader for the few documents the SDK parses (v1 API keys, JWT claims).
//!
//! It reads top-level string and number fields of one object and skips everything else. It exists so the
//! wasm bundle does not carry a general JSON library for two tiny documents. It never panics.

/// A top-level scalar field value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A JSON string (escapes decoded).
    Str(String),
    /// A JSON number that is an integer (JWT claims such as `exp` are); other numbers are [`Value::Other`].
    Int(i64),
    /// `true`, `false`, `null`, an array or an object (content not kept).
    Other,
}

/// The members of an object or array after its opening byte, through `close`: `member` reads
/// each (parser `p`), `,` separates them, anything else is the error `expected`. A macro rather
/// than a function taking a closure: inlined as if written out, it keeps the lite wasm smallest.
macro_rules! members {
    ($p:ident, $close:literal, $expected:literal, $member:block) => {
        $p.ws();
        if $p.peek() == Some($close) {
            $p.i += 1;
        } else {
            loop {
                $p.ws();
                $member
                $p.ws();
                match $p.next() {
                    Some(b',') => continue,
                    Some($close) => break,
                    _ => return Err($expected.into()),
                }
            }
        }
    };
}

/// Parses a JSON object and returns its top-level fields in document order.
pub fn parse_object(input: &str) -> Result<Vec<(String, Value)>, String> {
    let mut p = Parser {
        b: input.as_bytes(),
        i: 0,
    };
    p.ws();
    p.expect(b'{')?;
    let mut out = Vec::new();
    members!(p, b'}', "expected ',' or '}'", {
        let key = p.string()?;
        p.ws();
        p.expect(b':')?;
        p.ws();
        out.push((key, p.value(0)?));
    });
    p.ws();
    if p.i != p.b.len() {
        return Err("trailing characters after JSON object".into());
    }
    Ok(out)
}

/// Returns the string field `name` of a parsed object.
pub fn str_field<'a>(fields: &'a [(String, Value)], name: &str) -> Option<&'a str> {
    fields.iter().find_map(|(k, v)| match v {
        Value::Str(s) if k == name => Some(s.as_str()),
        _ => None,
    })
}

/// Returns the integer field `name` of a parsed object.
pub fn int_field(fields: &[(String, Value)], name: &str) -> Option<i64> {
    fields.iter().find_map(|(k, v)| match v {
        Value::Int(n) if k == name => Some(*n),
        _ => None,
    })
}

const MAX_DEPTH: usize = 32;

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        self.i += 1;
        c
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.next() == Some(c) {
            Ok(())
        } else {
            Err(["expected '", char::from(c).encode_utf8(&mut [0; 4]), "'"].concat())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err("JSON nested too deeply".into());
        }
        match self.peek() {
            Some(b'"') => self.string().map(Value::Str),
            Some(b'{') => {
                self.i += 1;
                members!(self, b'}', "expected ',' or '}'", {
                    self.string()?;
                    self.ws();
                    self.expect(b':')?;
                    self.ws();
                    self.value(depth + 1)?;
                });
                Ok(Value::Other)
            }
            Some(b'[') => {
                self.i += 1;
                members!(self, b']', "expected ',' or ']'", {
                    self.value(depth + 1)?;
                });
                Ok(Value::Other)
            }
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err("unexpected character in JSON".into()),
        }
    }

    fn word(&mut self, w: &str) -> Result<Value, String> {
        let end = self.i + w.len();
        if self.b.get(self.i..end) == Some(w.as_bytes()) {
            self.i = end;
            Ok(Value::Other)
        } else {
            Err("invalid JSON literal".into())
        }
    }

    /// Validates a JSON number; integers are kept, anything with a fraction or exponent is skipped
    /// (integer-only keeps float parsing code out of the wasm bundle).
    fn number(&mut self) -> Result<Value, String> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        self.digits()?;
        let mut integral = true;
        if self.peek() == Some(b'.') {
            integral = false;
            self.i += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integral = false;
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.digits()?;
        }
        if !integral {
            return Ok(Value::Other);
        }
        let text = self
            .b
            .get(start..self.i)
            .and_then(|s| std::str::from_utf8(s).ok())
            .ok_or("invalid number")?;
        Ok(text.parse::<i64>().map_or(Value::Other, Value::Int))
    }

    /// One or more decimal digits.
    fn digits(&mut self) -> Result<(), String> {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        if self.i == start {
            return Err("invalid number".into());
        }
        Ok(())
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.next() {
                None => return Err("unterminated string".into()),
                Some(b'"') => break,
                Some(b'\\') => match self.next() {
                    Some(b'"') => out.push(b'"'),
                    Some(b'\\') => out.push(b'\\'),
                    Some(b'/') => out.push(b'/'),
                    Some(b'b') => out.push(8),
                    Some(b'f') => out.push(12),
                    Some(b'n') => out.push(b'\n'),
                    Some(b'r') => out.push(b'\r'),
                    Some(b't') => out.push(b'\t'),
                    Some(b'u') => {
                        let c = self.unicode_escape()?;
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                    _ => return Err("invalid escape in string".into()),
                },
                Some(c) => out.push(c),
            }
        }
        String::from_utf8(out).map_err(|_| "invalid UTF-8 in string".into())
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let s = self
            .b
            .get(self.i..self.i + 4)
            .and_then(|s| std::str::from_utf8(s).ok())
            .ok_or("truncated \\u escape")?;
        self.i += 4;
        // Exactly four hex digits: `from_str_radix` alone would also take a sign (`\u+041`).
        if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("invalid \\u escape".into());
        }
        u32::from_str_radix(s, 16).map_err(|_| "invalid \\u escape".into())
    }

    fn unicode_escape(&mut self) -> Result<char, String> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                return Err("unpaired surrogate".into());
            }
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err("unpaired surrogate".into());
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| "invalid \\u escape".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_top_level_fields() {
        let f = parse_object(
            r#" {"endpoint": "cell.example.com", "api_key":"a\"b\u00e9\ud83d\ude00", "n": 12.5, "exp": 1700000000, "e": -1e3, "x": {"y":[1,{"z":null}]}, "t": true} "#,
        )
        .unwrap();
        assert_eq!(str_field(&f, "endpoint"), Some("cell.example.com"));
        assert_eq!(str_field(&f, "api_key"), Some("a\"bé😀"));
        assert_eq!(int_field(&f, "n"), None);
        assert_eq!(int_field(&f, "exp"), Some(1_700_000_000));
        assert_eq!(int_field(&f, "e"), None);
        assert_eq!(str_field(&f, "x"), None);
        assert_eq!(str_field(&f, "missing"), None);
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in [
            "",
            "[]",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":\"x}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":1} x",
            "{\"a\":tru}",
            "{\"a\":1.}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":\"\\u12\"}",
            // Found by fuzz/credentials: `from_str_radix` accepted a sign in a \u escape.
            "{\"a\":\"\\u+041\"}",
            "{\"a\":\"\\ud83d\\u+e00\"}",
        ] {
            assert!(parse_object(bad).is_err(), "{bad:?} should fail");
        }
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(100), "]".repeat(100));
        assert!(parse_object(&deep).is_err());
    }
}
