//! gRPC-web over HTTP/1.1 with reqwest, as the web SDKs send it: framing, the text mode's base64
//! and one-call helpers.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use prost::Message;

/// The gRPC-web text content type.
pub const TEXT: &str = "application/grpc-web-text";

/// One gRPC(-web) frame: flag, big-endian u32 length, payload.
pub fn frame(flag: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![flag];
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// Splits a decoded gRPC-web body into frames.
pub fn frames(mut body: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    while !body.is_empty() {
        assert!(body.len() >= 5, "truncated frame header");
        let flag = body[0];
        let len = u32::from_be_bytes(body[1..5].try_into().unwrap()) as usize;
        assert!(body.len() >= 5 + len, "truncated frame");
        out.push((flag, body[5..5 + len].to_vec()));
        body = &body[5 + len..];
    }
    out
}

/// Decodes a grpc-web-text body the way grpc-web's JS client does: in 4-character groups, so
/// both one base64 string and concatenated per-frame base64 strings work.
pub fn decode_text(body: &str) -> Vec<u8> {
    let body = body.trim();
    assert_eq!(body.len() % 4, 0, "text body is not 4-char aligned: {body}");
    body.as_bytes()
        .chunks(4)
        .flat_map(|group| STANDARD.decode(group).unwrap())
        .collect()
}

/// The response's content type (panics when it has none).
pub fn content_type(response: &reqwest::Response) -> &str {
    response
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
}

/// POSTs `message` in one gRPC-web text frame to `url` over HTTP/1.1, with `headers` besides the
/// gRPC-web ones; checks the HTTP status is 200 and answers the response, its body unread.
pub async fn text_request(
    url: String,
    message: &impl Message,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = reqwest::Client::builder()
        .http1_only()
        .build()
        .unwrap()
        .post(url)
        .header("content-type", TEXT)
        .header("accept", TEXT)
        .header("x-grpc-web", "1");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request
        .body(STANDARD.encode(frame(0, &message.encode_to_vec())))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    response
}

/// A finished gRPC-web text call: its data frames, its trailers (names lowercased) and headers.
pub struct TextReply {
    /// The payloads of the data frames, in order.
    pub data: Vec<Vec<u8>>,
    /// The trailer frame's entries.
    pub trailers: Vec<(String, String)>,
    /// The HTTP response headers (a trailers-only reply carries its status here).
    pub headers: reqwest::header::HeaderMap,
}

impl TextReply {
    /// Reads the whole body of `response`.
    pub async fn read(response: reqwest::Response) -> Self {
        let headers = response.headers().clone();
        let body = decode_text(&response.text().await.unwrap());
        let mut data = Vec::new();
        let mut trailers = Vec::new();
        for (flag, payload) in frames(&body) {
            if flag & 0x80 == 0 {
                data.push(payload);
                continue;
            }
            for line in String::from_utf8(payload).unwrap().split("\r\n") {
                if let Some((k, v)) = line.split_once(':') {
                    trailers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
                }
            }
        }
        Self {
            data,
            trailers,
            headers,
        }
    }

    /// Metadata `name`: from the trailers, else from the headers.
    pub fn metadata(&self, name: &str) -> Option<String> {
        self.trailers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .or_else(|| {
                self.headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            })
    }
}

/// One gRPC-web text call ([`text_request`], then [`TextReply::read`]).
pub async fn text_call(url: String, message: &impl Message, headers: &[(&str, &str)]) -> TextReply {
    TextReply::read(text_request(url, message, headers).await).await
}
