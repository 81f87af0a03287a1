//! `cache_client.pubsub.Pubsub`: topics (Publish, Subscribe).
//!
//! # Topics
//! A topic is named by `(cache, topic)`; the cache name travels in the request **body**
//! (`cache_name`; the `cache` header is used only when the body leaves it empty) and must
//! exist (`NOT_FOUND` "Cache not found: …"). An empty topic name is `INVALID_ARGUMENT`.
//! A topic's state is created by its first Publish or Subscribe and holds:
//! - a **sequence page**: a random non-zero number below 2^53 (so that JavaScript clients, which
//!   read `uint64` as a double, echo it back exactly), chosen when the state is created. It
//!   changes whenever the topic's sequence restarts: after the cache is deleted (and
//!   recreated), after [`Topics::reset_topic`], and on every server start;
//! - the **next sequence number**: items of a page are numbered 1, 2, 3, … in publish order;
//! - a **ring buffer** of the most recent items (`Config::topic_buffer_size`, default
//!   [`DEFAULT_TOPIC_BUFFER_SIZE`]) from which reconnecting subscribers are replayed.
//!
//! Every published message is also handed to the topic's webhooks, if any
//! ([`crate::services::webhook`], [`crate::webhook_delivery`]).
//!
//! `publisher_id` of an item is the `jti` (token id) claim of the publisher's token, or `""`
//! without one (`--auth none`). Published values are not size-limited here. Publish needs a
//! topic grant allowing publish, Subscribe one allowing subscribe, on `(cache, topic)`
//! ([`crate::permissions::authorize_topic`], `PERMISSION_DENIED` otherwise; checked before the
//! cache is looked up).
//!
//! # Subscribe stream
//! 1. A `Heartbeat`, sent immediately (the SDKs consider the subscription established on the
//!    first message).
//! 2. Depending on `resume_at_topic_sequence_number` (R) and `sequence_page` (P), with the
//!    topic's current page `page`, next sequence number `next` and oldest buffered item `oldest`
//!    (`next` when the buffer is empty):
//!    - R = 0: nothing; only items published from now on follow.
//!    - R > 0, P = page, oldest ≤ R ≤ next: the buffered items R … next-1 are replayed (none
//!      when R = next), without a discontinuity.
//!    - R > 0, P = page, R < oldest (fell out of the buffer): `Discontinuity { last_topic_sequence:
//!      R-1, new_topic_sequence: oldest-1, new_sequence_page: page }`, then the whole buffer.
//!    - R > 0, P = page, R > next (ahead of the topic): `Discontinuity { R-1, next-1, page }`,
//!      then only new items.
//!    - R > 0, P ≠ page (including P = 0, and a topic the server has just (re)created):
//!      `Discontinuity { R-1, oldest-1, page }`, then the whole buffer of the current page.
//!
//!    So `new_topic_sequence` is always the number *after which* items resume: the next item
//!    on the stream has `new_topic_sequence + 1`, and a client that stores it as its last
//!    sequence number (as the .NET and Dart SDKs do) resumes correctly.
//! 3. Items as they are published (`topic_sequence_number`, `sequence_page`, `value`,
//!    `publisher_id`), and a `Heartbeat` after every `Config::topic_heartbeat_interval`
//!    without any message.
//! 4. A subscriber too slow to keep up with the topic (more than the buffer size behind) gets
//!    `Discontinuity { last delivered, oldest-1, page }` and continues from the oldest buffered
//!    item.
//!
//! The stream ends with `OK` on server shutdown, when [`Topics::drop_subscriptions`] or
//! [`Topics::reset_topic`] is called, and when the cache was deleted and recreated (a
//! reconnecting client then gets a discontinuity with the new page); it fails with `NOT_FOUND`
//! when the cache is gone (checked at each heartbeat). At most
//! `Config::max_subscriptions` streams may be open on the server at once; beyond that
//! Subscribe fails with `RESOURCE_EXHAUSTED` and metadata `err: topic_subscriptions_limit_exceeded`.
//! A stream's slot is freed as soon as the client goes away.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, Discontinuity, Heartbeat, PublishRequest, SubscriptionItem,
    SubscriptionRequest, TopicItem,
};
use momento_proto::common::Empty;
use tokio::sync::{broadcast, mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

use super::{cache_not_found, limit_exceeded, ResponseStream, CACHE_HEADER};
use crate::config::{
    DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_TOPIC_BUFFER_SIZE,
};
use crate::grpc::cache_client::pubsub::pubsub_server::Pubsub;
use crate::permissions::{authorize_topic, TopicAccess};
use crate::services::webhook::Webhooks;
use crate::store::Store;
use crate::token::Claims;
use crate::webhook_delivery::{Published, PublishedValue};

/// Messages queued per subscription between the topic and the connection.
const STREAM_QUEUE: usize = 16;

/// Largest sequence page (2^53 - 1): exactly representable as a JavaScript number.
const MAX_PAGE: u64 = (1 << 53) - 1;

/// Settings of the topic registry.
#[derive(Debug, Clone, Copy)]
pub struct TopicSettings {
    /// Recent items kept per topic (at least 1).
    pub buffer_size: usize,
    /// Idle time after which a subscription gets a heartbeat.
    pub heartbeat_interval: Duration,
    /// Maximum concurrently open subscriptions on the server.
    pub max_subscriptions: usize,
}

impl Default for TopicSettings {
    fn default() -> Self {
        Self {
            buffer_size: DEFAULT_TOPIC_BUFFER_SIZE,
            heartbeat_interval: DEFAULT_HEARTBEAT_INTERVAL,
            max_subscriptions: DEFAULT_MAX_SUBSCRIPTIONS,
        }
    }
}

/// The creation instant of `cache`, which identifies this incarnation of the cache (a deleted
/// and recreated cache has a later one); `None` if the cache does not exist.
pub fn cache_epoch(store: &Store, cache: &str) -> Option<Instant> {
    store
        .list_caches()
        .into_iter()
        .find(|(name, _)| name == cache)
        .map(|(_, info)| info.created_at)
}

/// The state of one topic.
#[derive(Debug)]
struct TopicState {
    /// Creation instant of the cache incarnation this state belongs to.
    epoch: Instant,
    /// The sequence page (see the module docs).
    page: u64,
    /// The sequence number of the next published item.
    next: u64,
    /// The most recent items, oldest first, with consecutive sequence numbers.
    buffer: VecDeque<Arc<TopicItem>>,
    /// Live feed of published items to the subscribers.
    sender: broadcast::Sender<Arc<TopicItem>>,
}

impl TopicState {
    fn new(epoch: Instant, capacity: usize) -> Self {
        Self {
            epoch,
            page: new_page(),
            next: 1,
            buffer: VecDeque::new(),
            sender: broadcast::channel(capacity).0,
        }
    }

    /// The sequence number of the oldest buffered item (`next` when none is buffered).
    fn oldest(&self) -> u64 {
        self.buffer
            .front()
            .map_or(self.next, |item| item.topic_sequence_number)
    }

    /// Buffered items with a sequence number of at least `from`.
    fn items_from(&self, from: u64) -> Vec<Arc<TopicItem>> {
        self.buffer
            .iter()
            .filter(|item| item.topic_sequence_number >= from)
            .cloned()
            .collect()
    }

    fn discontinuity(&self, last: u64, new: u64) -> SubscriptionItem {
        SubscriptionItem {
            kind: Some(subscription_item::Kind::Discontinuity(Discontinuity {
                last_topic_sequence: last,
                new_topic_sequence: new,
                new_sequence_page: self.page,
            })),
        }
    }
}

/// A random sequence page in `1..=MAX_PAGE`.
fn new_page() -> u64 {
    static FALLBACK: AtomicUsize = AtomicUsize::new(1);
    let random = crate::secret::random_bytes(8)
        .ok()
        .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
        .map(u64::from_le_bytes);
    let page = match random {
        Some(value) => value & MAX_PAGE,
        None => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            nanos.wrapping_add(FALLBACK.fetch_add(1, Ordering::Relaxed) as u64) & MAX_PAGE
        }
    };
    page.max(1)
}

