//! gRPC-web framing codec: request encoding, incremental response decoding, trailer parsing.
//!
//! Pure Rust (only `std` and `base64`), tested on the host. The transport layer feeds it the
//! bytes it gets from `fetch`; nothing here touches JS.
//!
//! Wire format: every message is a frame of 1 flag byte (`0x00` data, `0x80` trailers; bit `0x01`
//! means compressed, which is never negotiated and therefore rejected), a big-endian `u32`
//! payload length and the payload. The trailer frame carries `name:value\r\n` lines.
//! Text mode (`application/grpc-web-text`) base64-encodes that byte stream. A server may encode
//! the whole body at once or each frame separately, so `=` padding can end a segment in the
//! middle of the stream; the decoder works in 4-character groups, ends a segment after a padded
//! group and skips ASCII whitespace anywhere between characters.
//!
//! Error policy: framing problems are [`FrameError`]s. [`decode_unary`] (and the helpers that
//! return a [`Trailers`] as an error) turn them into status code 2 (UNKNOWN) with the message
//! `Error in parsing response body: …`, which is what the `grpc-web` JS client reports, so
//! error mapping matches `@gomomento/sdk-web`.

use crate::core::base64::{self, Alphabet};
use std::collections::VecDeque;
use std::fmt;

use super::text::{decimal, hex_byte};

/// Default cap on one frame's payload length (16 MiB): Momento items are at most 5 MB, and
/// the limit applies to decoded bytes, so base64 overhead does not count against it.
pub const DEFAULT_MAX_FRAME_LEN: usize = 16 << 20;

/// gRPC's `content-type` (gRPC over HTTP/2; replies may add `+proto`).
pub const GRPC_CONTENT_TYPE: &str = "application/grpc";

/// Flag byte (1) + big-endian `u32` length (4).
const HEADER_LEN: usize = 5;
const FLAG_TRAILERS: u8 = 0x80;
const FLAG_COMPRESSED: u8 = 0x01;
const CODE_OK: u32 = 0;
const CODE_UNKNOWN: u32 = 2;

/// Body encoding of a gRPC-web call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `application/grpc-web-text`: base64 body; what `@gomomento/sdk-web` uses.
    Text,
    /// `application/grpc-web+proto`: raw frames.
    Binary,
}

impl Mode {
    /// The `content-type` (and `accept`) request header value for this mode.
    #[must_use]
    pub fn content_type(self) -> &'static str {
        match self {
            Mode::Text => "application/grpc-web-text",
            Mode::Binary => "application/grpc-web+proto",
        }
    }

    /// Picks the body mode from a response `content-type` the way grpc-web does (ASCII
    /// case-insensitive): `application/grpc-web-text…` is text, any other `application/grpc…`
    /// is binary, anything else is `None`.
    #[must_use]
    pub fn from_response_content_type(ct: &str) -> Option<Mode> {
        let ct = ct.trim_ascii_start().as_bytes();
        if starts_with_ignore_case(ct, b"application/grpc-web-text") {
            Some(Mode::Text)
        } else if starts_with_ignore_case(ct, b"application/grpc") {
            Some(Mode::Binary)
        } else {
            None
        }
    }
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Why a gRPC-web response body could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameError {
    /// Text mode body is not valid (segmented, padded, standard-alphabet) base64.
    BadBase64,
    /// The body ended inside a frame header, a payload or a base64 group.
    Truncated,
    /// A length prefix exceeds the limit; rejected before any buffer is reserved.
    FrameTooLarge {
        /// Length claimed by the frame header.
        len: usize,
        /// The limit in force.
        max: usize,
    },
    /// Frame flag `0x01` (compressed) set; this client never negotiates compression.
    Compressed,
    /// Frame flag bits other than `0x80`/`0x01` set (the value is the whole flag byte).
    UnknownFlags(u8),
    /// Bytes followed the trailer frame, which must be last.
    DataAfterTrailers,
    /// The body ended without a trailer frame and no `grpc-status` header was given.
    MissingTrailers,
    /// The trailer block is malformed; the text says how.
    BadTrailer(&'static str),
}

impl FrameError {
    /// What went wrong, in words (also the `Display` text); built without `core::fmt` (see [`super::text`]).
    pub fn text(&self) -> String {
        match self {
            FrameError::BadBase64 => "invalid base64 in grpc-web-text body".to_owned(),
            FrameError::Truncated => "body ends inside a frame".to_owned(),
            FrameError::FrameTooLarge { len, max } => [
                "frame of ",
                &decimal(*len as u64),
                " bytes exceeds the limit of ",
                &decimal(*max as u64),
                " bytes",
            ]
            .concat(),
            FrameError::Compressed => {
                "compressed frame received but compression is not supported".to_owned()
            }
            FrameError::UnknownFlags(flag) => {
                "unknown frame flags 0x".to_owned() + &hex_byte(*flag)
            }
            FrameError::DataAfterTrailers => "data after the trailer frame".to_owned(),
            FrameError::MissingTrailers => "body ends without a trailer frame".to_owned(),
            FrameError::BadTrailer(why) => "malformed trailer: ".to_owned() + why,
        }
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for FrameError {}

/// The data frame header for a `len`-byte message; `None` if `len` exceeds the `u32` prefix.
fn frame_header(len: usize) -> Option<[u8; HEADER_LEN]> {
    let [a, b, c, d] = u32::try_from(len).ok()?.to_be_bytes();
    Some([0, a, b, c, d])
}

/// Frames an already-encoded protobuf message as a request body: the frame itself in binary
/// mode, base64 of the frame in text mode. One exact-size allocation, and no intermediate frame
/// in text mode. A message over `u32::MAX` bytes cannot be framed (nor exist on wasm32); it
/// yields an empty body, which servers reject, instead of a panic.
#[must_use]
pub fn encode_request(message: &[u8], mode: Mode) -> Vec<u8> {
    let Some(header) = frame_header(message.len()) else {
        return Vec::new();
    };
    match mode {
        Mode::Binary => {
            let mut out = Vec::with_capacity(HEADER_LEN + message.len());
            out.extend_from_slice(&header);
            out.extend_from_slice(message);
            out
        }
        Mode::Text => encode_text(header, message),
    }
}

/// Like [`encode_request`] for a message that `write` appends to the given buffer (e.g.
/// `&mut |buf| msg.encode_raw(buf)` with prost), `len_hint` being its expected size
/// (`encoded_len()`). Binary mode encodes straight into the body (one allocation, no copy);
/// text mode needs one scratch frame buffer. `write` must only append.
pub fn encode_request_with(
    mode: Mode,
    len_hint: usize,
    write: &mut dyn FnMut(&mut Vec<u8>),
) -> Vec<u8> {
    let mut frame = Vec::with_capacity(HEADER_LEN.saturating_add(len_hint));
    frame.extend_from_slice(&[0; HEADER_LEN]);
    write(&mut frame);
    let Some(header) = frame_header(frame.len().saturating_sub(HEADER_LEN)) else {
        return Vec::new();
    };
    match frame.get_mut(..HEADER_LEN) {
        Some(slot) => slot.copy_from_slice(&header),
        // The writer removed our placeholder: frame an empty message rather than garbage.
        None => {
            frame.clear();
            frame.extend_from_slice(&header);
        }
    }
    match mode {
        Mode::Binary => frame,
        Mode::Text => encode_text(header, frame.get(HEADER_LEN..).unwrap_or_default()),
    }
}

/// base64(header ‖ message) without concatenating: the 5 header bytes plus the first message
/// byte are exactly two base64 groups, so the two encodings can simply be appended.
fn encode_text(header: [u8; HEADER_LEN], message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(base64::encoded_len(
        HEADER_LEN.saturating_add(message.len()),
    ));
    let [h0, h1, h2, h3, h4] = header;
    match message.split_first() {
        Some((&m0, rest)) => {
            base64::encode_into(&[h0, h1, h2, h3, h4, m0], &mut out);
            base64::encode_into(rest, &mut out);
        }
        None => base64::encode_into(&header, &mut out),
    }
    out
}

/// Status and metadata from a trailer frame or from trailers-only response headers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trailers {
    /// gRPC status code (`grpc-status`), 0 = OK.
    pub code: u32,
    /// Percent-decoded `grpc-message` (empty if absent).
    pub message: String,
    /// Every other entry as (lowercased name, trimmed value), in order, e.g. `("err", …)`.
    pub metadata: Vec<(String, String)>,
}

impl Trailers {
    /// Parses a trailer frame payload: `name:value` lines ended by `\r\n` or `\n`, names
    /// lowercased, values trimmed, blank lines ignored. `grpc-status` is required and must be a
    /// decimal `u32`; names must be UTF-8 (values are converted lossily). If a key repeats,
    /// the last `grpc-status`/`grpc-message` wins; metadata keeps every entry.
    pub fn parse(block: &[u8]) -> Result<Trailers, FrameError> {
        let mut trailers = Trailers::default();
        let mut code = None;
        for line in block.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let colon = line
                .iter()
                .position(|&b| b == b':')
                .ok_or(FrameError::BadTrailer("line without ':'"))?;
            let (name, value) = line.split_at_checked(colon).unwrap_or((line, &[]));
            let name = std::str::from_utf8(name)
                .map_err(|_| FrameError::BadTrailer("name is not UTF-8"))?
                .trim_ascii();
            if name.is_empty() {
                return Err(FrameError::BadTrailer("empty name"));
            }
            // A value that is not UTF-8 is left out (its bytes could only be guessed at).
            let Ok(value) = std::str::from_utf8(value.get(1..).unwrap_or_default()) else {
                continue;
            };
            trailers.insert(name, value.trim_ascii(), &mut code)?;
        }
        trailers.code = code.ok_or(FrameError::BadTrailer("no grpc-status"))?;
        Ok(trailers)
    }

    /// Reads a trailers-only response (status in the HTTP headers, empty body) exactly like a
    /// trailer block; all other headers become metadata. `None` if there is no `grpc-status`
    /// header; an unparsable one gives code 2 (UNKNOWN) with an explanatory message.
    pub fn from_headers<'a>(headers: impl Iterator<Item = (&'a str, &'a str)>) -> Option<Trailers> {
        let mut trailers = Trailers::default();
        let mut code = None;
        let mut bad = None;
        for (name, value) in headers {
            if let Err(e) = trailers.insert(name.trim_ascii(), value.trim_ascii(), &mut code) {
                bad = Some(e);
            }
        }
        if let Some(e) = bad {
            return Some(Trailers {
                metadata: trailers.metadata,
                ..Trailers::from(e)
            });
        }
        trailers.code = code?;
        Some(trailers)
    }

    /// First metadata value named `name` (ASCII case-insensitive), e.g. `metadata_value("err")`.
    #[must_use]
    pub fn metadata_value(&self, name: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn insert(
        &mut self,
        name: &str,
        value: &str,
        code: &mut Option<u32>,
    ) -> Result<(), FrameError> {
        if name.eq_ignore_ascii_case("grpc-status") {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FrameError::BadTrailer("grpc-status is not a number"));
            }
            let parsed = value
                .parse()
                .map_err(|_| FrameError::BadTrailer("grpc-status is out of range"))?;
            *code = Some(parsed);
        } else if name.eq_ignore_ascii_case("grpc-message") {
            self.message = percent_decode(value);
        } else {
            self.metadata
                .push((name.to_ascii_lowercase(), value.to_owned()));
        }
        Ok(())
    }

    fn synthesized(code: u32, message: String) -> Trailers {
        Trailers {
            code,
            message,
            metadata: Vec::new(),
        }
    }
}

