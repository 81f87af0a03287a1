//! The SDK's gRPC-web response decoding (`momento_wasm::core::grpc_web`) on arbitrary bodies.
//!
//! Input: byte 0 = options (bit 0 text mode, bits 1-2 frame limit, bit 3 an OK `grpc-status`
//! response header), byte 1 = seed of the chunk splits, the rest = the response body.
//!
//! Checks, besides "never panics":
//! - the incremental [`Decoder`] gives the same frames whether the body arrives whole or in
//!   arbitrary chunks (and fails on both or neither);
//! - `decode_unary` and `decode_stream` agree with the frames the `Decoder` produced;
//! - round trips: the body as a request message (`encode_request`, `encode_request_with`)
//!   decodes back to itself, and a trailer block built from it (`grpc-status`, percent-encoded
//!   `grpc-message`, metadata) parses back, also as per-frame base64 segments in text mode.
#![no_main]

use libfuzzer_sys::fuzz_target;
use momento_fuzz::{percent_encode, Splitter};
use momento_wasm::core::grpc_web::{
    decode_stream, decode_unary, encode_request, encode_request_with, percent_decode,
    Decoder, Frame, FrameError, Mode, Trailers, DEFAULT_MAX_FRAME_LEN,
};

const PARSE_PREFIX: &str = "Error in parsing response body: ";

fn ok_header() -> Trailers {
    Trailers::from_headers([("grpc-status", "0")].into_iter()).unwrap_or_default()
}

fn is_parse_error(t: &Trailers) -> bool {
    t.code == 2 && t.message.starts_with(PARSE_PREFIX)
}

fn check_decoders(mode: Mode, max: usize, header_ok: bool, seed: u8, body: &[u8]) {
    let whole = Decoder::decode_in_chunks(mode, max, body, &mut |_| usize::MAX);
    let mut splitter = Splitter::new(seed);
    let chunked = Decoder::decode_in_chunks(mode, max, body, &mut |left| splitter.next(left.min(17)));
    match (&whole, &chunked) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "chunking changed the frames"),
        (Err(_), Err(_)) => {}
        _ => panic!("chunking changed the outcome: whole {whole:?} chunked {chunked:?}"),
    }
    let header = header_ok.then(ok_header);
    let unary = decode_unary(mode, body, header.clone(), max);
    let stream = decode_stream(mode, body, header.clone(), max);
    let frames = match whole {
        Err(e) => {
            let unary = unary.expect_err("decode_unary accepted a body the Decoder rejects");
            assert!(is_parse_error(&unary), "{e:?} vs {unary:?}");
            let stream = stream.expect_err("decode_stream accepted a body the Decoder rejects");
            assert_eq!(stream, Trailers::from(e));
            return;
        }
        Ok(frames) => frames,
    };
    let mut data = Vec::new();
    let mut status = None;
    for (i, f) in frames.iter().enumerate() {
        match f {
            Frame::Data(d) => data.push(d.clone()),
            Frame::Trailers(t) => {
                assert_eq!(i + 1, frames.len(), "frames after the trailers");
                status = Some(t.clone());
            }
        }
    }
    let status = status.or(header);
    // decode_unary: the first data frame under an OK status.
    match (&status, data.first()) {
        (Some(t), _) if t.code != 0 => assert_eq!(unary.as_ref(), Err(t)),
        (Some(_), Some(first)) => assert_eq!(unary.as_ref(), Ok(first)),
        (None, Some(_)) => {
            assert_eq!(unary, Err(Trailers::from(FrameError::MissingTrailers)));
        }
        (_, None) => {
            let t = unary.expect_err("no data frame must be an error");
            assert_eq!((t.code, t.message.as_str()), (2, "Incomplete response"));
        }
    }
    // decode_stream: every data frame under an OK status.
    match &status {
        Some(t) if t.code != 0 => assert_eq!(stream.as_ref(), Err(t)),
        Some(_) => assert_eq!(stream, Ok(data)),
        None => assert_eq!(stream, Err(Trailers::from(FrameError::MissingTrailers))),
    }
}