type TopicKey = (String, String);

/// The topics of a server: sequence numbers, buffers and live subscriptions.
#[derive(Debug)]
pub struct Topics {
    topics: Mutex<HashMap<TopicKey, TopicState>>,
    active: Arc<AtomicUsize>,
    settings: TopicSettings,
}

impl Default for Topics {
    fn default() -> Self {
        Self::new(TopicSettings::default())
    }
}

/// Holds one slot of the subscription limit; dropping it frees the slot.
#[derive(Debug)]
struct SubscriptionSlot(Arc<AtomicUsize>);

impl Drop for SubscriptionSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What a new subscription starts with.
struct Subscription {
    /// Heartbeat, optional discontinuity and replayed items, in order.
    initial: Vec<SubscriptionItem>,
    /// Live items published after `initial` was taken.
    receiver: broadcast::Receiver<Arc<TopicItem>>,
    /// The last sequence number in `initial` (or the one before the first live item).
    last_sent: u64,
    epoch: Instant,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn item_message(item: &TopicItem) -> SubscriptionItem {
    SubscriptionItem {
        kind: Some(subscription_item::Kind::Item(item.clone())),
    }
}

fn heartbeat() -> SubscriptionItem {
    SubscriptionItem {
        kind: Some(subscription_item::Kind::Heartbeat(Heartbeat {})),
    }
}

impl Topics {
    /// An empty registry.
    pub fn new(settings: TopicSettings) -> Self {
        Self {
            topics: Mutex::new(HashMap::new()),
            active: Arc::new(AtomicUsize::new(0)),
            settings: TopicSettings {
                buffer_size: settings.buffer_size.max(1),
                ..settings
            },
        }
    }