impl From<FrameError> for Trailers {
    /// A malformed body as a status: code 2 (UNKNOWN), `Error in parsing response body: …`.
    fn from(e: FrameError) -> Trailers {
        Trailers::synthesized(
            CODE_UNKNOWN,
            "Error in parsing response body: ".to_owned() + &e.text(),
        )
    }
}

/// One decoded frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    /// A message payload (an encoded protobuf).
    Data(Vec<u8>),
    /// The final trailer frame.
    Trailers(Trailers),
}

/// Validates a frame header, returning (flag, payload length). `HEADER_LEN + len` cannot
/// overflow afterwards.
fn parse_header(header: [u8; HEADER_LEN], max: usize) -> Result<(u8, usize), FrameError> {
    let [flag, a, b, c, d] = header;
    if flag & FLAG_COMPRESSED != 0 {
        return Err(FrameError::Compressed);
    }
    if flag & !FLAG_TRAILERS != 0 {
        return Err(FrameError::UnknownFlags(flag));
    }
    let len = usize::try_from(u32::from_be_bytes([a, b, c, d])).unwrap_or(usize::MAX);
    if len > max || len > usize::MAX - HEADER_LEN {
        return Err(FrameError::FrameTooLarge { len, max });
    }
    Ok((flag, len))
}

/// A whole frame borrowed from a buffer.
struct RawFrame<'a> {
    flag: u8,
    payload: &'a [u8],
    /// Header plus payload length.
    used: usize,
}

/// Splits the first whole frame off `bytes`, or `None` if it is not complete yet. The header
/// is validated as soon as its 5 bytes are present.
fn split_frame(bytes: &[u8], max: usize) -> Result<Option<RawFrame<'_>>, FrameError> {
    let Some((header, rest)) = bytes.split_first_chunk::<HEADER_LEN>() else {
        return Ok(None);
    };
    let (flag, len) = parse_header(*header, max)?;
    Ok(rest.get(..len).map(|payload| RawFrame {
        flag,
        payload,
        used: HEADER_LEN + len,
    }))
}

/// Incremental base64 decoder for text mode: tolerates whitespace and padded segments in the
/// middle of the stream, and input split at any byte.
#[derive(Debug, Default)]
struct Base64Stream {
    /// Characters of an incomplete 4-character group.
    group: [u8; 4],
    group_len: usize,
}

