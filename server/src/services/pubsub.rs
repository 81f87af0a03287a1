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
//! without one (`--auth none`). A published value (text or bytes) may be at most
//! [`crate::limits::MAX_PUBLISH_MESSAGE_BYTES`] (100 KiB, Momento's `max_publish_message_size_kb`);
//! a longer one is `RESOURCE_EXHAUSTED` with `err: request_size_limit_exceeded`. Publish needs a
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
//! as soon as the cache is deleted ([`Store::cache_deletions`]; also checked at each heartbeat). At most
//! `Config::max_subscriptions` streams may be open on the server at once; beyond that
//! Subscribe fails with `RESOURCE_EXHAUSTED` and metadata `err: topic_subscriptions_limit_exceeded`.
//! A stream's slot is freed as soon as the client goes away.
//!
//! # Memory
//! Under a memory cap, topics get their share of it ([`crate::limits::MemoryBudget::topics_bytes`],
//! `cap / 16`), which bounds what they hold together: every topic state
//! ([`TOPIC_STATE_BYTES`]), every buffered message (its value and publisher id plus
//! [`TOPIC_ITEM_OVERHEAD_BYTES`]) and every open subscription ([`subscription_bytes`]: its
//! queue and one message being sent, at the largest message size). Beyond it the oldest
//! buffered messages of any topic are dropped first (a subscriber resuming before them gets a
//! `Discontinuity`), then the states of idle topics (no buffer, no subscriber; their sequence
//! restarts on a new page); a subscription that does not fit (subscriptions leave room for one
//! topic with one message) is refused like one beyond `--max-subscriptions`, and a new topic
//! that does not fit is `RESOURCE_EXHAUSTED`. Subscribers read published messages from the
//! buffer (a notifier tells them there is more), and a message is copied for a connection only
//! when it is sent, so nothing else holds them.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, Discontinuity, Heartbeat, PublishRequest, SubscriptionItem,
    SubscriptionRequest, TopicItem,
};
use momento_proto::common::Empty;
use momento_proto::rpc::Rpc;
use tokio::sync::{mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

use super::{cache_not_found, limit_exceeded, ResponseStream, CACHE_HEADER};
use crate::config::{
    DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_TOPIC_BUFFER_SIZE,
};
use crate::grpc::cache_client::pubsub::pubsub_server::Pubsub;
use crate::permissions::authorize_topic;
use crate::services::webhook::Webhooks;
use crate::store::Store;
use crate::token::Claims;
use crate::webhook_delivery::{Published, PublishedValue};

/// Messages queued per subscription between the topic and the connection.
const STREAM_QUEUE: usize = 2;

/// Largest sequence page (2^53 - 1): exactly representable as a JavaScript number.
const MAX_PAGE: u64 = (1 << 53) - 1;

/// Bytes charged per buffered topic item on top of its value and publisher id: the `Arc`'d
/// `TopicItem`, its slot in the ring buffer.
pub const TOPIC_ITEM_OVERHEAD_BYTES: u64 = 128;

/// Bytes charged per topic state: its map entry, names, counters and notifier.
pub const TOPIC_STATE_BYTES: u64 = 512;

/// Bytes charged per open subscription when messages may be `max_message_bytes` long: the
/// stream task, its queue ([`STREAM_QUEUE`] messages that may outlive the buffer) and one
/// message being encoded and sent (over gRPC-web text at worst, see
/// [`crate::budget::response_cost`]).
pub fn subscription_bytes(max_message_bytes: usize) -> u64 {
    let message = crate::metrics::to_u64(max_message_bytes);
    crate::budget::CALL_OVERHEAD_BYTES
        .saturating_add(message.saturating_mul(crate::metrics::to_u64(STREAM_QUEUE)))
        .saturating_add(crate::budget::response_cost(message, true))
}

/// Settings of the topic registry.
#[derive(Debug, Clone, Copy)]
pub struct TopicSettings {
    /// Recent items kept per topic (at least 1).
    pub buffer_size: usize,
    /// Idle time after which a subscription gets a heartbeat.
    pub heartbeat_interval: Duration,
    /// Maximum concurrently open subscriptions on the server.
    pub max_subscriptions: usize,
    /// Largest published value in bytes ([`crate::limits::MAX_PUBLISH_MESSAGE_BYTES`]).
    pub max_message_bytes: usize,
    /// Bytes topic states, buffered items and open subscriptions may take together (the topics
    /// share of `--max-memory-mb`, [`crate::limits::MemoryBudget::topics_bytes`]); `None` =
    /// unlimited.
    pub memory_bytes: Option<u64>,
}

impl Default for TopicSettings {
    fn default() -> Self {
        Self {
            buffer_size: DEFAULT_TOPIC_BUFFER_SIZE,
            heartbeat_interval: DEFAULT_HEARTBEAT_INTERVAL,
            max_subscriptions: DEFAULT_MAX_SUBSCRIPTIONS,
            max_message_bytes: crate::limits::MAX_PUBLISH_MESSAGE_BYTES,
            memory_bytes: None,
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

/// A buffered item with its accounting.
#[derive(Debug)]
struct Buffered {
    item: Arc<TopicItem>,
    /// Global publish order, to evict the oldest item of any topic first.
    stamp: u64,
    /// Bytes charged for it.
    bytes: u64,
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
    buffer: VecDeque<Buffered>,
    /// Tells the subscribers that items were published (the value: `next`). Subscribers read
    /// the items from `buffer`, so nothing but the buffer holds them. Replacing it ends the
    /// open streams.
    notify: watch::Sender<u64>,
}

impl TopicState {
    fn new(epoch: Instant) -> Self {
        Self {
            epoch,
            page: new_page(),
            next: 1,
            buffer: VecDeque::new(),
            notify: watch::channel(1).0,
        }
    }

    /// The sequence number of the oldest buffered item (`next` when none is buffered).
    fn oldest(&self) -> u64 {
        self.buffer
            .front()
            .map_or(self.next, |b| b.item.topic_sequence_number)
    }

    fn discontinuity(&self, last: u64, new: u64) -> Outgoing {
        Outgoing::Discontinuity(Discontinuity {
            last_topic_sequence: last,
            new_topic_sequence: new,
            new_sequence_page: self.page,
        })
    }

    /// What a subscriber that has seen everything up to `last_sent` gets next: a discontinuity
    /// when items after it fell out of the buffer, then at most `limit` buffered items.
    fn after(&self, last_sent: u64, limit: usize) -> Vec<Outgoing> {
        let mut out = Vec::new();
        let oldest = self.oldest();
        if oldest > last_sent.saturating_add(1) {
            out.push(self.discontinuity(last_sent, oldest - 1));
        }
        out.extend(
            self.buffer
                .iter()
                .filter(|b| b.item.topic_sequence_number > last_sent)
                .take(limit)
                .map(|b| Outgoing::Item(Arc::clone(&b.item))),
        );
        out
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

/// A message of a subscription stream, turned into a `SubscriptionItem` (copying the item's
/// value) only when the connection is ready for it.
#[derive(Debug)]
enum Outgoing {
    Heartbeat,
    Discontinuity(Discontinuity),
    Item(Arc<TopicItem>),
}

impl Outgoing {
    fn into_message(self) -> SubscriptionItem {
        let kind = match self {
            Self::Heartbeat => subscription_item::Kind::Heartbeat(Heartbeat {}),
            Self::Discontinuity(d) => subscription_item::Kind::Discontinuity(d),
            Self::Item(item) => subscription_item::Kind::Item(item.as_ref().clone()),
        };
        SubscriptionItem { kind: Some(kind) }
    }
}

/// The registry's state (one lock).
#[derive(Debug, Default)]
struct Registry {
    topics: HashMap<TopicKey, TopicState>,
    /// Bytes charged: topic states, buffered items and open subscriptions.
    used: u64,
    /// Of `used`, the open subscriptions' share.
    subscriptions: u64,
    /// Global publish counter (stamps of buffered items).
    stamp: u64,
}

impl Registry {
    /// Frees memory until `need` more bytes fit in `budget`: evicts the oldest buffered items of
    /// any topic, then the states of idle topics (no buffer, no subscriber) other than `keep`.
    /// False when that is not enough.
    fn make_room(&mut self, need: u64, budget: Option<u64>, keep: Option<&TopicKey>) -> bool {
        let Some(budget) = budget else {
            return true;
        };
        while self.used.saturating_add(need) > budget {
            let oldest = self
                .topics
                .iter()
                .filter_map(|(key, state)| state.buffer.front().map(|b| (b.stamp, key)))
                .min_by_key(|(stamp, _)| *stamp)
                .map(|(_, key)| key.clone());
            if let Some(key) = oldest {
                if let Some(evicted) = self
                    .topics
                    .get_mut(&key)
                    .and_then(|state| state.buffer.pop_front())
                {
                    self.used = self.used.saturating_sub(evicted.bytes);
                }
                continue;
            }
            let idle = self
                .topics
                .iter()
                .find(|(key, state)| {
                    Some(*key) != keep
                        && state.buffer.is_empty()
                        && state.notify.receiver_count() == 0
                })
                .map(|(key, _)| key.clone());
            match idle {
                Some(key) => {
                    self.topics.remove(&key);
                    self.used = self.used.saturating_sub(TOPIC_STATE_BYTES);
                }
                None => return false,
            }
        }
        true
    }
}

/// The topics of a server: sequence numbers, buffers and live subscriptions.
#[derive(Debug)]
pub struct Topics {
    registry: Mutex<Registry>,
    active: Arc<AtomicUsize>,
    settings: TopicSettings,
}

impl Default for Topics {
    fn default() -> Self {
        Self::new(TopicSettings::default())
    }
}

/// Holds one slot of the subscription limit and its bytes; dropping it frees both.
#[derive(Debug)]
struct SubscriptionSlot {
    active: Arc<AtomicUsize>,
    topics: std::sync::Weak<Topics>,
    bytes: u64,
}

impl Drop for SubscriptionSlot {
    fn drop(&mut self) {
        self.active.fetch_sub(1, Ordering::AcqRel);
        if let Some(topics) = self.topics.upgrade() {
            let mut registry = lock(&topics.registry);
            registry.used = registry.used.saturating_sub(self.bytes);
            registry.subscriptions = registry.subscriptions.saturating_sub(self.bytes);
        }
    }
}

/// Why a topic call was refused for lack of memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicsFull {
    /// `--max-subscriptions`, or the topics share of the memory cap, is used up by open
    /// subscriptions.
    Subscriptions,
    /// Topic states and subscriptions fill the topics share of the memory cap.
    Topics,
}

impl TopicsFull {
    /// The `RESOURCE_EXHAUSTED` answer.
    fn status(self, settings: &TopicSettings) -> Status {
        match self {
            Self::Subscriptions => limit_exceeded(
                "topic_subscriptions_limit_exceeded",
                format!(
                    "Topic subscriptions limit exceeded: at most {} subscriptions may be open, \
                     and fewer when they would take more than the topics' share of the memory \
                     cap (--max-memory-mb, {} bytes)",
                    settings.max_subscriptions,
                    settings.memory_bytes.unwrap_or(0)
                ),
            ),
            Self::Topics => Status::resource_exhausted(format!(
                "Topics limit exceeded: no room for another topic in the topics' share of the \
                 memory cap (--max-memory-mb, {} bytes)",
                settings.memory_bytes.unwrap_or(0)
            )),
        }
    }
}

/// What a new subscription starts with.
struct Subscription {
    /// Heartbeat and optional discontinuity; buffered items follow from `last_sent`.
    initial: Vec<Outgoing>,
    /// Publish notifications.
    receiver: watch::Receiver<u64>,
    /// The last sequence number the subscriber has (items after it are sent next).
    last_sent: u64,
    epoch: Instant,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Bytes charged for a buffered item.
fn item_bytes(value: &topic_value::Kind, publisher_id: &str) -> u64 {
    let len = match value {
        topic_value::Kind::Text(text) => text.len(),
        topic_value::Kind::Binary(bytes) => bytes.len(),
    };
    crate::metrics::to_u64(len.saturating_add(publisher_id.len()))
        .saturating_add(TOPIC_ITEM_OVERHEAD_BYTES)
}

impl Topics {
    /// An empty registry.
    pub fn new(settings: TopicSettings) -> Self {
        Self {
            registry: Mutex::new(Registry::default()),
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

    /// Bytes charged against the topics share of the memory cap: topic states, buffered items
    /// and open subscriptions.
    pub fn used_bytes(&self) -> u64 {
        lock(&self.registry).used
    }

    /// The state of a topic of the cache incarnation `epoch`, created (or replaced, when it
    /// belongs to an earlier incarnation of the cache) as needed; `None` when a new state does
    /// not fit in the memory budget.
    fn state<'a>(
        &self,
        registry: &'a mut Registry,
        cache: &str,
        topic: &str,
        epoch: Instant,
    ) -> Option<&'a mut TopicState> {
        let key = (cache.to_owned(), topic.to_owned());
        if let Some(state) = registry.topics.get(&key) {
            if state.epoch < epoch {
                // The cache was recreated. Dropping the old notifier ends the old subscribers'
                // streams. (A request that looked the cache up just before it was recreated
                // carries an older epoch and simply uses the current state.)
                let freed: u64 = state.buffer.iter().map(|b| b.bytes).sum();
                registry.used = registry.used.saturating_sub(freed);
                registry.topics.insert(key.clone(), TopicState::new(epoch));
            }
        } else {
            if !registry.make_room(TOPIC_STATE_BYTES, self.settings.memory_bytes, None) {
                return None;
            }
            registry.used = registry.used.saturating_add(TOPIC_STATE_BYTES);
            registry.topics.insert(key.clone(), TopicState::new(epoch));
        }
        registry.topics.get_mut(&key)
    }

    /// Appends an item to a topic (evicting the oldest buffered items of any topic when the
    /// topics' memory is full) and notifies the subscribers; returns its sequence number and
    /// page.
    fn publish(
        &self,
        cache: &str,
        topic: &str,
        epoch: Instant,
        value: topic_value::Kind,
        publisher_id: String,
    ) -> Result<(u64, u64), TopicsFull> {
        let bytes = item_bytes(&value, &publisher_id);
        let mut registry = lock(&self.registry);
        let key = (cache.to_owned(), topic.to_owned());
        self.state(&mut registry, cache, topic, epoch)
            .ok_or(TopicsFull::Topics)?;
        if !registry.make_room(bytes, self.settings.memory_bytes, Some(&key)) {
            return Err(TopicsFull::Topics);
        }
        registry.stamp = registry.stamp.saturating_add(1);
        let stamp = registry.stamp;
        let mut freed = 0;
        let Some(state) = registry.topics.get_mut(&key) else {
            return Err(TopicsFull::Topics);
        };
        let sequence = state.next;
        state.next = state.next.saturating_add(1);
        let item = Arc::new(TopicItem {
            topic_sequence_number: sequence,
            value: Some(momento_proto::cache_client::pubsub::TopicValue { kind: Some(value) }),
            publisher_id,
            sequence_page: state.page,
        });
        if state.buffer.len() >= self.settings.buffer_size {
            freed = state.buffer.pop_front().map_or(0, |b| b.bytes);
        }
        state.buffer.push_back(Buffered { item, stamp, bytes });
        state.notify.send_replace(state.next);
        let page = state.page;
        registry.used = registry.used.saturating_sub(freed).saturating_add(bytes);
        Ok((sequence, page))
    }

    /// Reserves a subscription slot and its bytes (`None` at `--max-subscriptions`, or when
    /// subscriptions would leave less than one topic with one message of the topics' memory).
    fn reserve_slot(self: &Arc<Self>) -> Option<SubscriptionSlot> {
        let max = self.settings.max_subscriptions;
        let bytes = match self.settings.memory_bytes {
            Some(_) => subscription_bytes(self.settings.max_message_bytes),
            None => 0,
        };
        let mut registry = lock(&self.registry);
        if let Some(budget) = self.settings.memory_bytes {
            let reserve = TOPIC_STATE_BYTES
                .saturating_add(crate::metrics::to_u64(self.settings.max_message_bytes))
                .saturating_add(TOPIC_ITEM_OVERHEAD_BYTES);
            if registry.subscriptions.saturating_add(bytes) > budget.saturating_sub(reserve)
                || !registry.make_room(bytes, Some(budget), None)
            {
                return None;
            }
        }
        self.active
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()?;
        registry.used = registry.used.saturating_add(bytes);
        registry.subscriptions = registry.subscriptions.saturating_add(bytes);
        Some(SubscriptionSlot {
            active: Arc::clone(&self.active),
            topics: Arc::downgrade(self),
            bytes,
        })
    }

    /// Registers a subscriber and computes what it gets first (see the module docs).
    fn subscribe(
        &self,
        cache: &str,
        topic: &str,
        epoch: Instant,
        resume_at: u64,
        page: u64,
    ) -> Result<Subscription, TopicsFull> {
        let mut registry = lock(&self.registry);
        let state = self
            .state(&mut registry, cache, topic, epoch)
            .ok_or(TopicsFull::Topics)?;
        let receiver = state.notify.subscribe();
        let mut initial = vec![Outgoing::Heartbeat];
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
        Ok(Subscription {
            initial,
            receiver,
            last_sent: replay_from.saturating_sub(1),
            epoch,
        })
    }

    /// What a subscriber that has seen up to `last_sent` gets next (at most `limit` items,
    /// after a discontinuity if it fell behind the buffer). `None` when the topic state was
    /// replaced.
    fn after(
        &self,
        cache: &str,
        topic: &str,
        epoch: Instant,
        last_sent: u64,
        limit: usize,
    ) -> Option<Vec<Outgoing>> {
        let registry = lock(&self.registry);
        let state = registry.topics.get(&(cache.to_owned(), topic.to_owned()))?;
        if state.epoch != epoch {
            return None;
        }
        Some(state.after(last_sent, limit))
    }

    /// Ends every open subscription stream of a topic (with `OK`, as if the connection had been
    /// dropped by the server), keeping its sequence numbers, page and buffer, so that
    /// reconnecting clients resume without loss. Returns how many streams were told to end.
    pub fn drop_subscriptions(&self, cache: &str, topic: &str) -> usize {
        let mut registry = lock(&self.registry);
        let Some(state) = registry
            .topics
            .get_mut(&(cache.to_owned(), topic.to_owned()))
        else {
            return 0;
        };
        let count = state.notify.receiver_count();
        state.notify = watch::channel(state.next).0;
        count
    }

    /// Restarts a topic's sequence: a new page, numbering from 1 again, an empty buffer; open
    /// streams end (with `OK`). Simulates a server-side topic reset. Returns the new page, or
    /// `None` when the topic has no state yet.
    pub fn reset_topic(&self, cache: &str, topic: &str) -> Option<u64> {
        let mut registry = lock(&self.registry);
        let state = registry
            .topics
            .get_mut(&(cache.to_owned(), topic.to_owned()))?;
        let freed: u64 = state.buffer.iter().map(|b| b.bytes).sum();
        *state = TopicState::new(state.epoch);
        let page = state.page;
        registry.used = registry.used.saturating_sub(freed);
        Some(page)
    }

    /// The current sequence page of a topic, if it has state.
    pub fn sequence_page(&self, cache: &str, topic: &str) -> Option<u64> {
        lock(&self.registry)
            .topics
            .get(&(cache.to_owned(), topic.to_owned()))
            .map(|state| state.page)
    }

    /// Drops the state of topics whose cache no longer exists in that incarnation.
    fn prune(&self, store: &Store) {
        let caches = store.list_caches();
        let mut registry = lock(&self.registry);
        let mut freed = 0u64;
        registry.topics.retain(|(cache, _), state| {
            let keep = caches
                .binary_search_by(|(name, _)| name.as_str().cmp(cache))
                .ok()
                .and_then(|i| caches.get(i))
                .is_some_and(|(_, info)| info.created_at == state.epoch);
            if !keep {
                freed = freed
                    .saturating_add(TOPIC_STATE_BYTES)
                    .saturating_add(state.buffer.iter().map(|b| b.bytes).sum());
            }
            keep
        });
        registry.used = registry.used.saturating_sub(freed);
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
    tx: &mpsc::Sender<Result<Outgoing, Status>>,
    message: Result<Outgoing, Status>,
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
    tx: mpsc::Sender<Result<Outgoing, Status>>,
    _slot: SubscriptionSlot,
}

impl StreamTask {
    /// Sends what follows `last_sent` in the topic's buffer, a few items at a time, until the
    /// subscriber is up to date. False when the stream should end.
    async fn catch_up(&mut self) -> bool {
        loop {
            let Some(batch) = self.topics.after(
                &self.cache,
                &self.topic,
                self.subscription.epoch,
                self.subscription.last_sent,
                STREAM_QUEUE,
            ) else {
                return false;
            };
            if batch.is_empty() {
                return true;
            }
            for message in batch {
                match &message {
                    Outgoing::Item(item) => {
                        self.subscription.last_sent = item.topic_sequence_number;
                    }
                    Outgoing::Discontinuity(d) => {
                        self.subscription.last_sent = d.new_topic_sequence;
                    }
                    Outgoing::Heartbeat => {}
                }
                if !emit(&self.tx, Ok(message), &self.shutdown).await {
                    return false;
                }
            }
        }
    }

    async fn run(mut self) {
        let initial = std::mem::take(&mut self.subscription.initial);
        for message in initial {
            if !emit(&self.tx, Ok(message), &self.shutdown).await {
                return;
            }
        }
        self.subscription.receiver.mark_unchanged();
        if !self.catch_up().await {
            return;
        }
        let interval = self.topics.settings.heartbeat_interval;
        let mut idle_until = tokio::time::Instant::now() + interval;
        let mut deletions = self.store.cache_deletions();
        loop {
            tokio::select! {
                biased;
                () = stopping(self.shutdown.clone()) => return,
                () = self.tx.closed() => return,
                changed = deletions.changed() => {
                    // A cache was deleted: this one? Then say so now, not at the next heartbeat.
                    let message = match cache_epoch(&self.store, &self.cache) {
                        _ if changed.is_err() => return,
                        None => cache_not_found(&self.cache),
                        Some(epoch) if epoch != self.subscription.epoch => return,
                        Some(_) => continue,
                    };
                    let _ = emit(&self.tx, Err(message), &self.shutdown).await;
                    return;
                }
                changed = self.subscription.receiver.changed() => {
                    // The notifier was replaced (dropped subscriptions, reset, new cache).
                    if changed.is_err() || !self.catch_up().await {
                        return;
                    }
                }
                () = tokio::time::sleep_until(idle_until) => {
                    let message = match cache_epoch(&self.store, &self.cache) {
                        None => Err(cache_not_found(&self.cache)),
                        Some(epoch) if epoch != self.subscription.epoch => return,
                        Some(_) => Ok(Outgoing::Heartbeat),
                    };
                    let failed = message.is_err();
                    if !emit(&self.tx, message, &self.shutdown).await || failed {
                        return;
                    }
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
        authorize_topic(claims.as_ref(), Rpc::Publish, &cache, &message.topic)?;
        let value = message
            .value
            .and_then(|value| value.kind)
            .ok_or_else(|| Status::invalid_argument("Topic value must be text or binary"))?;
        let len = match &value {
            topic_value::Kind::Text(text) => text.len(),
            topic_value::Kind::Binary(bytes) => bytes.len(),
        };
        let max = self.topics.settings.max_message_bytes;
        if len > max {
            return Err(limit_exceeded(
                "request_size_limit_exceeded",
                format!(
                    "Request size limit exceeded: the message is {len} bytes, a topic message may \
                     be at most {max} bytes (Momento's max_publish_message_size_kb)"
                ),
            ));
        }
        let epoch = cache_epoch(&self.store, &cache).ok_or_else(|| cache_not_found(&cache))?;
        let publish_timestamp = crate::webhook_delivery::unix_millis();
        let targets = self
            .webhooks
            .as_ref()
            .map(|webhooks| webhooks.targets(&cache, epoch, &message.topic))
            .unwrap_or_default();
        // Kept only when a webhook will deliver the message.
        let delivered = (!targets.is_empty()).then(|| (value.clone(), publisher_id.clone()));
        let (sequence, page) = self
            .topics
            .publish(&cache, &message.topic, epoch, value, publisher_id)
            .map_err(|full| full.status(&self.topics.settings))?;
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
        authorize_topic(claims.as_ref(), Rpc::Subscribe, &cache, &message.topic)?;
        let epoch = cache_epoch(&self.store, &cache).ok_or_else(|| cache_not_found(&cache))?;
        self.topics.prune(&self.store);
        let slot = self
            .topics
            .reserve_slot()
            .ok_or_else(|| TopicsFull::Subscriptions.status(&self.topics.settings))?;
        let subscription = self
            .topics
            .subscribe(
                &cache,
                &message.topic,
                epoch,
                message.resume_at_topic_sequence_number,
                message.sequence_page,
            )
            .map_err(|full| full.status(&self.topics.settings))?;
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
        let stream: ResponseStream<SubscriptionItem> = Box::pin(tokio_stream::StreamExt::map(
            ReceiverStream::new(rx),
            |message| message.map(Outgoing::into_message),
        ));
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

    fn kinds(items: &[Outgoing]) -> Vec<String> {
        items
            .iter()
            .map(|m| match m {
                Outgoing::Heartbeat => "hb".to_owned(),
                Outgoing::Item(i) => format!("i{}", i.topic_sequence_number),
                Outgoing::Discontinuity(d) => {
                    format!("d{}-{}", d.last_topic_sequence, d.new_topic_sequence)
                }
            })
            .collect()
    }

    /// Topics buffering `buffer_size` messages per topic, with `count` messages published to
    /// topic `t` of cache `c`, and the epoch they were published in.
    fn published(buffer_size: usize, count: usize) -> (Topics, Instant) {
        let topics = Topics::new(TopicSettings {
            buffer_size,
            ..TopicSettings::default()
        });
        let epoch = Instant::now();
        for i in 0..count {
            topics
                .publish("c", "t", epoch, text(&i.to_string()), String::new())
                .unwrap();
        }
        (topics, epoch)
    }

    /// The initial messages and the replayed buffer of a new subscription.
    fn start(topics: &Topics, epoch: Instant, resume: u64, page: u64) -> Vec<String> {
        let s = topics.subscribe("c", "t", epoch, resume, page).unwrap();
        let mut out = s.initial;
        out.extend(topics.after("c", "t", epoch, s.last_sent, 100).unwrap());
        kinds(&out)
    }

    #[test]
    fn resume_rules() {
        let (topics, epoch) = published(3, 5);
        let page = topics.sequence_page("c", "t").unwrap();
        assert!((1..=MAX_PAGE).contains(&page));
        // Buffer holds 3, 4, 5; next is 6.
        assert_eq!(start(&topics, epoch, 0, 0), ["hb"]);
        assert_eq!(start(&topics, epoch, 4, page), ["hb", "i4", "i5"]);
        assert_eq!(start(&topics, epoch, 6, page), ["hb"]);
        assert_eq!(
            start(&topics, epoch, 2, page),
            ["hb", "d1-2", "i3", "i4", "i5"]
        );
        assert_eq!(start(&topics, epoch, 9, page), ["hb", "d8-5"]);
        assert_eq!(
            start(&topics, epoch, 4, page ^ 1),
            ["hb", "d3-2", "i3", "i4", "i5"]
        );
        let last = |resume, page| {
            topics
                .subscribe("c", "t", epoch, resume, page)
                .unwrap()
                .last_sent
        };
        assert_eq!(last(4, page), 3);
        assert_eq!(last(0, 0), 5);
        assert_eq!(last(9, page), 5);
    }

    #[test]
    fn new_epoch_resets_the_topic() {
        let topics = Topics::default();
        let first = Instant::now();
        topics
            .publish("c", "t", first, text("a"), String::new())
            .unwrap();
        let page = topics.sequence_page("c", "t").unwrap();
        let later = first + Duration::from_millis(1);
        let (sequence, new_page) = topics
            .publish("c", "t", later, text("b"), String::new())
            .unwrap();
        assert_eq!(sequence, 1);
        assert_ne!(page, new_page);
    }

    #[test]
    fn slots_are_limited_and_freed() {
        let topics = Arc::new(Topics::new(TopicSettings {
            max_subscriptions: 2,
            ..TopicSettings::default()
        }));
        let a = topics.reserve_slot().unwrap();
        let _b = topics.reserve_slot().unwrap();
        assert!(topics.reserve_slot().is_none());
        assert_eq!(topics.active_subscriptions(), 2);
        drop(a);
        assert_eq!(topics.active_subscriptions(), 1);
        assert!(topics.reserve_slot().is_some());
    }

    #[test]
    fn lagging_subscribers_get_a_discontinuity() {
        let (topics, epoch) = published(2, 4);
        assert_eq!(
            kinds(&topics.after("c", "t", epoch, 1, 10).unwrap()),
            ["d1-2", "i3", "i4"]
        );
        assert_eq!(kinds(&topics.after("c", "t", epoch, 2, 1).unwrap()), ["i3"]);
        assert!(topics.after("c", "t", Instant::now(), 2, 10).is_none());
    }

    #[test]
    fn memory_is_bounded_across_topics() {
        let message = 1000;
        let budget = 4 * subscription_bytes(message);
        let topics = Arc::new(Topics::new(TopicSettings {
            max_message_bytes: message,
            memory_bytes: Some(budget),
            ..TopicSettings::default()
        }));
        let epoch = Instant::now();
        let value = || topic_value::Kind::Binary(vec![0; 1000]);
        for i in 0..10_000 {
            topics
                .publish("c", &format!("t{}", i % 7), epoch, value(), String::new())
                .unwrap();
            assert!(topics.used_bytes() <= budget);
        }
        // The oldest items went first, whatever their topic.
        let t0 = start_of(&topics, "t0", epoch);
        assert_eq!(t0[0], "hb");
        assert!(t0[1].starts_with("d0-14"), "{t0:?}");
        // Subscriptions take their share and leave room for one topic with one message.
        let slots: Vec<_> = std::iter::from_fn(|| topics.reserve_slot())
            .take(10)
            .collect();
        assert_eq!(slots.len(), 3, "{}", topics.used_bytes());
        assert!(topics.used_bytes() <= budget);
        topics
            .publish("c", "new", epoch, value(), String::new())
            .unwrap();
        drop(slots);
        assert!(topics.used_bytes() < budget / 2);
    }

    fn start_of(topics: &Topics, topic: &str, epoch: Instant) -> Vec<String> {
        let page = topics.sequence_page("c", topic).unwrap();
        let s = topics.subscribe("c", topic, epoch, 1, page).unwrap();
        kinds(&s.initial)
    }
}