    /// The settings in effect.
    pub fn settings(&self) -> TopicSettings {
        self.settings
    }

    /// Number of subscription streams currently open.
    pub fn active_subscriptions(&self) -> usize {
        self.active.load(Ordering::Acquire)
    }

    /// The state of a topic of the cache incarnation `epoch`, created (or replaced, when it
    /// belongs to an earlier incarnation of the cache) as needed.
    fn state<'a>(
        &self,
        topics: &'a mut HashMap<TopicKey, TopicState>,
        cache: &str,
        topic: &str,
        epoch: Instant,
    ) -> &'a mut TopicState {
        let capacity = self.settings.buffer_size;
        let state = topics
            .entry((cache.to_owned(), topic.to_owned()))
            .or_insert_with(|| TopicState::new(epoch, capacity));
        if state.epoch < epoch {
            // The cache was recreated. Dropping the old sender ends the old subscribers' streams.
            // (A request that looked the cache up just before it was recreated carries an older
            // epoch and simply uses the current state.)
            *state = TopicState::new(epoch, capacity);
        }
        state
    }

    /// Appends an item to a topic and hands it to the live subscribers; returns its sequence
    /// number and page.
    fn publish(
        &self,
        cache: &str,
        topic: &str,
        epoch: Instant,
        value: topic_value::Kind,
        publisher_id: String,
    ) -> (u64, u64) {
        let mut topics = lock(&self.topics);
        let state = self.state(&mut topics, cache, topic, epoch);
        let sequence = state.next;
        state.next = state.next.saturating_add(1);
        let item = Arc::new(TopicItem {
            topic_sequence_number: sequence,
            value: Some(momento_proto::cache_client::pubsub::TopicValue { kind: Some(value) }),
            publisher_id,
            sequence_page: state.page,
        });
        if state.buffer.len() >= self.settings.buffer_size {
            state.buffer.pop_front();
        }
        state.buffer.push_back(Arc::clone(&item));
        // No receivers is fine: best-effort multicast.
        let _ = state.sender.send(item);
        (sequence, state.page)
    }

    /// Reserves a subscription slot (`None` at the limit).
    fn reserve_slot(&self) -> Option<SubscriptionSlot> {
        let max = self.settings.max_subscriptions;
        self.active
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()
            .map(|_| SubscriptionSlot(Arc::clone(&self.active)))
    }

    /// Registers a subscriber and computes what it gets first (see the module docs).
    fn subscribe(
        &self,
        cache: &str,
        topic: &str,
        epoch: Instant,
        resume_at: u64,
        page: u64,
    ) -> Subscription {
        let mut topics = lock(&self.topics);
        let state = self.state(&mut topics, cache, topic, epoch);
        let receiver = state.sender.subscribe();
        let mut initial = vec![heartbeat()];
        let next = state.next;
        let oldest = state.oldest();
        let replay_from = if resume_at == 0 {
            next
        } else if page != state.page || resume_at < oldest {
            initial.push(state.discontinuity(resume_at - 1, oldest - 1));
            oldest
        } else if resume_at > next {
            initial.push(state.discontinuity(resume_at - 1, next - 1));
            next
        } else {
            resume_at
        };
        let replay = state.items_from(replay_from);
        initial.extend(replay.iter().map(|item| item_message(item)));
        Subscription {
            initial,
            receiver,
            last_sent: replay.last().map_or(replay_from.saturating_sub(1), |item| {
                item.topic_sequence_number
            }),
            epoch,
        }
    }

    /// After a subscriber lagged behind the live feed: the discontinuity (if items were lost)
    /// and the buffered items after `last_sent`. `None` when the topic state was replaced.
    fn resync(
        &self,
        cache: &str,
        topic: &str,
        epoch: Instant,
        last_sent: u64,
    ) -> Option<Vec<SubscriptionItem>> {
        let topics = lock(&self.topics);
        let state = topics.get(&(cache.to_owned(), topic.to_owned()))?;
        if state.epoch != epoch {
            return None;
        }
        let mut out = Vec::new();
        let oldest = state.oldest();
        if oldest > last_sent.saturating_add(1) {
            out.push(state.discontinuity(last_sent, oldest - 1));
        }
        out.extend(
            state
                .items_from(last_sent.saturating_add(1))
                .iter()
                .map(|item| item_message(item)),
        );
        Some(out)
    }

    /// Ends every open subscription stream of a topic (with `OK`, as if the connection had been
    /// dropped by the server), keeping its sequence numbers, page and buffer, so that
    /// reconnecting clients resume without loss. Returns how many streams were told to end.
    pub fn drop_subscriptions(&self, cache: &str, topic: &str) -> usize {
        let mut topics = lock(&self.topics);
        let Some(state) = topics.get_mut(&(cache.to_owned(), topic.to_owned())) else {
            return 0;
        };
        let count = state.sender.receiver_count();
        state.sender = broadcast::channel(self.settings.buffer_size).0;
        count
    }

    /// Restarts a topic's sequence: a new page, numbering from 1 again, an empty buffer; open
    /// streams end (with `OK`). Simulates a server-side topic reset. Returns the new page, or
    /// `None` when the topic has no state yet.
    pub fn reset_topic(&self, cache: &str, topic: &str) -> Option<u64> {
        let mut topics = lock(&self.topics);
        let state = topics.get_mut(&(cache.to_owned(), topic.to_owned()))?;
        *state = TopicState::new(state.epoch, self.settings.buffer_size);
        Some(state.page)
    }

    /// The current sequence page of a topic, if it has state.
    pub fn sequence_page(&self, cache: &str, topic: &str) -> Option<u64> {
        lock(&self.topics)
            .get(&(cache.to_owned(), topic.to_owned()))
            .map(|state| state.page)
    }

    /// Drops the state of topics whose cache no longer exists in that incarnation.
    fn prune(&self, store: &Store) {
        let caches = store.list_caches();
        lock(&self.topics).retain(|(cache, _), state| {
            caches
                .binary_search_by(|(name, _)| name.as_str().cmp(cache))
                .ok()
                .and_then(|i| caches.get(i))
                .is_some_and(|(_, info)| info.created_at == state.epoch)
        });
    }
}