impl Base64Stream {
    /// Decodes `input`, appending bytes to `out`; an incomplete trailing group is kept.
    fn decode(&mut self, mut input: &[u8], out: &mut Vec<u8>) -> Result<(), FrameError> {
        loop {
            if self.group_len > 0 {
                while self.group_len < 4 {
                    let Some((&c, rest)) = input.split_first() else {
                        return Ok(());
                    };
                    input = rest;
                    if !c.is_ascii_whitespace() {
                        if let Some(slot) = self.group.get_mut(self.group_len) {
                            *slot = c;
                        }
                        self.group_len += 1;
                    }
                }
                self.group_len = 0;
                decode_groups(&self.group, out)?;
            }
            let Some(start) = input.iter().position(|c| !c.is_ascii_whitespace()) else {
                return Ok(());
            };
            let input_from = input.get(start..).unwrap_or_default();
            let run_len = input_from
                .iter()
                .position(u8::is_ascii_whitespace)
                .unwrap_or(input_from.len());
            let (mut run, rest) = input_from
                .split_at_checked(run_len)
                .unwrap_or((input_from, &[]));
            input = rest;
            // Decode whole groups; a group containing '=' ends a segment. Always progresses by
            // at least one group: a '=' in the first group gives end = 4 <= run.len().
            while run.len() >= 4 {
                let whole = run.len() / 4 * 4;
                let end = match run.iter().position(|&c| c == b'=') {
                    Some(i) if (i / 4 + 1) * 4 <= run.len() => (i / 4 + 1) * 4,
                    Some(i) => i / 4 * 4,
                    None => whole,
                };
                let (segment, tail) = run.split_at_checked(end).unwrap_or((run, &[]));
                decode_groups(segment, out)?;
                run = tail;
            }
            if let Some(slot) = self.group.get_mut(..run.len()) {
                slot.copy_from_slice(run);
                self.group_len = run.len();
            }
        }
    }
}

/// Text mode as a transport layer: decodes a `application/grpc-web-text` body, chunk by chunk, into the binary frames
/// it carries (the wasm build's JS transports use the platform's base64 instead; the native host transport uses this).
#[derive(Debug, Default)]
pub struct TextBody(Base64Stream);

impl TextBody {
    /// Decodes `chunk` (split anywhere), returning the bytes completed so far.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Vec<u8>, FrameError> {
        let mut out = Vec::with_capacity(chunk.len() / 4 * 3 + 3);
        self.0.decode(chunk, &mut out)?;
        Ok(out)
    }

    /// Checks the body did not end inside a base64 group.
    pub fn finish(&self) -> Result<(), FrameError> {
        if self.0.group_len == 0 {
            Ok(())
        } else {
            Err(FrameError::Truncated)
        }
    }
}

/// Text mode's request body for binary frames: their base64 (standard alphabet, padded).
#[must_use]
pub fn text_body(frames: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    base64::encode_into(frames, &mut out);
    out
}

/// Decodes whole 4-character groups (only the last may be padded), appending to `out`.
fn decode_groups(segment: &[u8], out: &mut Vec<u8>) -> Result<(), FrameError> {
    base64::decode_into(segment, Alphabet::Standard, true, out).ok_or(FrameError::BadBase64)
}

/// Incremental response decoder for streaming bodies (`fetch` `ReadableStream` chunks of any
/// size and alignment): [`push`](Decoder::push) each chunk, drain
/// [`next_frame`](Decoder::next_frame) until `None`, and call [`finish`](Decoder::finish) at
/// end of body.
///
/// Each payload is collected in its own buffer, reserved once from the validated header and
/// handed out without copying (a 5 MB value is copied once, from the chunk; in text mode via
/// a reused per-chunk scratch buffer). The first error is sticky: every later call returns it.
#[derive(Debug)]
pub struct Decoder {
    mode: Mode,
    max_frame_len: usize,
    b64: Base64Stream,
    /// Text mode: the current chunk's decoded bytes (reused between pushes).
    scratch: Vec<u8>,
    /// Bytes of an incomplete frame header.
    header: [u8; HEADER_LEN],
    header_len: usize,
    /// (flag, payload length) once the current frame's header is complete.
    current: Option<(u8, usize)>,
    payload: Vec<u8>,
    /// Completed frames not yet returned by `next_frame`.
    ready: VecDeque<Frame>,
    seen_trailers: bool,
    error: Option<FrameError>,
}

impl Decoder {
    /// A decoder for `mode` that rejects frames whose payload exceeds `max_frame_len` bytes.
    #[must_use]
    pub fn new(mode: Mode, max_frame_len: usize) -> Self {
        Decoder {
            mode,
            max_frame_len,
            b64: Base64Stream::default(),
            scratch: Vec::new(),
            header: [0; HEADER_LEN],
            header_len: 0,
            current: None,
            payload: Vec::new(),
            ready: VecDeque::new(),
            seen_trailers: false,
            error: None,
        }
    }

    /// Consumes one body chunk (split anywhere, even inside base64 groups or frame headers).
    /// Fails on bad base64, an invalid or oversized frame header (checked before the payload
    /// buffer is reserved), a malformed trailer block, or data after the trailer frame.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), FrameError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let result = match self.mode {
            Mode::Binary => self.feed(chunk),
            Mode::Text => {
                let mut scratch = std::mem::take(&mut self.scratch);
                scratch.clear();
                let result = self
                    .b64
                    .decode(chunk, &mut scratch)
                    .and_then(|()| self.feed(&scratch));
                self.scratch = scratch;
                result
            }
        };
        if let Err(e) = result {
            self.error = Some(e);
        }
        result
    }

    /// Returns the next complete frame, or `None` if more input is needed (or everything,
    /// including the trailer frame, was returned).
    pub fn next_frame(&mut self) -> Result<Option<Frame>, FrameError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.ready.pop_front()),
        }
    }

    /// Checks the end of the body, after `next_frame` returned `None`: fails with
    /// [`FrameError::Truncated`] if a partial frame or base64 group is left over. It does not
    /// require a trailer frame (a trailers-only response has an empty body); callers check
    /// that they received one.
    pub fn finish(&self) -> Result<(), FrameError> {
        match self.error {
            Some(e) => Err(e),
            None if self.header_len != 0 || self.current.is_some() || self.b64.group_len != 0 => {
                Err(FrameError::Truncated)
            }
            None => Ok(()),
        }
    }

    /// Decodes a whole `body` pushed in chunks whose sizes `sizes` picks from the bytes left (clamped to at least
    /// one), draining frames after each push: how the tests and the fuzz targets check that chunking changes
    /// nothing.
    #[doc(hidden)]
    pub fn decode_in_chunks(
        mode: Mode,
        max_frame_len: usize,
        body: &[u8],
        sizes: &mut dyn FnMut(usize) -> usize,
    ) -> Result<Vec<Frame>, FrameError> {
        let mut d = Self::new(mode, max_frame_len);
        let mut frames = Vec::new();
        let mut rest = body;
        while !rest.is_empty() {
            let (chunk, tail) = rest.split_at(sizes(rest.len()).clamp(1, rest.len()));
            d.push(chunk)?;
            while let Some(f) = d.next_frame()? {
                frames.push(f);
            }
            rest = tail;
        }
        d.finish()?;
        Ok(frames)
    }

    /// Runs decoded bytes through the frame state machine.
    fn feed(&mut self, mut bytes: &[u8]) -> Result<(), FrameError> {
        while !bytes.is_empty() {
            if self.seen_trailers {
                return Err(FrameError::DataAfterTrailers);
            }
            let (flag, len) = match self.current {
                Some(current) => current,
                None => {
                    let want = HEADER_LEN.saturating_sub(self.header_len).min(bytes.len());
                    let (head, rest) = bytes.split_at_checked(want).unwrap_or((bytes, &[]));
                    if let Some(slot) = self.header.get_mut(self.header_len..self.header_len + want)
                    {
                        slot.copy_from_slice(head);
                    }
                    self.header_len += want;
                    bytes = rest;
                    if self.header_len < HEADER_LEN {
                        return Ok(());
                    }
                    self.header_len = 0;
                    let (flag, len) = parse_header(self.header, self.max_frame_len)?;
                    self.payload = Vec::with_capacity(len);
                    self.current = Some((flag, len));
                    (flag, len)
                }
            };
            let want = len.saturating_sub(self.payload.len()).min(bytes.len());
            let (part, rest) = bytes.split_at_checked(want).unwrap_or((bytes, &[]));
            self.payload.extend_from_slice(part);
            bytes = rest;
            if self.payload.len() < len {
                return Ok(());
            }
            self.current = None;
            let payload = std::mem::take(&mut self.payload);
            let frame = if flag & FLAG_TRAILERS != 0 {
                self.seen_trailers = true;
                Frame::Trailers(Trailers::parse(&payload)?)
            } else {
                Frame::Data(payload)
            };
            self.ready.push_back(frame);
        }
        Ok(())
    }
}

