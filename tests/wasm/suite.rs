// The wasm-bindgen tests of the core over the real `fetch` transport (js/fetch.js), included by tests/browser.rs (a page) and
// tests/service_worker.rs (a module service worker: no window, as in edge runtimes).
use momento_wasm::core::cache::scalar::get::{GetRequest, GetResponse};
use momento_wasm::core::cache::scalar::set::SetRequest;
use momento_wasm::core::client::Client;
use momento_wasm::core::config::Configuration;
use momento_wasm::core::control::create_cache::CreateCacheRequest;
use momento_wasm::core::credentials::Credentials;
use momento_wasm::core::error::MomentoErrorCode;
use momento_wasm::core::grpc_web::Mode;
use momento_wasm::transport::driver::{step, Step};
use momento_wasm::transport::js::{JsTransport, WasmTransport};
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/js/fetch.js")]
extern "C" {
    /// js/fetch.js's gRPC-web transport over the global fetch (what the facade hands the cores in browsers).
    type FetchTransport;
    #[wasm_bindgen(constructor)]
    fn new() -> FetchTransport;
}

/// Runs `fut` as js/drive.js does: await the promise it hands back, poll again with the value.
async fn drive<F: Future>(fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let mut settled = JsValue::UNDEFINED;
    loop {
        match step(fut.as_mut(), settled) {
            Step::Ready(v) => return v,
            Step::Wait(p) => settled = JsFuture::from(p).await.unwrap(),
            Step::Stalled => panic!("the future stalled without waiting on a promise"),
        }
    }
}

const API_KEY: Option<&str> = option_env!("MOMENTO_TEST_API_KEY");

fn client(mode: Mode) -> Client<WasmTransport> {
    let key = API_KEY.expect("MOMENTO_TEST_API_KEY must be set at build time (run scripts/test)");
    let credentials = Credentials::from_string(key, None).unwrap();
    let config = Configuration::laptop_v1().with_transport_mode(mode);
    Client::new(
        WasmTransport::new(FetchTransport::new().unchecked_into::<JsTransport>()),
        credentials,
        config,
        "cache",
        "browser-test".into(),
    )
}

async fn ensure_cache(c: &Client<WasmTransport>, name: &str) {
    let r = drive(c.run(CreateCacheRequest::new(name.into()).unwrap().into(), None)).await;
    assert!(r.is_ok(), "{r:?}");
}

async fn round_trip(mode: Mode) {
    let c = client(mode);
    ensure_cache(&c, "browser").await;
    let value: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let set = SetRequest::new(
        "browser".into(),
        b"k".to_vec(),
        value.clone(),
        Some(60.0),
        60_000,
    )
    .unwrap();
    drive(c.run(set.into(), None)).await.unwrap();
    let got = drive(c.run(
        GetRequest::new("browser".into(), b"k".to_vec()).unwrap().into(),
        None,
    ))
    .await
    .unwrap();
    assert_eq!(got, GetResponse::Hit { value });
    let miss = drive(c.run(
        GetRequest::new("browser".into(), b"absent".to_vec()).unwrap().into(),
        None,
    ))
    .await
    .unwrap();
    assert_eq!(miss, GetResponse::Miss);
}

#[wasm_bindgen_test]
async fn text_mode_round_trip() {
    round_trip(Mode::Text).await;
}

#[wasm_bindgen_test]
async fn binary_mode_round_trip() {
    round_trip(Mode::Binary).await;
}

#[wasm_bindgen_test]
async fn unknown_cache_is_not_found() {
    let c = client(Mode::Text);
    let e = drive(c.run(
        GetRequest::new("no-such-cache".into(), b"k".to_vec()).unwrap().into(),
        None,
    ))
    .await
    .unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::NotFound, "{e}");
}

/// The one-promise rule of the driver: a future that parks two promises in one step (two awaits polled at once)
/// stalls instead of having the first silently overwritten, and the next step of another future starts clean.
#[wasm_bindgen_test]
async fn two_promises_in_one_step_stall() {
    use momento_wasm::transport::driver::wait;
    use std::task::Poll;
    let resolved = || js_sys::Promise::resolve(&JsValue::from(1));
    let (mut a, mut b) = (Box::pin(wait(resolved())), Box::pin(wait(resolved())));
    let both = std::future::poll_fn(move |cx| {
        let first = a.as_mut().poll(cx);
        let second = b.as_mut().poll(cx);
        match (first, second) {
            (Poll::Ready(_), Poll::Ready(_)) => Poll::Ready(()),
            _ => Poll::Pending,
        }
    });
    let mut both = std::pin::pin!(both);
    assert!(matches!(
        step(both.as_mut(), JsValue::UNDEFINED),
        Step::Stalled
    ));
    let mut one = std::pin::pin!(wait(resolved()));
    assert!(matches!(step(one.as_mut(), JsValue::UNDEFINED), Step::Wait(_)));
    assert_eq!(drive(wait(resolved())).await, JsValue::from(1));
}
