//! Malformed requests are the client's fault: `INVALID_ARGUMENT`, not `INTERNAL`.
//!
//! tonic answers `INTERNAL` when a request cannot be read: a protobuf message that does not
//! decode (its prost codec), a body that ends inside a frame, a frame with an unknown
//! compression flag, a gRPC-web text body that is not base64. Momento's service (and the SDKs'
//! error mapping) treat malformed input as `INVALID_ARGUMENT`, and `INTERNAL` would tell a
//! client to report a server bug. Two pieces fix that:
//! - [`Codec`], the codec of every generated service (`build.rs` points tonic at it): prost's
//!   codec with decoding errors answered `INVALID_ARGUMENT`;
//! - [`RequestErrorsLayer`], right around the services: rewrites the `INTERNAL` answers tonic
//!   and tonic-web give to unreadable request frames ([`is_request_framing_error`]).

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use prost::Message;
use tonic::codec::{BufferSettings, DecodeBuf};
use tonic::{Code, Status};

/// Prefix of the message of a request that could not be read.
const INVALID_REQUEST: &str = "Invalid request: ";

/// prost's codec for the generated services, with decoding errors as `INVALID_ARGUMENT`.
#[derive(Debug)]
pub struct Codec<T, U>(tonic_prost::ProstCodec<T, U>);

impl<T, U> Default for Codec<T, U> {
    fn default() -> Self {
        Self(tonic_prost::ProstCodec::default())
    }
}

impl<T, U> tonic::codec::Codec for Codec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = tonic_prost::ProstEncoder<T>;
    type Decoder = Decoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        self.0.encoder()
    }

    fn decoder(&mut self) -> Self::Decoder {
        Decoder(self.0.decoder())
    }
}

/// The decoder of [`Codec`].
#[derive(Debug)]
pub struct Decoder<U>(tonic_prost::ProstDecoder<U>);

impl<U: Message + Default> tonic::codec::Decoder for Decoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        self.0.decode(buf).map_err(|status| {
            if status.code() == Code::Internal {
                Status::invalid_argument(format!(
                    "{INVALID_REQUEST}the message does not decode: {}",
                    status.message()
                ))
            } else {
                status
            }
        })
    }

    fn buffer_settings(&self) -> BufferSettings {
        self.0.buffer_settings()
    }
}

/// Whether an `INTERNAL` message is one tonic or tonic-web gives a request it could not read
/// (a body ending inside a frame, an unknown compression flag, invalid base64).
pub fn is_request_framing_error(message: &str) -> bool {
    message.starts_with("Unexpected EOF decoding stream")
        || message.starts_with("protocol error: received message with")
        || message.starts_with("tonic-web: ")
        || message.starts_with("Error decompressing")
}

/// Tower layer answering unreadable requests `INVALID_ARGUMENT` (see the module docs). It
/// rewrites trailers-only answers (a status in the response head), which is how tonic fails a
/// call whose request it could not read.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestErrorsLayer;

impl<S> tower_layer::Layer<S> for RequestErrorsLayer {
    type Service = RequestErrors<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RequestErrors(inner)
    }
}

/// The service produced by [`RequestErrorsLayer`].
#[derive(Debug, Clone)]
pub struct RequestErrors<S>(S);

impl<S, Req, ResBody> tower_service::Service<Req> for RequestErrors<S>
where
    S: tower_service::Service<Req, Response = http::Response<ResBody>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Rewrite<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Req) -> Self::Future {
        Rewrite(Box::pin(self.0.call(request)))
    }
}

/// The future of [`RequestErrors`].
#[derive(Debug)]
pub struct Rewrite<F>(Pin<Box<F>>);

impl<F, ResBody, E> Future for Rewrite<F>
where
    F: Future<Output = Result<http::Response<ResBody>, E>>,
{
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut response = ready!(self.0.as_mut().poll(cx))?;
        let headers = response.headers_mut();
        let internal = headers
            .get("grpc-status")
            .is_some_and(|status| status.as_bytes() == b"13");
        let message = headers
            .get("grpc-message")
            .and_then(|m| m.to_str().ok())
            .map(percent_decode);
        if let Some(message) = message.filter(|m| internal && is_request_framing_error(m)) {
            let status = Status::invalid_argument(format!("{INVALID_REQUEST}{message}"));
            headers.remove("grpc-message");
            let _ = status.add_header(headers);
        }
        Poll::Ready(Ok(response))
    }
}

/// `grpc-message` values are percent-encoded; the prefixes checked are plain ASCII, so
/// decoding `%XX` escapes is all that is needed.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_errors_are_recognized() {
        assert!(is_request_framing_error("Unexpected EOF decoding stream."));
        assert!(is_request_framing_error(
            "protocol error: received message with invalid compression flag: 7 (valid flags are \
             0 and 1), while sending request"
        ));
        assert!(is_request_framing_error(
            "tonic-web: Invalid byte 33, offset 0."
        ));
        assert!(!is_request_framing_error("Random source failed: x"));
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
    }
}