fn check_round_trips(mode: Mode, seed: u8, msg: &[u8]) {
    // Request framing round trip.
    let encoded = encode_request(msg, mode);
    let mut write = |buf: &mut Vec<u8>| buf.extend_from_slice(msg);
    assert_eq!(
        encode_request_with(mode, usize::from(seed), &mut write),
        encoded
    );
    let mut splitter = Splitter::new(seed);
    let frames = Decoder::decode_in_chunks(mode, msg.len(), &encoded, &mut |left| {
        splitter.next(left.min(9))
    });
    assert_eq!(frames, Ok(vec![Frame::Data(msg.to_vec())]));

    // Trailer round trip: status, percent-encoded message and one metadata entry from the input.
    let text = String::from_utf8_lossy(msg);
    let code = u32::from(seed);
    let meta: String = text
        .chars()
        .filter(|c| !c.is_control() && *c != '\u{85}')
        .collect();
    let block = format!(
        "grpc-status:{code}\r\ngrpc-message:{}\r\nx-meta: {meta}\r\n",
        percent_encode(&text)
    );
    let parsed = Trailers::parse(block.as_bytes()).expect("a well-formed trailer block");
    assert_eq!(parsed.code, code);
    assert_eq!(parsed.message, text);
    // Header values are trimmed of ASCII whitespace only (RFC 9110's OWS), as the decoder does.
    assert_eq!(parsed.metadata_value("x-meta"), Some(meta.trim_ascii()));
    assert_eq!(percent_decode(&percent_encode(&text)), text);

    // A whole response: data frame + trailer frame, binary or as per-frame base64 segments.
    let mut trailer_frame = vec![0x80];
    trailer_frame.extend_from_slice(&u32::try_from(block.len()).unwrap_or(0).to_be_bytes());
    trailer_frame.extend_from_slice(block.as_bytes());
    let data_frame = encode_request(msg, Mode::Binary);
    let body = match mode {
        Mode::Binary => [data_frame, trailer_frame].concat(),
        Mode::Text => {
            use base64::Engine as _;
            let b64 = base64::engine::general_purpose::STANDARD;
            [b64.encode(&data_frame), b64.encode(&trailer_frame)]
                .concat()
                .into_bytes()
        }
    };
    let frames = Decoder::decode_in_chunks(mode, DEFAULT_MAX_FRAME_LEN, &body, &mut |left| {
        splitter.next(left.min(23))
    });
    assert_eq!(
        frames,
        Ok(vec![
            Frame::Data(msg.to_vec()),
            Frame::Trailers(parsed.clone())
        ])
    );
    let unary = decode_unary(mode, &body, None, DEFAULT_MAX_FRAME_LEN);
    if code == 0 {
        assert_eq!(unary, Ok(msg.to_vec()));
    } else {
        assert_eq!(unary, Err(parsed));
    }
}

fn check_headers(msg: &[u8]) {
    // Trailers-only responses: header pairs from `name:value` lines of the input.
    let text = String::from_utf8_lossy(msg);
    let pairs: Vec<(&str, &str)> = text
        .lines()
        .map(|l| l.split_once(':').unwrap_or((l, "")))
        .collect();
    if let Some(t) = Trailers::from_headers(pairs.iter().copied()) {
        let _ = t.metadata_value("err");
    }
    let first = pairs.first().map_or("", |(n, _)| *n);
    let _ = Mode::from_response_content_type(first);
    let _ = percent_decode(&text);
}

fuzz_target!(|data: &[u8]| {
    let [options, seed, body @ ..] = data else {
        return;
    };
    let mode = if options & 1 == 0 {
        Mode::Binary
    } else {
        Mode::Text
    };
    let max = [DEFAULT_MAX_FRAME_LEN, 0, 16, 255][usize::from((options >> 1) & 3)];
    let header_ok = options & 8 != 0;
    check_decoders(mode, max, header_ok, *seed, body);
    check_round_trips(mode, *seed, body);
    check_headers(body);
});