/// The topics service.
#[derive(Debug, Clone)]
pub struct PubsubService {
    store: Arc<Store>,
    topics: Arc<Topics>,
    shutdown: watch::Receiver<bool>,
    webhooks: Option<Arc<Webhooks>>,
}

impl PubsubService {
    /// Topics over `store`'s caches; open streams end when `shutdown` turns `true` (or its
    /// sender is dropped).
    pub fn new(store: Arc<Store>, topics: Arc<Topics>, shutdown: watch::Receiver<bool>) -> Self {
        Self {
            store,
            topics,
            shutdown,
            webhooks: None,
        }
    }

    /// Also hands every published message to the webhooks watching its topic.
    #[must_use]
    pub fn with_webhooks(mut self, webhooks: Arc<Webhooks>) -> Self {
        self.webhooks = Some(webhooks);
        self
    }
}

/// The cache name from the body, else from the `cache` header (`INVALID_ARGUMENT` if neither).
fn topic_cache_name<T>(request: &Request<T>, body: &str) -> Result<String, Status> {
    if !body.is_empty() {
        return Ok(body.to_owned());
    }
    request
        .metadata()
        .get(CACHE_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| Status::invalid_argument("Cache name must not be empty"))
}

fn check_topic_name(topic: &str) -> Result<(), Status> {
    if topic.trim().is_empty() {
        return Err(Status::invalid_argument("Topic name must not be empty"));
    }
    Ok(())
}

