//! momento-server's whole request path, in-process: arbitrary methods, paths, headers and bodies
//! through the real handler (CORS → admission → tonic-web → auth → request errors → router →
//! services) of a fresh `InProcessServer` per input, on a current-thread tokio runtime.
//!
//! Input: up to six requests in the text format of `momento_fuzz::parse_requests` (seeds in
//! `fuzz/seeds/server_http` carry valid tokens signed with the throwaway `FUZZ_SECRET`, so the
//! fuzzer gets past authentication). Requests share the server, so a `CreateCache` can be
//! followed by writes and reads.
//!
//! Checks, besides "never panics/hangs": every answer to a gRPC-web request that has a gRPC-web
//! content type decodes with the SDK's own decoder (`momento_wasm::core::grpc_web::Decoder`):
//! whole frames, a valid trailer block, and a status in the trailers or the headers.
#![no_main]

use std::convert::Infallible;
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body as _, Frame};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt as _, Full, StreamBody};
use libfuzzer_sys::fuzz_target;
use momento_fuzz::{parse_requests, FuzzRequest, FUZZ_SECRET};
use momento_server::{AuthMode, Config, InProcessServer, Limits, SecretSource};
use momento_wasm::core::grpc_web::{Decoder, Frame as GrpcFrame, Mode, Trailers};
use tower::ServiceExt as _;

/// Most response body frames read per request (a subscription streams forever).
const MAX_FRAMES: usize = 32;

fn config() -> Config {
    Config {
        auth: AuthMode::Token,
        secret: SecretSource::Bytes(FUZZ_SECRET.to_vec()),
        limits: Limits {
            max_memory_bytes: 16 << 20,
            max_item_size_bytes: 64 << 10,
            max_ttl_seconds: 3600,
            max_caches: 4,
        },
        max_message_size: 1 << 20,
        topic_heartbeat_interval: Duration::from_secs(60),
        topic_buffer_size: 8,
        max_subscriptions: 2,
        // No network traffic from the fuzzer: webhooks are stored but never POSTed.
        webhook_delivery: momento_server::DeliveryMode::Off,
        ..Config::default()
    }
}

fn build_request(r: &FuzzRequest) -> Option<http::Request<BoxBody<Bytes, Infallible>>> {
    let mut builder = http::Request::builder()
        .method(http::Method::from_bytes(&r.method).ok()?)
        .uri(http::Uri::try_from(r.path.as_slice()).ok()?)
        .version(if r.h2 {
            http::Version::HTTP_2
        } else {
            http::Version::HTTP_11
        });
    for (name, value) in &r.headers {
        if let (Ok(n), Ok(v)) = (
            http::HeaderName::from_bytes(name),
            http::HeaderValue::from_bytes(value),
        ) {
            builder = builder.header(n, v);
        }
    }
    let wire = Bytes::from(r.wire_body());
    let body = match r.chunk {
        None => Full::new(wire).boxed(),
        Some(n) => {
            let chunks: Vec<Result<Frame<Bytes>, Infallible>> = wire
                .chunks(n)
                .map(|c| Ok(Frame::data(Bytes::copy_from_slice(c))))
                .collect();
            StreamBody::new(tokio_stream::iter(chunks)).boxed()
        }
    };
    builder.body(body).ok()
}

/// Polls the next body frame, giving spawned tasks a few turns; `None` when it stays pending.
async fn next_frame<B: http_body::Body + Unpin>(
    body: &mut B,
) -> Option<Option<Result<Frame<B::Data>, B::Error>>> {
    for _ in 0..4 {
        let polled = std::future::poll_fn(|cx| Poll::Ready(Pin::new(&mut *body).poll_frame(cx)));
        match polled.await {
            Poll::Ready(frame) => return Some(frame),
            Poll::Pending => tokio::task::yield_now().await,
        }
    }
    None
}

fn is_grpc_web(ct: Option<&[u8]>) -> bool {
    ct.is_some_and(|ct| {
        ct.len() >= 20
            && ct
                .get(..20)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"application/grpc-web"))
    })
}

async fn send(server: &InProcessServer, r: &FuzzRequest) {
    let Some(request) = build_request(r) else {
        return;
    };
    let Ok(response) = server.handler().oneshot(request).await;
    let (parts, mut body) = response.into_parts();
    let mut data = Vec::new();
    let mut trailers = http::HeaderMap::new();
    let mut complete = false;
    for _ in 0..MAX_FRAMES {
        match next_frame(&mut body).await {
            Some(Some(Ok(frame))) => match frame.into_data() {
                Ok(d) => data.extend_from_slice(&d),
                Err(frame) => {
                    if let Ok(t) = frame.into_trailers() {
                        trailers.extend(t);
                    }
                }
            },
            Some(Some(Err(_))) | None => break,
            Some(None) => {
                complete = true;
                break;
            }
        }
    }
    let _ = body.is_end_stream();
    // Only gRPC-web answers (a request tonic-web does not recognise passes through as native
    // gRPC, whose status is in HTTP trailers).
    let response_ct = parts.headers.get(http::header::CONTENT_TYPE);
    if !(complete
        && parts.status == http::StatusCode::OK
        && is_grpc_web(r.header("content-type"))
        && is_grpc_web(response_ct.map(http::HeaderValue::as_bytes)))
    {
        return;
    }
    let Some(mode) = response_ct
        .and_then(|v| v.to_str().ok())
        .and_then(Mode::from_response_content_type)
    else {
        return;
    };
    // The SDK must be able to read every gRPC-web answer the server gives.
    let mut decoder = Decoder::new(mode, momento_wasm::core::grpc_web::DEFAULT_MAX_FRAME_LEN);
    let mut trailer_frame = false;
    let decoded = decoder.push(&data).and_then(|()| {
        while let Some(f) = decoder.next_frame()? {
            trailer_frame |= matches!(f, GrpcFrame::Trailers(_));
        }
        decoder.finish()
    });
    assert_eq!(
        decoded,
        Ok(()),
        "undecodable answer to {r:?}: {parts:?} body {data:?}"
    );
    let header_status = Trailers::from_headers(
        parts
            .headers
            .iter()
            .chain(trailers.iter())
            .filter_map(|(n, v)| Some((n.as_str(), v.to_str().ok()?))),
    );
    assert!(
        trailer_frame || header_status.is_some(),
        "answer without a status to {r:?}: {parts:?} body {data:?}"
    );
}

fuzz_target!(
    init: {
        // Rejected tokens are logged at warn level: keep the fuzzer's output clean.
        std::env::set_var("MOMENTO_SERVER_LOG", "error");
    },
    |data: &[u8]| {
        let requests = parse_requests(data);
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
        else {
            return;
        };
        let Ok(server) = InProcessServer::new(&config()) else {
            return;
        };
        runtime.block_on(async {
            for r in &requests {
                send(&server, r).await;
            }
        });
        drop(server);
        drop(runtime);
    }
);
