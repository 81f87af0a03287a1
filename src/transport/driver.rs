//! The executor of the wasm build: JS drives each call's future. A future awaiting a JS promise ([`wait`]) parks
//! the promise in a slot and returns `Pending`; the driver ([`step`]) hands it to JS, which awaits it and polls again
//! with the settled value. One promise per step, no wakers, no task queue: the JS side is a five-line loop
//! (js/drive.js), and wasm-bindgen-futures (its queue, closures and microtask glue) stays out of the bundle.
//!
//! Every future of the wasm build awaits at most one promise at a time (the transport's `Call.response()`,
//! `Call.read()` and `sleep()`), which is what the single slot supports.

use std::cell::RefCell;
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use js_sys::Promise;
use wasm_bindgen::JsValue;

thread_local! {
    /// The promise the future being polled now waits on.
    static WAITING: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// The value the last awaited promise settled with, handed in by [`step`].
    static SETTLED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Awaits a JS promise that never rejects (the transport's promises record failures instead); resolves to its
/// value. Only a future run by [`step`] may await it.
pub fn wait(promise: Promise) -> impl Future<Output = JsValue> {
    let mut promise = Some(promise);
    poll_fn(move |_| match promise.take() {
        Some(p) => {
            WAITING.with(|w| *w.borrow_mut() = Some(p));
            Poll::Pending
        }
        None => Poll::Ready(
            SETTLED
                .with(|s| s.borrow_mut().take())
                .unwrap_or(JsValue::UNDEFINED),
        ),
    })
}

/// One step of a driven future.
pub enum Step<T> {
    /// The future finished.
    Ready(T),
    /// Await this promise, then [`step`] again with its value.
    Wait(Promise),
    /// The future is pending without waiting on a promise: nothing would ever wake it (a bug; no future of this
    /// crate does that). Reported instead of re-polled, so a driver never spins.
    Stalled,
}

/// Polls `fut` once, `settled` being the value of the promise it waited on last (`undefined` the first time).
pub fn step<F: Future + ?Sized>(fut: Pin<&mut F>, settled: JsValue) -> Step<F::Output> {
    SETTLED.with(|s| *s.borrow_mut() = Some(settled));
    let poll = fut.poll(&mut Context::from_waker(Waker::noop()));
    SETTLED.with(|s| s.borrow_mut().take());
    match poll {
        Poll::Ready(v) => Step::Ready(v),
        Poll::Pending => WAITING
            .with(|w| w.borrow_mut().take())
            .map_or(Step::Stalled, Step::Wait),
    }
}