/// Resolves when the server stops (or its shutdown sender is gone).
async fn stopping(mut shutdown: watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

/// Sends `message` unless the client went away or the server stops first; `false` = stop.
async fn emit(
    tx: &mpsc::Sender<Result<SubscriptionItem, Status>>,
    message: Result<SubscriptionItem, Status>,
    shutdown: &watch::Receiver<bool>,
) -> bool {
    tokio::select! {
        sent = tx.send(message) => sent.is_ok(),
        () = stopping(shutdown.clone()) => false,
    }
}

/// Everything a subscription stream task needs.
struct StreamTask {
    store: Arc<Store>,
    topics: Arc<Topics>,
    shutdown: watch::Receiver<bool>,
    cache: String,
    topic: String,
    subscription: Subscription,
    tx: mpsc::Sender<Result<SubscriptionItem, Status>>,
    _slot: SubscriptionSlot,
}

impl StreamTask {
    async fn run(mut self) {
        let initial = std::mem::take(&mut self.subscription.initial);
        for message in initial {
            if !emit(&self.tx, Ok(message), &self.shutdown).await {
                return;
            }
        }
        let interval = self.topics.settings.heartbeat_interval;
        let mut idle_until = tokio::time::Instant::now() + interval;
        loop {
            let outgoing = tokio::select! {
                biased;
                () = stopping(self.shutdown.clone()) => return,
                () = self.tx.closed() => return,
                received = self.subscription.receiver.recv() => match received {
                    Ok(item) if item.topic_sequence_number > self.subscription.last_sent => {
                        self.subscription.last_sent = item.topic_sequence_number;
                        vec![Ok(item_message(&item))]
                    }
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Closed) => return,
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let Some(messages) = self.topics.resync(
                            &self.cache,
                            &self.topic,
                            self.subscription.epoch,
                            self.subscription.last_sent,
                        ) else {
                            return;
                        };
                        if let Some(last) = messages.iter().rev().find_map(|m| match &m.kind {
                            Some(subscription_item::Kind::Item(item)) => {
                                Some(item.topic_sequence_number)
                            }
                            _ => None,
                        }) {
                            self.subscription.last_sent = last;
                        }
                        messages.into_iter().map(Ok).collect()
                    }
                },
                () = tokio::time::sleep_until(idle_until) => {
                    match cache_epoch(&self.store, &self.cache) {
                        None => vec![Err(cache_not_found(&self.cache))],
                        Some(epoch) if epoch != self.subscription.epoch => return,
                        Some(_) => vec![Ok(heartbeat())],
                    }
                }
            };
            for message in outgoing {
                let failed = message.is_err();
                if !emit(&self.tx, message, &self.shutdown).await || failed {
                    return;
                }
            }
            idle_until = tokio::time::Instant::now() + interval;
        }
    }
}

