//! `webhook.Webhook`: topic webhooks (PutWebhook, DeleteWebhook, ListWebhooks,
//! GetWebhookSecret, RotateWebhookSecret), served on the same port as everything else (the SDKs
//! send them to the control endpoint).
//!
//! A webhook is named by `(cache, webhook name)`, watches one topic of its cache and has a
//! destination URL and a signing secret. Messages published to the topic are POSTed to the URL
//! by [`crate::webhook_delivery`] (loopback destinations only by default).
//!
//! # Semantics
//! - **PutWebhook** creates the webhook, or replaces the topic and URL of an existing one; it
//!   answers the webhook's secret, which an update keeps (only RotateWebhookSecret changes it).
//!   A new secret is [`SECRET_BYTES`] random bytes, base64url without padding (43 characters).
//! - **DeleteWebhook** removes it; deleting a webhook that does not exist (in an existing
//!   cache) succeeds, like deleting a missing key.
//! - **ListWebhooks** answers every webhook of the cache, sorted by name (secrets are not part
//!   of `_Webhook`).
//! - **GetWebhookSecret** answers the cache name, webhook name and secret;
//!   **RotateWebhookSecret** replaces the secret with a new one and answers it. Both are
//!   `NOT_FOUND` ("Webhook not found: …") for an unknown webhook.
//! - The cache must exist: `NOT_FOUND` "Cache not found: …" otherwise (checked after
//!   validation). Webhooks belong to one incarnation of their cache: deleting the cache deletes
//!   its webhooks (a cache recreated under the same name has none).
//! - At most [`MAX_WEBHOOKS_PER_CACHE`] webhooks per cache; creating one more is
//!   `RESOURCE_EXHAUSTED`. Webhooks live in memory as long as the server process.
//!
//! # Validation (`INVALID_ARGUMENT`, before the cache is looked up)
//! - a missing `webhook` / `webhook_id` / `destination` message (or an unset `post_url`);
//! - a cache name that is empty or whitespace;
//! - a webhook name that is empty or whitespace, longer than [`MAX_WEBHOOK_NAME_LEN`]
//!   characters (the proto's limit) or with control characters;
//! - for PutWebhook, a topic name that is empty or whitespace, and a `post_url` that is not an
//!   absolute `http://`/`https://` URL with a host and without user info, of at most
//!   [`crate::webhook_delivery::MAX_URL_LEN`] bytes.
//!
//! # Authorization
//! Webhooks are control-plane resources (Momento manages them with API keys, next to caches;
//! the secret they hand out lets its holder forge deliveries): every RPC needs a **super-user**
//! key, like CreateCache ([`crate::permissions::authorize_control`]). Tokens with explicit
//! permissions — disposable tokens and scoped API keys, even with read-write access to every
//! cache and topic — get `PERMISSION_DENIED`, before anything is validated or looked up.
//! Without authentication (`--auth none`) everything is allowed.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use momento_proto::webhook::{
    webhook_destination, DeleteWebhookRequest, DeleteWebhookResponse, GetWebhookSecretRequest,
    GetWebhookSecretResponse, ListWebhookRequest, ListWebhooksResponse, PutWebhookRequest,
    PutWebhookResponse, RotateWebhookSecretRequest, RotateWebhookSecretResponse, Webhook,
    WebhookDestination, WebhookId,
};
use tonic::{Request, Response, Status};

use super::pubsub::cache_epoch;
use super::{authorized, cache_not_found};
use crate::grpc::webhook::webhook_server::Webhook as WebhookRpc;
use crate::secret::random_bytes;
use crate::store::Store;
use crate::webhook_delivery::{self, Delivery, Job, Published};

/// Longest webhook name, in characters (the proto's documented limit).
pub const MAX_WEBHOOK_NAME_LEN: usize = 128;

/// Most webhooks one cache may have.
pub const MAX_WEBHOOKS_PER_CACHE: usize = 100;

/// Random bytes in a webhook secret.
pub const SECRET_BYTES: usize = 32;

/// One stored webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// Creation instant of the cache incarnation the webhook belongs to.
    epoch: Instant,
    topic: String,
    url: String,
    secret: String,
}

