//! A resumable topic subscription over `/cache_client.pubsub.Pubsub/Subscribe` (a server stream).
//!
//! [`Subscription::next`] yields events until the subscription ends. The stream is reopened transparently
//! when it drops, resuming at `last sequence number + 1` on the last `sequence_page`, so nothing the server
//! still holds is lost; the server reports gaps as discontinuities.
//!
//! Reconnect policy (documented and tested):
//! - **Reconnect**, with jittered exponential backoff (initial → max delay, unlimited attempts while
//!   subscribed): the stream ending (cleanly or not), `SERVER_UNAVAILABLE`, `INTERNAL_SERVER_ERROR`,
//!   `UNKNOWN*`, `TIMEOUT` (no first message in time), `LIMIT_EXCEEDED`, and server-side `CANCELLED`.
//!   Each loss is reported once as [`SubscriptionEvent::ConnectionLost`] before reconnecting.
//! - **End** with an error: `NOT_FOUND` (cache gone), `PERMISSION_ERROR`, `AUTHENTICATION_ERROR`,
//!   `INVALID_ARGUMENT`, `BAD_REQUEST`, `FAILED_PRECONDITION`, `ALREADY_EXISTS` — retrying cannot help.
//! - **End** quietly: the caller's signal fired (`unsubscribe`).
//! - The first attempt is not retried: an error there is returned, as the official SDKs do.

use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, SubscriptionItem, SubscriptionRequest,
};
use prost::Message;

use crate::core::client::{Client, FrameStream};
use crate::core::error::{MomentoError, MomentoErrorCode};
use crate::core::rpc::Rpc;
use crate::core::validation;
use crate::transport::Transport;

const SUBSCRIBE: Rpc = Rpc::of(momento_proto::rpc::Rpc::Subscribe);

/// A published value as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceivedValue {
    /// Published as text.
    Text(String),
    /// Published as bytes.
    Binary(Vec<u8>),
}

/// What a subscription delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubscriptionEvent {
    /// A published message.
    Item {
        /// The value.
        value: ReceivedValue,
        /// Its topic sequence number.
        sequence_number: u64,
        /// The sequence page it belongs to.
        sequence_page: u64,
        /// The publisher's token id (empty if none).
        publisher_id: String,
    },
    /// The server could not deliver a contiguous range: messages after `last` and before `new + 1` are lost.
    Discontinuity {
        /// The last sequence number the subscriber had.
        last_sequence_number: u64,
        /// Items resume after this number.
        new_sequence_number: u64,
        /// The sequence page from now on.
        new_sequence_page: u64,
    },
    /// The server is alive and the stream is open.
    Heartbeat,
    /// The stream dropped; the subscription is reconnecting (it resumes where it left off).
    ConnectionLost {
        /// Why.
        error: MomentoError,
    },
}

/// Where a subscription starts and how it reconnects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscribeOptions {
    /// Resume at this sequence number (0 = only new messages).
    pub resume_at_sequence_number: u64,
    /// The sequence page `resume_at_sequence_number` belongs to.
    pub sequence_page: u64,
    /// Deadline of each attempt's first message, in ms.
    pub first_message_timeout_ms: u32,
    /// First reconnect delay, in ms.
    pub reconnect_initial_ms: u32,
    /// Largest reconnect delay, in ms.
    pub reconnect_max_ms: u32,
}

impl Default for SubscribeOptions {
    fn default() -> Self {
        Self {
            resume_at_sequence_number: 0,
            sequence_page: 0,
            first_message_timeout_ms: 10_000,
            reconnect_initial_ms: 250,
            reconnect_max_ms: 30_000,
        }
    }
}

/// A live subscription; drive it with [`Subscription::next`].
pub struct Subscription<T: Transport> {
    client: std::rc::Rc<Client<T>>,
    cache: String,
    topic: String,
    signal: Option<T::Signal>,
    options: SubscribeOptions,
    /// Last delivered sequence number and its page (the resume position).
    last: (u64, u64),
    stream: Option<FrameStream<T::Body>>,
    /// Reconnect attempts since the last delivered event.
    attempts: u32,
    /// A stream has been opened at least once (later opens resume from `last`).
    opened_once: bool,
    /// An event has been delivered at least once (the subscription was established).
    connected_once: bool,
    /// The current outage was already reported with `ConnectionLost`.
    loss_reported: bool,
    /// Wait this long before the next open (backoff).
    pending_delay_ms: Option<u32>,
    ended: bool,
    seed: u64,
}

/// What `next` does after a failure.
enum Step {
    /// Keep going (reconnect).
    Retry,
    /// Hand this to the caller.
    Yield(Option<Result<SubscriptionEvent, MomentoError>>),
}

impl<T: Transport> Subscription<T> {
    /// A subscription to `topic` in `cache`; nothing is sent until the first [`Subscription::next`].
    /// `signal` ends it (unsubscribe).
    pub fn new(
        client: std::rc::Rc<Client<T>>,
        cache: String,
        topic: String,
        signal: Option<T::Signal>,
        options: SubscribeOptions,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name("topic", &topic)?;
        let last = (
            options.resume_at_sequence_number.saturating_sub(1),
            options.sequence_page,
        );
        let seed = client.transport().random().to_bits() | 1;
        Ok(Self {
            client,
            cache,
            topic,
            signal,
            options,
            last,
            stream: None,
            attempts: 0,
            opened_once: false,
            connected_once: false,
            loss_reported: false,
            pending_delay_ms: None,
            ended: false,
            seed,
        })
    }

