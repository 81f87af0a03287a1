//! The executor of the wasm build: JS drives each call's future. A future awaiting a JS promise ([`wait`]) parks
//! the promise in a slot and returns `Pending`; the driver ([`step`]) hands it to JS, which awaits it and polls again
//! with the settled value. One promise per step, no wakers, no task queue: the JS side is a five-line loop
//! (js/drive.js), and wasm-bindgen-futures (its queue, closures and microtask glue) stays out of the bundle.
//!
//! Every future of the wasm build awaits at most one promise at a time (the transport's `Call.response()`,
//! `Call.read()` and `sleep()`), which is what the single slot supports. The rule is enforced: a second promise
//! parked in the same step (two awaits polled at once, e.g. a join) does not overwrite the first — the step reports
//! [`Step::Stalled`], which the bindings turn into an error result.

use std::cell::RefCell;
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};

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
            park(p);
            Poll::Pending
        }
        None => Poll::Ready(
            SETTLED
                .with(|s| s.borrow_mut().take())
                .unwrap_or(JsValue::UNDEFINED),
        ),
    })
}

/// Parks `promise` in the slot. A second one in the same step breaks the one-promise rule: the slot then holds
/// `undefined` (never a promise the transport hands out), the step stalls, and no promise is silently overwritten.
fn park(promise: Promise) {
    WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let parked = if w.is_some() {
            JsValue::UNDEFINED.unchecked_into()
        } else {
            promise
        };
        *w = Some(parked);
    });
}

/// One step of a driven future.
pub enum Step<T> {
    /// The future finished.
    Ready(T),
    /// Await this promise, then [`step`] again with its value.
    Wait(Promise),
    /// The future is pending without waiting on exactly one promise — on none, so nothing would ever wake it, or on
    /// more than one, which the single slot cannot hold (a bug either way; no future of this crate does that).
    /// Reported instead of re-polled, so a driver never spins or drops a promise silently.
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
            .filter(|p| !p.is_undefined()) // two promises parked: see `park`
            .map_or(Step::Stalled, Step::Wait),
    }
}