/// Where a published message goes: a webhook's name, URL and secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The webhook's name.
    pub webhook: String,
    /// Its destination URL.
    pub url: String,
    /// Its signing secret.
    pub secret: String,
}

/// A webhook as ListWebhooks answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The webhook's name.
    pub name: String,
    /// The topic it watches.
    pub topic: String,
    /// Its destination URL.
    pub url: String,
}

/// The webhooks of a server, keyed by (cache, webhook name), and their deliveries.
///
/// Methods take the cache's current incarnation (`epoch`, see
/// [`crate::services::pubsub::cache_epoch`]): entries of an earlier incarnation are treated as
/// absent and removed as they are met.
#[derive(Debug)]
pub struct Webhooks {
    entries: Mutex<BTreeMap<(String, String), Entry>>,
    delivery: Delivery,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Webhooks {
    /// No webhooks yet; deliveries through `delivery`.
    pub fn new(delivery: Delivery) -> Self {
        Self {
            entries: Mutex::new(BTreeMap::new()),
            delivery,
        }
    }

    /// The delivery queue (its mode and counters).
    pub fn delivery(&self) -> &Delivery {
        &self.delivery
    }

    /// Removes the entries of `cache` that belong to an incarnation other than `epoch`.
    fn purge_cache(entries: &mut BTreeMap<(String, String), Entry>, cache: &str, epoch: Instant) {
        entries.retain(|(c, _), entry| c != cache || entry.epoch == epoch);
    }

    /// Creates or updates a webhook; answers its secret (`new_secret` is called only for a new
    /// webhook). `RESOURCE_EXHAUSTED` beyond [`MAX_WEBHOOKS_PER_CACHE`].
    pub fn put(
        &self,
        cache: &str,
        epoch: Instant,
        name: &str,
        topic: String,
        url: String,
        new_secret: impl FnOnce() -> Result<String, Status>,
    ) -> Result<String, Status> {
        let mut entries = lock(&self.entries);
        Self::purge_cache(&mut entries, cache, epoch);
        let key = (cache.to_owned(), name.to_owned());
        if let Some(entry) = entries.get_mut(&key) {
            entry.topic = topic;
            entry.url = url;
            return Ok(entry.secret.clone());
        }
        let count = entries.keys().filter(|(c, _)| c == cache).count();
        if count >= MAX_WEBHOOKS_PER_CACHE {
            return Err(Status::resource_exhausted(format!(
                "Webhook limit exceeded: a cache may have at most {MAX_WEBHOOKS_PER_CACHE} \
                 webhooks; delete one first"
            )));
        }
        let secret = new_secret()?;
        entries.insert(
            key,
            Entry {
                epoch,
                topic,
                url,
                secret: secret.clone(),
            },
        );
        Ok(secret)
    }

    /// Removes a webhook; answers whether it existed.
    pub fn delete(&self, cache: &str, epoch: Instant, name: &str) -> bool {
        let mut entries = lock(&self.entries);
        Self::purge_cache(&mut entries, cache, epoch);
        entries
            .remove(&(cache.to_owned(), name.to_owned()))
            .is_some()
    }

    /// The webhooks of `cache`, sorted by name.
    pub fn list(&self, cache: &str, epoch: Instant) -> Vec<Listed> {
        let mut entries = lock(&self.entries);
        Self::purge_cache(&mut entries, cache, epoch);
        entries
            .iter()
            .filter(|((c, _), _)| c == cache)
            .map(|((_, name), entry)| Listed {
                name: name.clone(),
                topic: entry.topic.clone(),
                url: entry.url.clone(),
            })
            .collect()
    }

    /// The secret of a webhook, if it exists.
    pub fn secret(&self, cache: &str, epoch: Instant, name: &str) -> Option<String> {
        let mut entries = lock(&self.entries);
        Self::purge_cache(&mut entries, cache, epoch);
        entries
            .get(&(cache.to_owned(), name.to_owned()))
            .map(|entry| entry.secret.clone())
    }

    /// Replaces the secret of a webhook with `new_secret()`; answers it (`Ok(None)` when the
    /// webhook does not exist).
    pub fn rotate(
        &self,
        cache: &str,
        epoch: Instant,
        name: &str,
        new_secret: impl FnOnce() -> Result<String, Status>,
    ) -> Result<Option<String>, Status> {
        let mut entries = lock(&self.entries);
        Self::purge_cache(&mut entries, cache, epoch);
        let Some(entry) = entries.get_mut(&(cache.to_owned(), name.to_owned())) else {
            return Ok(None);
        };
        entry.secret = new_secret()?;
        Ok(Some(entry.secret.clone()))
    }

    /// The webhooks watching `topic` of `cache` (incarnation `epoch`), sorted by name.
    pub fn targets(&self, cache: &str, epoch: Instant, topic: &str) -> Vec<Target> {
        let entries = lock(&self.entries);
        if entries.is_empty() {
            return Vec::new();
        }
        entries
            .iter()
            .filter(|((c, _), entry)| c == cache && entry.epoch == epoch && entry.topic == topic)
            .map(|((_, name), entry)| Target {
                webhook: name.clone(),
                url: entry.url.clone(),
                secret: entry.secret.clone(),
            })
            .collect()
    }

    /// Queues one delivery of `message` per target (see [`Delivery::enqueue`]).
    pub fn deliver(&self, targets: Vec<Target>, message: &Published<'_>) {
        let body = webhook_delivery::payload(message, webhook_delivery::unix_millis());
        for target in targets {
            let signature = webhook_delivery::sign(&target.secret, &body);
            self.delivery.enqueue(Job {
                cache: message.cache.to_owned(),
                webhook: target.webhook,
                url: target.url,
                body: body.clone(),
                signature,
            });
        }
    }
}

/// A fresh secret: [`SECRET_BYTES`] random bytes, base64url without padding.
fn new_secret() -> Result<String, Status> {
    random_bytes(SECRET_BYTES)
        .map(|bytes| URL_SAFE_NO_PAD.encode(bytes))
        .map_err(|e| Status::internal(format!("Random source failed: {e}")))
}

fn check_cache_name(cache: &str) -> Result<(), Status> {
    if cache.trim().is_empty() {
        return Err(Status::invalid_argument("Cache name must not be empty"));
    }
    Ok(())
}

fn check_webhook_name(name: &str) -> Result<(), Status> {
    if name.trim().is_empty() {
        return Err(Status::invalid_argument("Webhook name must not be empty"));
    }
    if name.chars().count() > MAX_WEBHOOK_NAME_LEN {
        return Err(Status::invalid_argument(format!(
            "Webhook name must be at most {MAX_WEBHOOK_NAME_LEN} characters"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(Status::invalid_argument(
            "Webhook name must not contain control characters",
        ));
    }
    Ok(())
}

/// Validates a webhook id: (cache, webhook name).
fn check_id(id: Option<WebhookId>) -> Result<(String, String), Status> {
    let id = id.ok_or_else(|| Status::invalid_argument("Webhook id is required"))?;
    check_cache_name(&id.cache_name)?;
    check_webhook_name(&id.webhook_name)?;
    Ok((id.cache_name, id.webhook_name))
}

/// The webhooks service.
#[derive(Debug, Clone)]
pub struct WebhookService {
    store: Arc<Store>,
    webhooks: Arc<Webhooks>,
}

impl WebhookService {
    /// Webhooks of `store`'s caches, kept in `webhooks` (shared with the topics service, which
    /// delivers).
    pub fn new(store: Arc<Store>, webhooks: Arc<Webhooks>) -> Self {
        Self { store, webhooks }
    }

    /// The current incarnation of `cache` (`NOT_FOUND` when it does not exist).
    fn epoch(&self, cache: &str) -> Result<Instant, Status> {
        cache_epoch(&self.store, cache).ok_or_else(|| cache_not_found(cache))
    }

    /// The cache and webhook names of `id` ([`check_id`]) and the cache's [`Self::epoch`].
    fn in_live_cache(&self, id: Option<WebhookId>) -> Result<(String, String, Instant), Status> {
        let (cache, name) = check_id(id)?;
        let epoch = self.epoch(&cache)?;
        Ok((cache, name, epoch))
    }
}

fn webhook_not_found(cache: &str, name: &str) -> Status {
    Status::not_found(format!("Webhook not found: {name} in cache {cache}"))
}

#[tonic::async_trait]
impl WebhookRpc for WebhookService {
    async fn put_webhook(
        &self,
        request: Request<PutWebhookRequest>,
    ) -> Result<Response<PutWebhookResponse>, Status> {
        let webhook = authorized(request)?
            .webhook
            .ok_or_else(|| Status::invalid_argument("Webhook is required"))?;
        let (cache, name) = check_id(webhook.webhook_id)?;
        if webhook.topic_name.trim().is_empty() {
            return Err(Status::invalid_argument("Topic name must not be empty"));
        }
        let url = match webhook.destination.and_then(|d| d.kind) {
            Some(webhook_destination::Kind::PostUrl(url)) => url,
            None => {
                return Err(Status::invalid_argument(
                    "Webhook destination is required: post_url",
                ))
            }
        };
        webhook_delivery::parse_post_url(&url).map_err(Status::invalid_argument)?;
        let epoch = self.epoch(&cache)?;
        let topic = webhook.topic_name;
        let logged_topic = topic.clone();
        let secret_string = self
            .webhooks
            .put(&cache, epoch, &name, topic, url, new_secret)?;
        crate::log_info!(
            "event=webhook_put cache={cache:?} webhook={name:?} topic={logged_topic:?}"
        );
        Ok(Response::new(PutWebhookResponse { secret_string }))
    }

    async fn delete_webhook(
        &self,
        request: Request<DeleteWebhookRequest>,
    ) -> Result<Response<DeleteWebhookResponse>, Status> {
        let (cache, name, epoch) = self.in_live_cache(authorized(request)?.webhook_id)?;
        let existed = self.webhooks.delete(&cache, epoch, &name);
        crate::log_info!(
            "event=webhook_deleted cache={cache:?} webhook={name:?} existed={existed}"
        );
        Ok(Response::new(DeleteWebhookResponse {}))
    }

    async fn list_webhooks(
        &self,
        request: Request<ListWebhookRequest>,
    ) -> Result<Response<ListWebhooksResponse>, Status> {
        let cache = authorized(request)?.cache_name;
        check_cache_name(&cache)?;
        let epoch = self.epoch(&cache)?;
        let webhook = self
            .webhooks
            .list(&cache, epoch)
            .into_iter()
            .map(|listed| Webhook {
                webhook_id: Some(WebhookId {
                    cache_name: cache.clone(),
                    webhook_name: listed.name,
                }),
                topic_name: listed.topic,
                destination: Some(WebhookDestination {
                    kind: Some(webhook_destination::Kind::PostUrl(listed.url)),
                }),
            })
            .collect();
        Ok(Response::new(ListWebhooksResponse { webhook }))
    }

    async fn get_webhook_secret(
        &self,
        request: Request<GetWebhookSecretRequest>,
    ) -> Result<Response<GetWebhookSecretResponse>, Status> {
        let GetWebhookSecretRequest {
            cache_name,
            webhook_name,
        } = authorized(request)?;
        check_cache_name(&cache_name)?;
        check_webhook_name(&webhook_name)?;
        let epoch = self.epoch(&cache_name)?;
        let secret_string = self
            .webhooks
            .secret(&cache_name, epoch, &webhook_name)
            .ok_or_else(|| webhook_not_found(&cache_name, &webhook_name))?;
        Ok(Response::new(GetWebhookSecretResponse {
            cache_name,
            webhook_name,
            secret_string,
        }))
    }

    async fn rotate_webhook_secret(
        &self,
        request: Request<RotateWebhookSecretRequest>,
    ) -> Result<Response<RotateWebhookSecretResponse>, Status> {
        let (cache, name, epoch) = self.in_live_cache(authorized(request)?.webhook_id)?;
        let secret_string = self
            .webhooks
            .rotate(&cache, epoch, &name, new_secret)?
            .ok_or_else(|| webhook_not_found(&cache, &name))?;
        crate::log_info!("event=webhook_secret_rotated cache={cache:?} webhook={name:?}");
        Ok(Response::new(RotateWebhookSecretResponse { secret_string }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use std::time::Duration;

    use tokio::sync::watch;
    use tonic::Code;

    use super::*;
    use crate::webhook_delivery::DeliveryMode;

    fn registry() -> Webhooks {
        Webhooks::new(Delivery::new(DeliveryMode::Off, watch::channel(false).1))
    }

    fn secret(s: &str) -> impl FnOnce() -> Result<String, Status> + '_ {
        move || Ok(s.to_owned())
    }

    #[test]
    fn put_keeps_the_secret_and_rotate_replaces_it() {
        let w = registry();
        let e = Instant::now();
        let put = |topic: &str, url: &str, s| {
            w.put("c", e, "w", topic.to_owned(), url.to_owned(), secret(s))
        };
        assert_eq!(put("t", "http://a/", "s1").unwrap(), "s1");
        assert_eq!(
            put("t2", "http://b/", "s2").unwrap(),
            "s1",
            "update keeps it"
        );
        assert_eq!(
            w.list("c", e),
            [Listed {
                name: "w".into(),
                topic: "t2".into(),
                url: "http://b/".into()
            }]
        );
        assert_eq!(w.rotate("c", e, "w", secret("s3")).unwrap().unwrap(), "s3");
        assert_eq!(w.secret("c", e, "w").unwrap(), "s3");
        assert_eq!(w.rotate("c", e, "x", secret("s4")).unwrap(), None);
        assert!(w.targets("c", e, "t").is_empty());
        assert_eq!(w.targets("c", e, "t2")[0].secret, "s3");
        assert!(w.delete("c", e, "w"));
        assert!(!w.delete("c", e, "w"));
        assert!(w.list("c", e).is_empty());
    }

    #[test]
    fn a_recreated_cache_has_no_webhooks() {
        let w = registry();
        let first = Instant::now();
        let later = first + Duration::from_millis(1);
        w.put("c", first, "w", "t".into(), "http://a/".into(), secret("s"))
            .unwrap();
        w.put("d", first, "w", "t".into(), "http://a/".into(), secret("s"))
            .unwrap();
        assert!(w.targets("c", later, "t").is_empty());
        assert!(w.list("c", later).is_empty());
        assert_eq!(w.secret("c", later, "w"), None);
        assert_eq!(w.list("d", first).len(), 1, "other caches keep theirs");
    }

    #[test]
    fn webhooks_per_cache_are_limited() {
        let w = registry();
        let e = Instant::now();
        for i in 0..MAX_WEBHOOKS_PER_CACHE {
            w.put(
                "c",
                e,
                &format!("w{i}"),
                "t".into(),
                "u".into(),
                secret("s"),
            )
            .unwrap();
        }
        let over = w.put("c", e, "one-more", "t".into(), "u".into(), secret("s"));
        assert_eq!(over.unwrap_err().code(), Code::ResourceExhausted);
        // Updating an existing one and another cache are fine.
        w.put("c", e, "w0", "t".into(), "u".into(), secret("s"))
            .unwrap();
        w.put("d", e, "w0", "t".into(), "u".into(), secret("s"))
            .unwrap();
    }

    #[test]
    fn names() {
        assert!(check_webhook_name("w").is_ok());
        assert!(check_webhook_name(&"é".repeat(MAX_WEBHOOK_NAME_LEN)).is_ok());
        for bad in [
            String::new(),
            " ".into(),
            "a\nb".into(),
            "x".repeat(MAX_WEBHOOK_NAME_LEN + 1),
        ] {
            assert_eq!(
                check_webhook_name(&bad).unwrap_err().code(),
                Code::InvalidArgument
            );
        }
        assert_eq!(new_secret().unwrap().len(), 43);
        assert_ne!(new_secret().unwrap(), new_secret().unwrap());
    }
}