    /// The resume position: (last delivered sequence number, its sequence page).
    pub fn position(&self) -> (u64, u64) {
        self.last
    }

    /// The next event; `None` once the subscription has ended (unsubscribed, or after a terminal error, which
    /// is returned once as `Some(Err(_))`).
    pub async fn next(&mut self) -> Option<Result<SubscriptionEvent, MomentoError>> {
        loop {
            if self.ended || self.cancelled() {
                self.ended = true;
                self.stream = None;
                return None;
            }
            let failure = match self.stream.as_mut() {
                None => {
                    if let Some(ms) = self.pending_delay_ms.take() {
                        self.client.transport().sleep(ms).await;
                        continue;
                    }
                    match self.open().await {
                        Ok(stream) => {
                            self.stream = Some(stream);
                            continue;
                        }
                        Err(e) => e,
                    }
                }
                Some(stream) => match stream.next_message().await {
                    Ok(Some(bytes)) => match self.decode(&bytes) {
                        Ok(Some(event)) => {
                            self.attempts = 0;
                            self.connected_once = true;
                            self.loss_reported = false;
                            return Some(Ok(event));
                        }
                        Ok(None) => continue,
                        Err(e) => e,
                    },
                    Ok(None) => MomentoError::new(
                        MomentoErrorCode::ServerUnavailable,
                        "the subscription stream ended; resubscribing",
                    ),
                    Err(e) => e,
                },
            };
            match self.failed(failure) {
                Step::Retry => continue,
                Step::Yield(out) => return out,
            }
        }
    }

    fn cancelled(&self) -> bool {
        self.signal.as_ref().is_some_and(T::is_cancelled)
    }

    async fn open(&mut self) -> Result<FrameStream<T::Body>, MomentoError> {
        let (last, page) = self.last;
        let resume_at = if self.opened_once || self.options.resume_at_sequence_number > 0 {
            last.saturating_add(1)
        } else {
            0
        };
        let request = SubscriptionRequest {
            cache_name: self.cache.clone(),
            topic: self.topic.clone(),
            resume_at_topic_sequence_number: resume_at,
            sequence_page: page,
        };
        let stream = self
            .client
            .open_stream(
                SUBSCRIBE,
                None, // the cache travels in the body; the official SDKs send no `cache` header here
                &request.encode_to_vec(),
                self.signal.as_ref(),
                self.options.first_message_timeout_ms,
            )
            .await;
        self.opened_once = true;
        stream
    }

    fn decode(&mut self, bytes: &[u8]) -> Result<Option<SubscriptionEvent>, MomentoError> {
        let item = SubscriptionItem::decode(bytes)
            .map_err(|e| MomentoError::unknown_service(format!("bad subscription item: {e}")))?;
        Ok(match item.kind {
            Some(subscription_item::Kind::Item(i)) => {
                self.last = (i.topic_sequence_number, i.sequence_page);
                let value = match i.value.and_then(|v| v.kind) {
                    Some(topic_value::Kind::Text(t)) => ReceivedValue::Text(t),
                    Some(topic_value::Kind::Binary(b)) => ReceivedValue::Binary(b),
                    None => ReceivedValue::Binary(Vec::new()),
                };
                Some(SubscriptionEvent::Item {
                    value,
                    sequence_number: i.topic_sequence_number,
                    sequence_page: i.sequence_page,
                    publisher_id: i.publisher_id,
                })
            }
            Some(subscription_item::Kind::Discontinuity(d)) => {
                self.last = (d.new_topic_sequence, d.new_sequence_page);
                Some(SubscriptionEvent::Discontinuity {
                    last_sequence_number: d.last_topic_sequence,
                    new_sequence_number: d.new_topic_sequence,
                    new_sequence_page: d.new_sequence_page,
                })
            }
            Some(subscription_item::Kind::Heartbeat(_)) => Some(SubscriptionEvent::Heartbeat),
            None => None,
        })
    }

    /// Handles a failure: end (terminal errors, unsubscribe, a first attempt that never connected) or schedule
    /// a reconnect, reporting each outage once.
    fn failed(&mut self, error: MomentoError) -> Step {
        self.stream = None;
        if self.cancelled() {
            self.ended = true;
            return Step::Yield(None);
        }
        if !self.connected_once || !reconnects_on(error.code) {
            self.ended = true;
            return Step::Yield(Some(Err(error)));
        }
        self.attempts = self.attempts.saturating_add(1);
        self.pending_delay_ms = Some(self.backoff_ms());
        if self.loss_reported {
            return Step::Retry;
        }
        self.loss_reported = true;
        Step::Yield(Some(Ok(SubscriptionEvent::ConnectionLost { error })))
    }

    fn backoff_ms(&mut self) -> u32 {
        let exp = self
            .options
            .reconnect_initial_ms
            .saturating_mul(1u32 << self.attempts.saturating_sub(1).min(16));
        let cap = exp.min(self.options.reconnect_max_ms);
        let mut x = self.seed;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.seed = x;
        let r = (x >> 11) as f64 / (1u64 << 53) as f64;
        (f64::from(cap) * (0.5 + r / 2.0)) as u32
    }
}

/// Whether a subscription reconnects after an error with this code (see the module docs).
pub fn reconnects_on(code: MomentoErrorCode) -> bool {
    !matches!(
        code,
        MomentoErrorCode::NotFound
            | MomentoErrorCode::Permission
            | MomentoErrorCode::Authentication
            | MomentoErrorCode::InvalidArgument
            | MomentoErrorCode::BadRequest
            | MomentoErrorCode::FailedPrecondition
            | MomentoErrorCode::AlreadyExists
    )
}