#[tonic::async_trait]
impl Pubsub for PubsubService {
    async fn publish(&self, request: Request<PublishRequest>) -> Result<Response<Empty>, Status> {
        let claims = request.extensions().get::<Claims>().cloned();
        let publisher_id = claims
            .as_ref()
            .and_then(|claims| claims.jti.clone())
            .unwrap_or_default();
        let cache = topic_cache_name(&request, &request.get_ref().cache_name)?;
        let message = request.into_inner();
        check_topic_name(&message.topic)?;
        authorize_topic(
            claims.as_ref(),
            &cache,
            &message.topic,
            TopicAccess::Publish,
        )?;
        let value = message
            .value
            .and_then(|value| value.kind)
            .ok_or_else(|| Status::invalid_argument("Topic value must be text or binary"))?;
        let epoch = cache_epoch(&self.store, &cache).ok_or_else(|| cache_not_found(&cache))?;
        let publish_timestamp = crate::webhook_delivery::unix_millis();
        let targets = self
            .webhooks
            .as_ref()
            .map(|webhooks| webhooks.targets(&cache, epoch, &message.topic))
            .unwrap_or_default();
        // Kept only when a webhook will deliver the message.
        let delivered = (!targets.is_empty()).then(|| (value.clone(), publisher_id.clone()));
        let (sequence, page) =
            self.topics
                .publish(&cache, &message.topic, epoch, value, publisher_id);
        if let (Some(webhooks), Some((value, token_id))) = (&self.webhooks, delivered) {
            webhooks.deliver(
                targets,
                &Published {
                    cache: &cache,
                    topic: &message.topic,
                    sequence_number: sequence,
                    token_id: &token_id,
                    publish_timestamp,
                    value: match &value {
                        topic_value::Kind::Text(text) => PublishedValue::Text(text),
                        topic_value::Kind::Binary(bytes) => PublishedValue::Binary(bytes),
                    },
                },
            );
        }
        crate::log_debug!(
            "event=published cache={cache:?} topic={:?} sequence={sequence} page={page}",
            message.topic
        );
        Ok(Response::new(Empty {}))
    }

    type SubscribeStream = ResponseStream<SubscriptionItem>;