/// Finds the first data payload and the trailer frame in a complete decoded body.
fn scan_unary(
    bytes: &[u8],
    max: usize,
) -> Result<(Option<std::ops::Range<usize>>, Option<Trailers>), FrameError> {
    let mut data = None;
    let mut offset = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        let raw = split_frame(rest, max)?.ok_or(FrameError::Truncated)?;
        rest = rest.get(raw.used..).unwrap_or_default();
        if raw.flag & FLAG_TRAILERS != 0 {
            let trailers = Trailers::parse(raw.payload)?;
            if !rest.is_empty() {
                return Err(FrameError::DataAfterTrailers);
            }
            return Ok((data, Some(trailers)));
        }
        if data.is_none() {
            data = Some(offset + HEADER_LEN..offset + raw.used);
        }
        offset += raw.used;
    }
    Ok((data, None))
}

/// Decodes a complete unary response body (HTTP 200, mode from its `content-type`) into the
/// response message bytes. `header_trailers` is [`Trailers::from_headers`] of the response.
///
/// * A non-OK `grpc-status` header wins immediately (trailers-only error), as in grpc-web.
/// * Otherwise the body's trailer frame decides, falling back to the header status.
/// * The **first** data frame is the response; later ones (a server bug for unary calls) are
///   validated and skipped without copying. (grpc-web keeps the last one.)
/// * OK status without any data frame → code 2 "Incomplete response" (grpc-web's text);
///   a data frame without any status → [`FrameError::MissingTrailers`] (grpc-web would accept it).
/// * Framing errors → code 2 "Error in parsing response body: …" (see [`FrameError`]).
pub fn decode_unary(
    mode: Mode,
    body: &[u8],
    header_trailers: Option<Trailers>,
    max_frame_len: usize,
) -> Result<Vec<u8>, Trailers> {
    match mode {
        Mode::Binary => unary_message(body, header_trailers, max_frame_len)
            .map(|range| body.get(range).unwrap_or_default().to_vec()),
        Mode::Text => {
            let mut text = TextBody::default();
            let mut decoded = text.push(body)?;
            text.finish()?;
            let range = unary_message(&decoded, header_trailers, max_frame_len)?;
            // Reuse the decoded buffer: shift the payload to the front instead of allocating.
            decoded.truncate(range.end);
            decoded.drain(..range.start.min(decoded.len()));
            Ok(decoded)
        }
    }
}

/// [`decode_unary`] of a binary body, giving where the message is in `body` instead of a copy of it.
pub fn unary_message(
    body: &[u8],
    header_trailers: Option<Trailers>,
    max_frame_len: usize,
) -> Result<std::ops::Range<usize>, Trailers> {
    let mut header_trailers = header_trailers;
    if let Some(t) = header_trailers.take_if(|t| t.code != CODE_OK) {
        return Err(t);
    }
    let (data, trailers) = scan_unary(body, max_frame_len)?;
    let status = match (trailers.or(header_trailers), &data) {
        (Some(status), _) => status,
        (None, Some(_)) => return Err(FrameError::MissingTrailers.into()),
        (None, None) => Trailers::default(),
    };
    if status.code != CODE_OK {
        return Err(status);
    }
    data.ok_or_else(|| Trailers {
        code: CODE_UNKNOWN,
        message: "Incomplete response".to_owned(),
        metadata: status.metadata,
    })
}

/// Decodes a whole server-streaming response body (GetBatch, SetBatch): every data frame in order, then the
/// status. A non-OK status anywhere wins; a stream must end with a status (trailer frame or trailers-only
/// headers). Used when the caller wants all items at once; live streams use [`Decoder`] directly.
pub fn decode_stream(
    mode: Mode,
    body: &[u8],
    header_trailers: Option<Trailers>,
    max_frame_len: usize,
) -> Result<Vec<Vec<u8>>, Trailers> {
    let mut header_trailers = header_trailers;
    if let Some(t) = header_trailers.take_if(|t| t.code != CODE_OK) {
        return Err(t);
    }
    let mut decoder = Decoder::new(mode, max_frame_len);
    decoder.push(body)?;
    let mut items = Vec::new();
    let mut status = None;
    while let Some(frame) = decoder.next_frame()? {
        match frame {
            Frame::Data(d) => items.push(d),
            Frame::Trailers(t) => status = Some(t),
        }
    }
    decoder.finish()?;
    match status.or(header_trailers) {
        Some(t) if t.code != CODE_OK => Err(t),
        Some(_) => Ok(items),
        None => Err(FrameError::MissingTrailers.into()),
    }
}

/// Maps a non-200 HTTP status to a gRPC status code as grpc-web does (unlisted → 2 UNKNOWN).
#[must_use]
pub fn http_status_to_grpc_code(status: u16) -> u32 {
    match status {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 10,
        412 => 9,
        429 => 8,
        499 => 1,
        500 => 2,
        501 => 12,
        503 => 14,
        504 => 4,
        _ => 2,
    }
}

/// Decodes `%XX` escapes (as in `grpc-message`) into bytes read as UTF-8; malformed escapes (`%G1`, a trailing
/// `%`) stay literal, `+` is kept, and text whose escapes do not decode to UTF-8 is returned as it came (still
/// escaped, nothing lost).
#[must_use]
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            if let [hi, lo, after @ ..] = tail {
                if let (Some(hi), Some(lo)) = (hex_value(*hi), hex_value(*lo)) {
                    out.push((hi << 4) | lo);
                    rest = after;
                    continue;
                }
            }
        }
        out.push(b);
        rest = tail;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use ::base64::engine::general_purpose::STANDARD;
    use ::base64::Engine as _;

    fn frame_bytes(flag: u8, payload: &[u8]) -> Vec<u8> {
        let mut f = vec![flag];
        f.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        f.extend_from_slice(payload);
        f
    }

    #[test]
    fn decode_stream_collects_every_item_in_order() {
        let mut body = frame_bytes(0, b"one");
        body.extend(frame_bytes(0, b""));
        body.extend(frame_bytes(0, b"three"));
        body.extend(frame_bytes(0x80, b"grpc-status:0\r\n"));
        let items = decode_stream(Mode::Binary, &body, None, DEFAULT_MAX_FRAME_LEN).unwrap();
        assert_eq!(items, vec![b"one".to_vec(), vec![], b"three".to_vec()]);
        let text = ::base64::engine::general_purpose::STANDARD.encode(&body);
        let items =
            decode_stream(Mode::Text, text.as_bytes(), None, DEFAULT_MAX_FRAME_LEN).unwrap();
        assert_eq!(items.len(), 3);
    }

    #[test]
    fn decode_stream_reports_failures() {
        let mut body = frame_bytes(0, b"one");
        body.extend(frame_bytes(0x80, b"grpc-status:5\r\ngrpc-message:gone\r\n"));
        let e = decode_stream(Mode::Binary, &body, None, DEFAULT_MAX_FRAME_LEN).unwrap_err();
        assert_eq!((e.code, e.message.as_str()), (5, "gone"));
        let e = decode_stream(
            Mode::Binary,
            &frame_bytes(0, b"x"),
            None,
            DEFAULT_MAX_FRAME_LEN,
        )
        .unwrap_err();
        assert_eq!(e.code, 2, "a stream without a status is an error");
        let truncated = &frame_bytes(0, b"abc")[..6];
        assert!(decode_stream(Mode::Binary, truncated, None, DEFAULT_MAX_FRAME_LEN).is_err());
        let ok = Trailers {
            code: 0,
            message: String::new(),
            metadata: vec![],
        };
        assert_eq!(
            decode_stream(Mode::Binary, b"", Some(ok), DEFAULT_MAX_FRAME_LEN)
                .unwrap()
                .len(),
            0
        );
    }

    /// `_GetRequest { cache_key: "foo" }`.
    const GET_FOO: &[u8] = &[0x0A, 0x03, b'f', b'o', b'o'];
    const OK_BLOCK: &str = "grpc-status:0\r\ngrpc-message:\r\n";
    const NOT_FOUND_BLOCK: &str =
        "grpc-status:5\r\ngrpc-message:Cache%20not%20found\r\nerr:item_size_limit_exceeded\r\n";

    fn frame(flag: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = vec![flag];
        v.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_be_bytes());
        v.extend_from_slice(payload);
        v
    }

    fn trailer_frame(block: &str) -> Vec<u8> {
        frame(0x80, block.as_bytes())
    }

    fn b64(bytes: &[u8]) -> Vec<u8> {
        STANDARD.encode(bytes).into_bytes()
    }

    fn cat(parts: &[&[u8]]) -> Vec<u8> {
        parts.concat()
    }

    /// Deterministic pseudo-random numbers (PCG-style LCG), no `rand` crate.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, bound: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(self.0 >> 33).unwrap() % bound
        }
    }

    /// Feeds `body` in chunks whose sizes `size` picks, draining frames after each push.
    fn decode_chunked(
        mode: Mode,
        body: &[u8],
        size: &mut dyn FnMut() -> usize,
    ) -> Result<Vec<Frame>, FrameError> {
        Decoder::decode_in_chunks(mode, DEFAULT_MAX_FRAME_LEN, body, &mut |_| size())
    }

    fn decode_whole(mode: Mode, body: &[u8]) -> Result<Vec<Frame>, FrameError> {
        decode_chunked(mode, body, &mut || usize::MAX)
    }

    fn ok_trailers() -> Trailers {
        Trailers::parse(OK_BLOCK.as_bytes()).unwrap()
    }

    fn unary(mode: Mode, body: &[u8]) -> Result<Vec<u8>, Trailers> {
        decode_unary(mode, body, None, DEFAULT_MAX_FRAME_LEN)
    }

    fn assert_malformed(result: Result<Vec<u8>, Trailers>, e: FrameError) {
        let t = result.unwrap_err();
        assert_eq!(t.code, 2);
        assert_eq!(t.message, format!("Error in parsing response body: {e}"));
    }

    // ---- request encoding ----

    #[test]
    fn get_foo_vector_both_ways() {
        assert_eq!(encode_request(GET_FOO, Mode::Text), b"AAAAAAUKA2Zvbw==");
        assert_eq!(
            encode_request(GET_FOO, Mode::Binary),
            [0, 0, 0, 0, 5, 0x0A, 0x03, b'f', b'o', b'o']
        );
        let frames = decode_whole(Mode::Text, b"AAAAAAUKA2Zvbw==").unwrap();
        assert_eq!(frames, [Frame::Data(GET_FOO.to_vec())]);
        let frames = decode_whole(Mode::Binary, &encode_request(GET_FOO, Mode::Binary));
        assert_eq!(frames.unwrap(), [Frame::Data(GET_FOO.to_vec())]);
    }

    #[test]
    fn encode_empty_message() {
        assert_eq!(encode_request(&[], Mode::Text), b"AAAAAAA=");
        assert_eq!(encode_request(&[], Mode::Binary), [0; 5]);
    }

    #[test]
    fn encode_text_is_base64_of_frame_with_exact_capacity() {
        for len in (0..40).chain([1000, 4095, 65_537]) {
            let msg: Vec<u8> = (0..len).map(|i| (i * 7 % 256) as u8).collect();
            let text = encode_request(&msg, Mode::Text);
            assert_eq!(text, b64(&frame(0, &msg)), "len {len}");
            assert_eq!(text.capacity(), text.len(), "len {len}");
            let bin = encode_request(&msg, Mode::Binary);
            assert_eq!(bin, frame(0, &msg));
            assert_eq!(bin.capacity(), bin.len());
        }
    }

    #[test]
    fn encode_request_with_matches_encode_request() {
        for len in [0usize, 1, 2, 3, 100] {
            let msg: Vec<u8> = (0..len).map(|i| i as u8).collect();
            for mode in [Mode::Text, Mode::Binary] {
                let mut write = |buf: &mut Vec<u8>| buf.extend_from_slice(&msg);
                let out = encode_request_with(mode, msg.len(), &mut write);
                assert_eq!(out, encode_request(&msg, mode));
                if mode == Mode::Binary {
                    assert_eq!(out.capacity(), out.len(), "exact hint: one allocation");
                }
            }
        }
        // A wrong hint only costs a reallocation.
        let out = encode_request_with(Mode::Binary, 0, &mut |b| b.extend_from_slice(GET_FOO));
        assert_eq!(out, encode_request(GET_FOO, Mode::Binary));
        // A writer that clobbers the placeholder still yields a valid (empty) frame.
        let out = encode_request_with(Mode::Text, 0, &mut |b| b.clear());
        assert_eq!(out, b"AAAAAAA=");
    }

    // ---- decoding round trips ----

    #[test]
    fn binary_and_text_round_trips() {
        let body = cat(&[&frame(0, GET_FOO), &trailer_frame(OK_BLOCK)]);
        assert_eq!(unary(Mode::Binary, &body).unwrap(), GET_FOO);
        assert_eq!(unary(Mode::Text, &b64(&body)).unwrap(), GET_FOO);
        let expected = [
            Frame::Data(GET_FOO.to_vec()),
            Frame::Trailers(ok_trailers()),
        ];
        assert_eq!(decode_whole(Mode::Binary, &body).unwrap(), expected);
        assert_eq!(decode_whole(Mode::Text, &b64(&body)).unwrap(), expected);
    }

    #[test]
    fn text_body_as_concatenated_per_frame_segments() {
        let data = frame(0, b"hi"); // 7 bytes: its base64 ends in '='
        let seg1 = b64(&data);
        assert!(seg1.ends_with(b"="));
        let seg2 = b64(&trailer_frame(OK_BLOCK));
        let body = cat(&[&seg1, &seg2]);
        assert_eq!(unary(Mode::Text, &body).unwrap(), b"hi");
        // Whitespace/CRLF between (and inside) chunks is tolerated.
        let spaced = cat(&[
            b"\r\n",
            &seg1[..3],
            b" \t",
            &seg1[3..],
            b"\r\n",
            &seg2,
            b"\r\n",
        ]);
        assert_eq!(unary(Mode::Text, &spaced).unwrap(), b"hi");
        let expected = [Frame::Data(b"hi".to_vec()), Frame::Trailers(ok_trailers())];
        assert_eq!(decode_whole(Mode::Text, &spaced).unwrap(), expected);
    }

    /// A streaming body: several data frames of awkward sizes and a trailer frame.
    fn stream_frames() -> (Vec<Vec<u8>>, Vec<Frame>) {
        let payloads: [&[u8]; 5] = [b"", b"a", b"bc", &[7; 300], b"defg"];
        let mut raw: Vec<Vec<u8>> = payloads.iter().map(|p| frame(0, p)).collect();
        raw.push(trailer_frame(NOT_FOUND_BLOCK));
        let mut expected: Vec<Frame> = payloads.iter().map(|p| Frame::Data(p.to_vec())).collect();
        expected.push(Frame::Trailers(
            Trailers::parse(NOT_FOUND_BLOCK.as_bytes()).unwrap(),
        ));
        (raw, expected)
    }

    #[test]
    fn decoder_is_independent_of_chunking() {
        let (raw, expected) = stream_frames();
        let binary = raw.concat();
        let text_whole = b64(&binary);
        let text_segments: Vec<u8> = raw.iter().flat_map(|f| cat(&[&b64(f), b"\r\n"])).collect();
        for (mode, body) in [
            (Mode::Binary, &binary),
            (Mode::Text, &text_whole),
            (Mode::Text, &text_segments),
        ] {
            assert_eq!(decode_whole(mode, body).unwrap(), expected);
            assert_eq!(decode_chunked(mode, body, &mut || 1).unwrap(), expected);
            for (seed, bound) in [(1, 7), (2, 17), (3, 64), (4, 600)] {
                let mut rng = Lcg(seed);
                let frames = decode_chunked(mode, body, &mut || rng.next(bound) + 1).unwrap();
                assert_eq!(frames, expected, "seed {seed}");
            }
        }
    }

    #[test]
    fn five_megabyte_payload_round_trip() {
        let payload: Vec<u8> = (0..5_000_000u32)
            .map(|i| (i.wrapping_mul(31) % 251) as u8)
            .collect();
        let request = encode_request(&payload, Mode::Text);
        assert_eq!(
            decode_whole(Mode::Text, &request).unwrap(),
            [Frame::Data(payload.clone())]
        );

        let data = frame(0, &payload);
        let trailer = trailer_frame(OK_BLOCK);
        let binary = cat(&[&data, &trailer]);
        let text_whole = b64(&binary);
        let text_segments = cat(&[&b64(&data), b"\r\n", &b64(&trailer)]);
        for (mode, body) in [
            (Mode::Binary, &binary),
            (Mode::Text, &text_whole),
            (Mode::Text, &text_segments),
        ] {
            assert!(unary(mode, body).unwrap() == payload);
            let mut d = Decoder::new(mode, DEFAULT_MAX_FRAME_LEN);
            let mut frames = Vec::new();
            for chunk in body.chunks(65_536) {
                d.push(chunk).unwrap();
                while let Some(f) = d.next_frame().unwrap() {
                    frames.push(f);
                }
            }
            d.finish().unwrap();
            assert_eq!(frames.len(), 2);
            let Frame::Data(data) = &frames[0] else {
                panic!("expected data")
            };
            assert!(*data == payload);
            // Reserved once from the header and handed over without copying.
            assert_eq!(data.capacity(), payload.len());
        }
    }

    // ---- trailers ----

    #[test]
    fn trailer_block_with_status_message_and_metadata() {
        let t = Trailers::parse(NOT_FOUND_BLOCK.as_bytes()).unwrap();
        assert_eq!(t.code, 5);
        assert_eq!(t.message, "Cache not found");
        assert_eq!(
            t.metadata,
            [("err".to_owned(), "item_size_limit_exceeded".to_owned())]
        );
        assert_eq!(t.metadata_value("ERR"), Some("item_size_limit_exceeded"));
        assert_eq!(t.metadata_value("missing"), None);
        // In a body, with or without a data frame, a non-OK status is the error.
        let body = trailer_frame(NOT_FOUND_BLOCK);
        assert_eq!(unary(Mode::Binary, &body).unwrap_err(), t);
        let body = cat(&[&frame(0, b"x"), &trailer_frame(NOT_FOUND_BLOCK)]);
        assert_eq!(unary(Mode::Text, &b64(&body)).unwrap_err(), t);
    }

    #[test]
    fn trailer_block_tolerant_forms() {
        let block = b"\r\nGrpc-Status: 3\nGRPC-MESSAGE: bad%20arg \nX-Custom:  v1\r\nx-empty:\n\n";
        let t = Trailers::parse(block).unwrap();
        assert_eq!(t.code, 3);
        assert_eq!(t.message, "bad arg");
        assert_eq!(
            t.metadata,
            [
                ("x-custom".to_owned(), "v1".to_owned()),
                ("x-empty".to_owned(), String::new())
            ]
        );
        // Values may contain ':'; non-UTF-8 values are left out.
        let t = Trailers::parse(b"grpc-status:0\r\nurl:http://a:1\r\nraw:\xff\r\n").unwrap();
        assert_eq!(t.metadata_value("url"), Some("http://a:1"));
        assert_eq!(t.metadata_value("raw"), None);
        // No trailing CRLF; grpc-message absent.
        let t = Trailers::parse(b"grpc-status:14").unwrap();
        assert_eq!((t.code, t.message.as_str()), (14, ""));
    }

    #[test]
    fn trailers_only_response_via_headers() {
        let headers = [
            ("content-type", "application/grpc-web-text"),
            ("grpc-status", "5"),
            ("grpc-message", "Cache%20not%20found"),
            ("Err", "item_size_limit_exceeded"),
        ];
        let t = Trailers::from_headers(headers.iter().copied()).unwrap();
        assert_eq!(t.code, 5);
        assert_eq!(t.message, "Cache not found");
        assert_eq!(t.metadata_value("err"), Some("item_size_limit_exceeded"));
        assert_eq!(
            t.metadata_value("content-type"),
            Some("application/grpc-web-text")
        );
        let result = decode_unary(Mode::Text, b"", Some(t.clone()), DEFAULT_MAX_FRAME_LEN);
        assert_eq!(result.unwrap_err(), t);
        // A non-OK header status wins even over a body.
        let body = cat(&[&frame(0, b"x"), &trailer_frame(OK_BLOCK)]);
        let result = decode_unary(Mode::Binary, &body, Some(t.clone()), DEFAULT_MAX_FRAME_LEN);
        assert_eq!(result.unwrap_err(), t);

        assert_eq!(
            Trailers::from_headers([("content-type", "application/grpc")].into_iter()),
            None
        );

        // OK in headers + data without a trailer frame: the header status applies.
        let ok = Trailers::from_headers([("grpc-status", "0")].into_iter()).unwrap();
        let result = decode_unary(Mode::Binary, &frame(0, b"x"), Some(ok.clone()), 1024);
        assert_eq!(result.unwrap(), b"x");
        // OK in headers and an empty body: no message at all.
        let err = decode_unary(Mode::Binary, b"", Some(ok), 1024).unwrap_err();
        assert_eq!((err.code, err.message.as_str()), (2, "Incomplete response"));
    }

    #[test]
    fn header_grpc_status_not_a_number() {
        let t =
            Trailers::from_headers([("grpc-status", "oops"), ("err", "e")].into_iter()).unwrap();
        assert_eq!(t.code, 2);
        assert_eq!(
            t.message,
            "Error in parsing response body: malformed trailer: grpc-status is not a number"
        );
        assert_eq!(t.metadata_value("err"), Some("e"));
    }

    // ---- unary status rules ----

    #[test]
    fn empty_body_with_ok_status_is_incomplete_response() {
        for body in [&b""[..], b" \r\n"] {
            let t = unary(Mode::Text, body).unwrap_err();
            assert_eq!((t.code, t.message.as_str()), (2, "Incomplete response"));
        }
        let t = unary(Mode::Binary, b"").unwrap_err();
        assert_eq!((t.code, t.message.as_str()), (2, "Incomplete response"));
        // Trailer frame with status 0 but no data frame; metadata is kept.
        let body = trailer_frame("grpc-status:0\r\nx-id:7\r\n");
        let t = unary(Mode::Binary, &body).unwrap_err();
        assert_eq!((t.code, t.message.as_str()), (2, "Incomplete response"));
        assert_eq!(t.metadata_value("x-id"), Some("7"));
        let t = unary(Mode::Text, &b64(&body)).unwrap_err();
        assert_eq!((t.code, t.message.as_str()), (2, "Incomplete response"));
    }

    #[test]
    fn zero_length_data_frame_with_ok_status_is_success() {
        let body = cat(&[&frame(0, b""), &trailer_frame(OK_BLOCK)]);
        assert_eq!(unary(Mode::Binary, &body).unwrap(), Vec::<u8>::new());
        assert_eq!(unary(Mode::Text, &b64(&body)).unwrap(), Vec::<u8>::new());
    }

    #[test]
    fn first_data_frame_wins_in_unary() {
        let body = cat(&[
            &frame(0, b"first"),
            &frame(0, b"second"),
            &trailer_frame(OK_BLOCK),
        ]);
        assert_eq!(unary(Mode::Binary, &body).unwrap(), b"first");
        assert_eq!(unary(Mode::Text, &b64(&body)).unwrap(), b"first");
        // Later frames are still validated.
        let bad = cat(&[
            &frame(0, b"first"),
            &frame(0x01, b"z"),
            &trailer_frame(OK_BLOCK),
        ]);
        assert_malformed(unary(Mode::Binary, &bad), FrameError::Compressed);
    }

    // ---- malformed input ----

    #[test]
    fn truncated_frames_and_headers() {
        let whole = cat(&[&frame(0, b"hello"), &trailer_frame(OK_BLOCK)]);
        for cut in [1, 3, 5, 7, 9, 12, 15, 20, whole.len() - 1] {
            let body = &whole[..cut];
            assert_malformed(unary(Mode::Binary, body), FrameError::Truncated);
            let mut d = Decoder::new(Mode::Binary, DEFAULT_MAX_FRAME_LEN);
            d.push(body).unwrap();
            while d.next_frame().unwrap().is_some() {}
            assert_eq!(d.finish(), Err(FrameError::Truncated), "cut {cut}");
        }
        // Data frame but no trailer frame at all.
        assert_malformed(
            unary(Mode::Binary, &frame(0, b"x")),
            FrameError::MissingTrailers,
        );
    }

    #[test]
    fn truncated_base64_group() {
        assert_malformed(unary(Mode::Text, b"AAAAAAUKA2Zvbw"), FrameError::Truncated);
        let mut d = Decoder::new(Mode::Text, DEFAULT_MAX_FRAME_LEN);
        d.push(b"AAAAAAUKA2Zvbw=").unwrap();
        assert_eq!(d.next_frame(), Ok(None));
        assert_eq!(d.finish(), Err(FrameError::Truncated));
        d.push(b"=").unwrap();
        assert_eq!(d.next_frame(), Ok(Some(Frame::Data(GET_FOO.to_vec()))));
        assert_eq!(d.finish(), Ok(()));
    }

    #[test]
    fn bad_base64() {
        for body in [
            &b"AAAA*AAA"[..],
            b"A=AA",
            b"====",
            b"A===",
            b"AAAAAAUKA2Zv-w==",
            b"QR==",
        ] {
            assert_malformed(unary(Mode::Text, body), FrameError::BadBase64);
            let mut d = Decoder::new(Mode::Text, DEFAULT_MAX_FRAME_LEN);
            assert_eq!(d.push(body), Err(FrameError::BadBase64));
            // Errors are sticky.
            assert_eq!(d.next_frame(), Err(FrameError::BadBase64));
            assert_eq!(d.push(b"AAAA"), Err(FrameError::BadBase64));
            assert_eq!(d.finish(), Err(FrameError::BadBase64));
        }
    }

    #[test]
    fn oversized_length_prefix() {
        let mut d = Decoder::new(Mode::Binary, 255);
        // Rejected as soon as the header is complete, before the payload arrives.
        d.push(&[0, 0, 0]).unwrap();
        let too_large = FrameError::FrameTooLarge { len: 256, max: 255 };
        assert_eq!(d.push(&[1, 0]), Err(too_large));
        let body = cat(&[&frame(0, &[0; 256]), &trailer_frame(OK_BLOCK)]);
        assert_malformed(decode_unary(Mode::Binary, &body, None, 255), too_large);
        // Exactly the limit is fine.
        assert_eq!(
            decode_unary(Mode::Binary, &body, None, 256).unwrap(),
            [0; 256]
        );
        // The limit also applies to trailer frames.
        let body = cat(&[&frame(0, b""), &trailer_frame(OK_BLOCK)]);
        let len = OK_BLOCK.len();
        let err = FrameError::FrameTooLarge { len, max: 10 };
        assert_malformed(decode_unary(Mode::Binary, &body, None, 10), err);
    }

    #[test]
    fn max_length_header_rejected_without_allocating() {
        let header = [0, 0xFF, 0xFF, 0xFF, 0xFF];
        let err = FrameError::FrameTooLarge {
            len: 0xFFFF_FFFF,
            max: DEFAULT_MAX_FRAME_LEN,
        };
        for (mode, body) in [(Mode::Binary, header.to_vec()), (Mode::Text, b64(&header))] {
            let mut d = Decoder::new(mode, DEFAULT_MAX_FRAME_LEN);
            assert_eq!(d.push(&body), Err(err));
            assert_eq!(d.payload.capacity(), 0);
            assert!(d.scratch.capacity() < 64);
            assert_malformed(unary(mode, &body), err);
        }
    }

    #[test]
    fn compressed_and_unknown_flags() {
        for (flag, err) in [
            (0x01, FrameError::Compressed),
            (0x81, FrameError::Compressed),
            (0x40, FrameError::UnknownFlags(0x40)),
            (0x02, FrameError::UnknownFlags(0x02)),
            (0xFE, FrameError::UnknownFlags(0xFE)),
        ] {
            let body = cat(&[&frame(flag, b"x"), &trailer_frame(OK_BLOCK)]);
            assert_malformed(unary(Mode::Binary, &body), err);
            assert_eq!(decode_whole(Mode::Binary, &body), Err(err));
            // Detected from the header alone.
            let mut d = Decoder::new(Mode::Binary, DEFAULT_MAX_FRAME_LEN);
            assert_eq!(d.push(&[flag, 0, 0, 0, 9]), Err(err));
        }
    }

    #[test]
    fn data_after_trailers() {
        let body = cat(&[&trailer_frame(OK_BLOCK), &frame(0, b"late")]);
        assert_malformed(unary(Mode::Binary, &body), FrameError::DataAfterTrailers);
        assert_malformed(
            unary(Mode::Text, &b64(&body)),
            FrameError::DataAfterTrailers,
        );
        let body = cat(&[&frame(0, b"x"), &trailer_frame(OK_BLOCK), &[0]]);
        assert_malformed(unary(Mode::Binary, &body), FrameError::DataAfterTrailers);

        let mut d = Decoder::new(Mode::Binary, DEFAULT_MAX_FRAME_LEN);
        let pushed = d.push(&cat(&[&trailer_frame(OK_BLOCK), &[0, 0]]));
        assert_eq!(pushed, Err(FrameError::DataAfterTrailers));
        assert_eq!(d.next_frame(), Err(FrameError::DataAfterTrailers));
        assert_eq!(d.finish(), Err(FrameError::DataAfterTrailers));

        let mut d = Decoder::new(Mode::Binary, DEFAULT_MAX_FRAME_LEN);
        d.push(&trailer_frame(OK_BLOCK)).unwrap();
        assert_eq!(d.next_frame(), Ok(Some(Frame::Trailers(ok_trailers()))));
        assert_eq!(d.next_frame(), Ok(None));
        assert_eq!(d.finish(), Ok(()));
        assert_eq!(d.push(&[0]), Err(FrameError::DataAfterTrailers));

        // Trailing whitespace after the trailers is fine in text mode.
        let body = cat(&[&b64(&trailer_frame(OK_BLOCK)), b"\r\n"]);
        let mut d = Decoder::new(Mode::Text, DEFAULT_MAX_FRAME_LEN);
        d.push(&body).unwrap();
        assert!(matches!(d.next_frame(), Ok(Some(Frame::Trailers(_)))));
        d.push(b" \r\n").unwrap();
        assert_eq!(d.next_frame(), Ok(None));
        assert_eq!(d.finish(), Ok(()));
    }

    #[test]
    fn malformed_trailer_blocks() {
        let cases: [(&[u8], &str); 9] = [
            (b"\xff\xfe:1\r\ngrpc-status:0\r\n", "name is not UTF-8"),
            (b"grpc-status:abc\r\n", "grpc-status is not a number"),
            (b"grpc-status:\r\n", "grpc-status is not a number"),
            (b"grpc-status:-1\r\n", "grpc-status is not a number"),
            (b"grpc-status:1 2\r\n", "grpc-status is not a number"),
            (
                b"grpc-status:99999999999\r\n",
                "grpc-status is out of range",
            ),
            (b"grpc-message:x\r\n", "no grpc-status"),
            (b"grpc-status 0\r\n", "line without ':'"),
            (b":0\r\ngrpc-status:0\r\n", "empty name"),
        ];
        for (block, why) in cases {
            let err = FrameError::BadTrailer(why);
            assert_eq!(Trailers::parse(block), Err(err));
            let body = cat(&[&frame(0, b"x"), &frame(0x80, block)]);
            assert_malformed(unary(Mode::Binary, &body), err);
            assert_eq!(decode_whole(Mode::Binary, &body), Err(err));
        }
        // An empty trailer frame has no status either.
        let body = cat(&[&frame(0, b"x"), &frame(0x80, b"")]);
        assert_malformed(
            unary(Mode::Binary, &body),
            FrameError::BadTrailer("no grpc-status"),
        );
    }

    #[test]
    fn arbitrary_input_never_panics() {
        const ALPHABET: &[u8] = b"AAAAgw==+/09az \r\n*-\x00\x80\xff";
        let (raw, _) = stream_frames();
        let valid = raw.concat();
        let mut rng = Lcg(42);
        for round in 0..3000 {
            let body: Vec<u8> = match round % 3 {
                // Random bytes / random base64-ish text.
                0 => (0..rng.next(80)).map(|_| rng.next(256) as u8).collect(),
                1 => (0..rng.next(80))
                    .map(|_| ALPHABET[rng.next(ALPHABET.len())])
                    .collect(),
                // A valid stream with one byte changed and a random cut.
                _ => {
                    let mut v = valid.clone();
                    let i = rng.next(v.len());
                    v[i] = rng.next(256) as u8;
                    v.truncate(rng.next(v.len() + 1));
                    if rng.next(2) == 0 {
                        b64(&v)
                    } else {
                        v
                    }
                }
            };
            for mode in [Mode::Binary, Mode::Text] {
                let _ = decode_unary(mode, &body, None, 1 << 10);
                let _ = decode_chunked(mode, &body, &mut || rng.next(9) + 1);
            }
        }
    }

    // ---- helpers ----

    #[test]
    fn http_status_map() {
        for (http, grpc) in [
            (400, 3),
            (401, 16),
            (403, 7),
            (404, 5),
            (409, 10),
            (412, 9),
            (429, 8),
            (499, 1),
            (500, 2),
            (501, 12),
            (503, 14),
            (504, 4),
            (502, 2),
            (302, 2),
            (418, 2),
            (0, 2),
        ] {
            assert_eq!(http_status_to_grpc_code(http), grpc, "{http}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(Mode::Text.content_type(), "application/grpc-web-text");
        assert_eq!(Mode::Binary.content_type(), "application/grpc-web+proto");
        for (ct, mode) in [
            ("application/grpc-web-text", Some(Mode::Text)),
            ("application/grpc-web-text+proto", Some(Mode::Text)),
            ("Application/GRPC-Web-Text; charset=utf-8", Some(Mode::Text)),
            ("application/grpc-web+proto", Some(Mode::Binary)),
            ("application/grpc-web", Some(Mode::Binary)),
            ("application/grpc", Some(Mode::Binary)),
            ("application/grpc+proto", Some(Mode::Binary)),
            ("text/plain", None),
            ("application/json", None),
            ("application/grp", None),
            ("", None),
        ] {
            assert_eq!(Mode::from_response_content_type(ct), mode, "{ct}");
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%E2%9C%93"), "\u{2713}");
        assert_eq!(percent_decode("ok %e2%9c%93!"), "ok \u{2713}!");
        assert_eq!(percent_decode("100%G1"), "100%G1");
        assert_eq!(percent_decode("abc%"), "abc%");
        assert_eq!(percent_decode("abc%4"), "abc%4");
        assert_eq!(percent_decode("%%41"), "%A");
        assert_eq!(percent_decode("%ff"), "%ff");
        assert_eq!(percent_decode("ok%20%ff"), "ok%20%ff");
        assert_eq!(percent_decode("a+b%20c"), "a+b c");
        assert_eq!(percent_decode("plain"), "plain");
        assert_eq!(percent_decode("\u{e9}%C3%A9"), "\u{e9}\u{e9}");
    }

    #[test]
    fn errors_display() {
        let e: Box<dyn std::error::Error> = Box::new(FrameError::FrameTooLarge { len: 9, max: 8 });
        assert_eq!(
            e.to_string(),
            "frame of 9 bytes exceeds the limit of 8 bytes"
        );
        assert_eq!(
            FrameError::UnknownFlags(0x40).to_string(),
            "unknown frame flags 0x40"
        );
        let t = Trailers::from(FrameError::Truncated);
        assert_eq!(t.code, 2);
        assert_eq!(
            t.message,
            "Error in parsing response body: body ends inside a frame"
        );
    }
}