    async fn subscribe(
        &self,
        request: Request<SubscriptionRequest>,
    ) -> Result<Response<Self::SubscribeStream>, Status> {
        let claims = request.extensions().get::<Claims>().cloned();
        let cache = topic_cache_name(&request, &request.get_ref().cache_name)?;
        let message = request.into_inner();
        check_topic_name(&message.topic)?;
        authorize_topic(
            claims.as_ref(),
            &cache,
            &message.topic,
            TopicAccess::Subscribe,
        )?;
        let epoch = cache_epoch(&self.store, &cache).ok_or_else(|| cache_not_found(&cache))?;
        let slot = self.topics.reserve_slot().ok_or_else(|| {
            limit_exceeded(
                "topic_subscriptions_limit_exceeded",
                format!(
                    "Topic subscriptions limit exceeded: at most {} subscriptions may be open",
                    self.topics.settings.max_subscriptions
                ),
            )
        })?;
        self.topics.prune(&self.store);
        let subscription = self.topics.subscribe(
            &cache,
            &message.topic,
            epoch,
            message.resume_at_topic_sequence_number,
            message.sequence_page,
        );
        crate::log_debug!(
            "event=subscribed cache={cache:?} topic={:?} resume_at={} page={} active={}",
            message.topic,
            message.resume_at_topic_sequence_number,
            message.sequence_page,
            self.topics.active_subscriptions()
        );
        let (tx, rx) = mpsc::channel(STREAM_QUEUE);
        let task = StreamTask {
            store: Arc::clone(&self.store),
            topics: Arc::clone(&self.topics),
            shutdown: self.shutdown.clone(),
            cache,
            topic: message.topic,
            subscription,
            tx,
            _slot: slot,
        };
        tokio::spawn(task.run());
        let stream: ResponseStream<SubscriptionItem> = Box::pin(ReceiverStream::new(rx));
        Ok(Response::new(stream))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn text(s: &str) -> topic_value::Kind {
        topic_value::Kind::Text(s.to_owned())
    }

    fn kinds(items: &[SubscriptionItem]) -> Vec<String> {
        items
            .iter()
            .map(|m| match &m.kind {
                Some(subscription_item::Kind::Heartbeat(_)) => "hb".to_owned(),
                Some(subscription_item::Kind::Item(i)) => format!("i{}", i.topic_sequence_number),
                Some(subscription_item::Kind::Discontinuity(d)) => {
                    format!("d{}-{}", d.last_topic_sequence, d.new_topic_sequence)
                }
                None => "none".to_owned(),
            })
            .collect()
    }

    #[test]
    fn resume_rules() {
        let topics = Topics::new(TopicSettings {
            buffer_size: 3,
            ..TopicSettings::default()
        });
        let epoch = Instant::now();
        for i in 0..5 {
            topics.publish("c", "t", epoch, text(&i.to_string()), String::new());
        }
        let page = topics.sequence_page("c", "t").unwrap();
        assert!((1..=MAX_PAGE).contains(&page));
        // Buffer holds 3, 4, 5; next is 6.
        let s = |resume, page| kinds(&topics.subscribe("c", "t", epoch, resume, page).initial);
        assert_eq!(s(0, 0), ["hb"]);
        assert_eq!(s(4, page), ["hb", "i4", "i5"]);
        assert_eq!(s(6, page), ["hb"]);
        assert_eq!(s(2, page), ["hb", "d1-2", "i3", "i4", "i5"]);
        assert_eq!(s(9, page), ["hb", "d8-5"]);
        assert_eq!(s(4, page ^ 1), ["hb", "d3-2", "i3", "i4", "i5"]);
        assert_eq!(topics.subscribe("c", "t", epoch, 4, page).last_sent, 5);
        assert_eq!(topics.subscribe("c", "t", epoch, 0, 0).last_sent, 5);
        assert_eq!(topics.subscribe("c", "t", epoch, 9, page).last_sent, 5);
    }

    #[test]
    fn new_epoch_resets_the_topic() {
        let topics = Topics::default();
        let first = Instant::now();
        topics.publish("c", "t", first, text("a"), String::new());
        let page = topics.sequence_page("c", "t").unwrap();
        let later = first + Duration::from_millis(1);
        let (sequence, new_page) = topics.publish("c", "t", later, text("b"), String::new());
        assert_eq!(sequence, 1);
        assert_ne!(page, new_page);
    }

    #[test]
    fn slots_are_limited_and_freed() {
        let topics = Topics::new(TopicSettings {
            max_subscriptions: 2,
            ..TopicSettings::default()
        });
        let a = topics.reserve_slot().unwrap();
        let _b = topics.reserve_slot().unwrap();
        assert!(topics.reserve_slot().is_none());
        assert_eq!(topics.active_subscriptions(), 2);
        drop(a);
        assert_eq!(topics.active_subscriptions(), 1);
        assert!(topics.reserve_slot().is_some());
    }

    #[test]
    fn resync_after_lag() {
        let topics = Topics::new(TopicSettings {
            buffer_size: 2,
            ..TopicSettings::default()
        });
        let epoch = Instant::now();
        for i in 0..4 {
            topics.publish("c", "t", epoch, text(&i.to_string()), String::new());
        }
        assert_eq!(
            kinds(&topics.resync("c", "t", epoch, 1).unwrap()),
            ["d1-2", "i3", "i4"]
        );
        assert_eq!(
            kinds(&topics.resync("c", "t", epoch, 2).unwrap()),
            ["i3", "i4"]
        );
        assert!(topics.resync("c", "t", Instant::now(), 2).is_none());
    }
}
