//! Token scopes (the `p` claim) and per-request authorization.
//!
//! # The `p` claim
//! A token's permissions are the protobuf `permission_messages.Permissions` message (the same
//! message `GenerateDisposableToken`/`GenerateApiToken` receive), **prost-encoded and then
//! standard-base64 encoded with padding**, stored as the JWT string claim `p`. Absent, `null`
//! or `""` means super user (root keys, `momento-server key` without scope flags). A signed
//! token whose `p` does not decode to a valid scope is rejected as "Malformed token"
//! (`UNAUTHENTICATED`). [`encode_claim`] and [`Scope::from_claim`] convert both ways.
//!
//! Validation ([`Scope::from_permissions`], also applied when minting): the `kind` oneof must
//! be set; every cache/topic/function grant needs its `cache` oneof (a non-empty
//! `cache_name`), a topic grant its `topic` oneof, an item selector its `key`/`key_prefix`;
//! roles must be known enum values; an explicit list needs at least one grant, and two cache
//! grants on the same (cache, items) or two topic grants on the same (cache, topic) are refused
//! (duplicate or conflicting, as Momento answers). A missing `cache_item` oneof means all items (what the SDKs
//! send for non-disposable scopes). `*PermitNone` roles grant nothing. Function grants are
//! accepted (the SDKs' `AllDataReadWrite` includes one) and ignored: there are no functions.
//!
//! # Who may do what
//! When the server runs with `--auth none` there are no claims and every check passes.
//!
//! What each RPC needs is its access class in the RPC table ([`momento_proto::rpc::Access`]):
//!
//! | class | RPCs | requirement |
//! |---|---|---|
//! | `SuperUser` | `ScsControl/*` but ListCaches, `Webhook/*` | a super-user key — [`authorize_control`] |
//! | `AnyToken` | `ScsControl/ListCaches` | any token; a scoped token sees only caches some grant names (or all with `all_caches`) — see [`cache_visible`] |
//! | `Mint` | `Token/GenerateDisposableToken`, `Auth/GenerateApiToken` | super user (so minted scopes never exceed the caller's); super-user keys may not mint super-user keys, legacy auth tokens nothing — [`authorize_mint`] |
//! | `Refresh` | `Auth/RefreshApiToken` | the refresh token paired with the key |
//! | `Read`, `Write`, `ReadWrite` | `Scs/*` (data plane) | a cache grant for the `cache` header's cache whose role allows the RPC's [`CacheAccess`] and whose item selector matches **every** key touched — see [`ScsRequest`] |
//! | `Read`, `Write` | `Leaderboard/*` | the same with the leaderboard name as the key — [`authorize_cache`] |
//! | `Publish`, `Subscribe` | `Pubsub/Publish`, `Pubsub/Subscribe` | a topic grant on (cache, topic) allowing publishing (TopicReadWrite, TopicWriteOnly) or subscribing (TopicReadWrite, TopicReadOnly) — [`authorize_topic`] |
//! | `Public` | `Ping`, `Auth/Login` | no credential |
//!
//! Roles: `CacheReadWrite` allows read and write, `CacheReadOnly` read, `CacheWriteOnly` write.
//! An RPC needing [`CacheAccess::ReadWrite`] (conditional writes, pops, increments) needs both,
//! so WriteOnly may not do them. The increments (`Increment`, `DictionaryIncrement`,
//! `SortedSetIncrement`) are read-modify-writes that answer the stored result: with
//! `amount = 0` they are plain reads, and Momento's WriteOnly role excludes reading, so they
//! need read access too. Grants combine per key: a ReadOnly and a WriteOnly
//! grant on the same key together allow read-and-write RPCs.
//!
//! Denials are `PERMISSION_DENIED` with a message naming the RPC, the access kind and the cache
//! (and key or topic); the check runs before the store is touched, so nothing is returned or
//! changed — not even whether the cache exists.
//!
//! # Data plane
//! Each RPC's access kind (read, write, read + write) is its row of the RPC table
//! ([`momento_proto::rpc::RpcDef::access`], [`CacheAccess::of`]); `SetIfHash` with the
//! `unconditional` condition only writes. The keys checked ([`ScsRequest::keys`]) are the item
//! key (`cache_key`) of scalar RPCs, every `items[].cache_key` of GetBatch and SetBatch, every
//! `cache_keys[]` of KeysExist, and the collection name (`dictionary_name`, `set_name`,
//! `list_name`) of collection RPCs; SortedSetUnionStore also needs read access to every
//! `sources[].set_name`.
//!
//! A call touching no key (an empty batch) needs a grant on the cache with the role and
//! `all_items`.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use momento_proto::cache_client::*;
use momento_proto::permission_messages::permissions_type::{
    cache_item_selector, cache_permissions, cache_selector, function_permissions,
    function_selector, topic_permissions, topic_selector, CachePermissions, CacheSelector,
    FunctionPermissions, TopicPermissions,
};
use momento_proto::permission_messages::{
    permissions, permissions_type, CacheRole, FunctionRole, Permissions, PermissionsType,
    SuperUserPermissions, TopicRole,
};
use momento_proto::rpc::{Access, Rpc, RpcRequest};
use prost::Message as _;
use tonic::Status;

use crate::token::{Claims, TokenKind};

/// What a data-plane call does with the items it touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheAccess {
    /// Reads only (CacheReadWrite or CacheReadOnly).
    Read,
    /// Writes only (CacheReadWrite or CacheWriteOnly).
    Write,
    /// Reads and writes: conditional writes and pops (CacheReadWrite, or read and write grants
    /// together).
    ReadWrite,
}

impl CacheAccess {
    /// The access class of a data-plane or leaderboard RPC, from the RPC table
    /// ([`momento_proto::rpc::RpcDef::access`]); [`CacheAccess::ReadWrite`], the strictest, for
    /// any other RPC (never asked: the table gives every data-plane and leaderboard RPC a cache
    /// class).
    pub const fn of(rpc: Rpc) -> Self {
        match rpc.access() {
            Access::Read => Self::Read,
            Access::Write => Self::Write,
            _ => Self::ReadWrite,
        }
    }

    fn needs_read(self) -> bool {
        matches!(self, Self::Read | Self::ReadWrite)
    }

    fn needs_write(self) -> bool {
        matches!(self, Self::Write | Self::ReadWrite)
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
            Self::ReadWrite => "read and write",
        }
    }
}

/// Which caches a grant covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheSel {
    /// `all_caches`.
    All,
    /// `cache_selector.cache_name`.
    Name(String),
}

impl CacheSel {
    fn matches(&self, cache: &str) -> bool {
        match self {
            Self::All => true,
            Self::Name(name) => name == cache,
        }
    }
}

/// What a grant's selector covers: everything, one name, or the names starting with a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector<T> {
    /// `all_items` (or no item selector), `all_topics`.
    All,
    /// `item_selector.key`, `topic_selector.topic_name`: exactly this name.
    Exact(T),
    /// `item_selector.key_prefix`, `topic_selector.topic_name_prefix`: names starting with it.
    Prefix(T),
}

impl<T: AsRef<[u8]>> Selector<T> {
    /// Whether `name` is covered.
    pub fn matches(&self, name: &[u8]) -> bool {
        match self {
            Self::All => true,
            Self::Exact(exact) => exact.as_ref() == name,
            Self::Prefix(prefix) => name.starts_with(prefix.as_ref()),
        }
    }
}

/// Which items (keys; collection names for collections) a cache grant covers.
pub type ItemSel = Selector<Vec<u8>>;

/// Which topics a topic grant covers.
pub type TopicSel = Selector<String>;

/// A cache grant as a claim carries it: `role` on `cache` (every cache when `None`) for `items`
/// (no item selector when `None`).
pub fn cache_permission<T: AsRef<[u8]>>(
    role: CacheRole,
    cache: Option<&str>,
    items: Option<&Selector<T>>,
) -> PermissionsType {
    use permissions_type::{CacheItemSelector, CachePermissions};
    let selected =
        |kind| cache_permissions::CacheItem::ItemSelector(CacheItemSelector { kind: Some(kind) });
    let cache_item = items.map(|items| match items {
        Selector::All => cache_permissions::CacheItem::AllItems(permissions_type::All {}),
        Selector::Exact(key) => selected(cache_item_selector::Kind::Key(key.as_ref().to_vec())),
        Selector::Prefix(prefix) => selected(cache_item_selector::Kind::KeyPrefix(
            prefix.as_ref().to_vec(),
        )),
    });
    let cache = cache_selector(cache).map_or(
        cache_permissions::Cache::AllCaches(permissions_type::All {}),
        cache_permissions::Cache::CacheSelector,
    );
    let kind = permissions_type::Kind::CachePermissions(CachePermissions {
        role: role as i32,
        cache: Some(cache),
        cache_item,
    });
    PermissionsType { kind: Some(kind) }
}

/// A topic grant as a claim carries it: `role` on `topic` in `cache` (every cache when `None`).
pub fn topic_permission(role: TopicRole, cache: Option<&str>, topic: &TopicSel) -> PermissionsType {
    use permissions_type::{TopicPermissions, TopicSelector};
    let selected =
        |kind| topic_permissions::Topic::TopicSelector(TopicSelector { kind: Some(kind) });
    let topic = match topic {
        Selector::All => topic_permissions::Topic::AllTopics(permissions_type::All {}),
        Selector::Exact(name) => selected(topic_selector::Kind::TopicName(name.clone())),
        Selector::Prefix(prefix) => selected(topic_selector::Kind::TopicNamePrefix(prefix.clone())),
    };
    let cache = match cache_selector(cache) {
        Some(selector) => topic_permissions::Cache::CacheSelector(selector),
        None => topic_permissions::Cache::AllCaches(permissions_type::All {}),
    };
    let kind = permissions_type::Kind::TopicPermissions(TopicPermissions {
        role: role as i32,
        cache: Some(cache),
        topic: Some(topic),
    });
    PermissionsType { kind: Some(kind) }
}

/// The selector of the cache named `cache` (`None` for every cache).
fn cache_selector(cache: Option<&str>) -> Option<CacheSelector> {
    cache.map(|name| CacheSelector {
        kind: Some(cache_selector::Kind::CacheName(name.to_owned())),
    })
}

/// A cache permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheGrant {
    /// The role allows reads.
    pub read: bool,
    /// The role allows writes.
    pub write: bool,
    /// Caches covered.
    pub cache: CacheSel,
    /// Items covered.
    pub items: ItemSel,
}

impl CacheGrant {
    fn allows(&self, access: CacheAccess) -> bool {
        (!access.needs_read() || self.read) && (!access.needs_write() || self.write)
    }
}

/// A topic permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicGrant {
    /// The role allows subscribing.
    pub subscribe: bool,
    /// The role allows publishing.
    pub publish: bool,
    /// Caches covered.
    pub cache: CacheSel,
    /// Topics covered.
    pub topic: TopicSel,
}

/// A token's permissions, decoded and validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everything, including the control plane and minting tokens.
    SuperUser,
    /// Only what the grants allow (never the control plane or minting).
    Explicit {
        /// Cache permissions.
        caches: Vec<CacheGrant>,
        /// Topic permissions.
        topics: Vec<TopicGrant>,
    },
}

/// Why a `Permissions` message or `p` claim is not a valid scope (the message is meant for an
/// `INVALID_ARGUMENT` answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPermissions(pub String);

impl std::fmt::Display for InvalidPermissions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Invalid permissions: {}", self.0)
    }
}

impl std::error::Error for InvalidPermissions {}

fn invalid(message: impl Into<String>) -> InvalidPermissions {
    InvalidPermissions(message.into())
}

/// The `p` claim for `permissions`: standard base64 (padded) of the encoded message.
pub fn encode_claim(permissions: &Permissions) -> String {
    STANDARD.encode(permissions.encode_to_vec())
}

/// `Permissions { super_user: SuperUser }`.
pub fn super_user_permissions() -> Permissions {
    Permissions {
        kind: Some(permissions::Kind::SuperUser(
            SuperUserPermissions::SuperUser as i32,
        )),
    }
}

fn cache_sel(cache: Option<CacheSelOneof<'_>>, what: &str) -> Result<CacheSel, InvalidPermissions> {
    match cache {
        Some(CacheSelOneof::All) => Ok(CacheSel::All),
        Some(CacheSelOneof::Selector(CacheSelector {
            kind: Some(cache_selector::Kind::CacheName(name)),
        })) if !name.is_empty() => Ok(CacheSel::Name(name.clone())),
        Some(CacheSelOneof::Selector(_)) => Err(invalid(format!(
            "{what}: cache_selector needs a non-empty cache_name"
        ))),
        None => Err(invalid(format!(
            "{what}: one of all_caches or cache_selector is required"
        ))),
    }
}

/// The `cache` oneof of the three grant kinds, unified.
enum CacheSelOneof<'a> {
    All,
    Selector(&'a CacheSelector),
}

/// Implements `From<&$grant::Cache>` for [`CacheSelOneof`], one grant kind's module each.
macro_rules! cache_sel_oneof {
    ($($grant:ident),*) => {$(
        impl<'a> From<&'a $grant::Cache> for CacheSelOneof<'a> {
            fn from(cache: &'a $grant::Cache) -> Self {
                match cache {
                    $grant::Cache::AllCaches(_) => Self::All,
                    $grant::Cache::CacheSelector(s) => Self::Selector(s),
                }
            }
        }
    )*};
}

cache_sel_oneof!(cache_permissions, topic_permissions, function_permissions);

/// A cache or topic role: none, read-write, read-only or write-only (for topics, read is
/// subscribe and write is publish).
trait Role: TryFrom<i32> + PartialEq + Copy {
    const READ_WRITE: Self;
    const READ_ONLY: Self;
    const WRITE_ONLY: Self;
}

impl Role for CacheRole {
    const READ_WRITE: Self = Self::CacheReadWrite;
    const READ_ONLY: Self = Self::CacheReadOnly;
    const WRITE_ONLY: Self = Self::CacheWriteOnly;
}

impl Role for TopicRole {
    const READ_WRITE: Self = Self::TopicReadWrite;
    const READ_ONLY: Self = Self::TopicReadOnly;
    const WRITE_ONLY: Self = Self::TopicWriteOnly;
}

/// `(read, write)` of the role numbered `role` (an error naming `what` for an unknown one).
fn rights<R: Role>(role: i32, what: &str) -> Result<(bool, bool), InvalidPermissions> {
    let role = R::try_from(role).map_err(|_| invalid(format!("{what}: unknown role {role}")))?;
    let read = role == R::READ_WRITE || role == R::READ_ONLY;
    let write = role == R::READ_WRITE || role == R::WRITE_ONLY;
    Ok((read, write))
}

impl Scope {
    /// Decodes a `p` claim (`None` or `""` = super user).
    pub fn from_claim(p: Option<&str>) -> Result<Self, InvalidPermissions> {
        let p = p.unwrap_or_default().trim();
        if p.is_empty() {
            return Ok(Self::SuperUser);
        }
        let bytes = STANDARD
            .decode(p)
            .or_else(|_| STANDARD_NO_PAD.decode(p.trim_end_matches('=')))
            .map_err(|_| invalid("the p claim is not base64"))?;
        let permissions = Permissions::decode(bytes.as_slice())
            .map_err(|_| invalid("the p claim is not an encoded Permissions message"))?;
        Self::from_permissions(&permissions)
    }

    /// The scope of `claims` (`None` when the server runs without authentication).
    pub fn of(claims: Option<&Claims>) -> Result<Option<Self>, Status> {
        claims
            .map(|claims| {
                Self::from_claim(claims.p.as_deref())
                    .map_err(|_| Status::unauthenticated("Malformed token: invalid permissions"))
            })
            .transpose()
    }

    /// Validates and decodes a `Permissions` message.
    pub fn from_permissions(permissions: &Permissions) -> Result<Self, InvalidPermissions> {
        let explicit = match &permissions.kind {
            None => return Err(invalid("one of super_user or explicit is required")),
            Some(permissions::Kind::SuperUser(value)) => {
                return if *value == SuperUserPermissions::SuperUser as i32 {
                    Ok(Self::SuperUser)
                } else {
                    Err(invalid(format!("unknown super_user value {value}")))
                };
            }
            Some(permissions::Kind::Explicit(explicit)) => explicit,
        };
        let mut caches = Vec::new();
        let mut topics = Vec::new();
        for (index, grant) in explicit.permissions.iter().enumerate() {
            let what = |kind: &str| format!("permissions[{index}].{kind}");
            match &grant.kind {
                None => {
                    return Err(invalid(format!(
                        "permissions[{index}]: one of cache_permissions, topic_permissions or \
                         function_permissions is required"
                    )))
                }
                Some(permissions_type::Kind::CachePermissions(p)) => {
                    caches.push(cache_grant(p, &what("cache_permissions"))?);
                }
                Some(permissions_type::Kind::TopicPermissions(p)) => {
                    topics.push(topic_grant(p, &what("topic_permissions"))?);
                }
                Some(permissions_type::Kind::FunctionPermissions(p)) => {
                    check_function_grant(p, &what("function_permissions"))?;
                }
            }
        }
        if explicit.permissions.is_empty() {
            return Err(invalid(
                "explicit permissions must name at least one permission",
            ));
        }
        check_distinct(caches.iter().map(|g| (&g.cache, &g.items)), "cache")?;
        check_distinct(topics.iter().map(|g| (&g.cache, &g.topic)), "topic")?;
        Ok(Self::Explicit { caches, topics })
    }

    /// Whether this is [`Scope::SuperUser`].
    pub fn is_super_user(&self) -> bool {
        matches!(self, Self::SuperUser)
    }
}

/// Decodes one `cache_permissions` grant (`what` names it in errors).
fn cache_grant(p: &CachePermissions, what: &str) -> Result<CacheGrant, InvalidPermissions> {
    let (read, write) = rights::<CacheRole>(p.role, what)?;
    let cache = cache_sel(p.cache.as_ref().map(Into::into), what)?;
    let items = match &p.cache_item {
        None | Some(cache_permissions::CacheItem::AllItems(_)) => ItemSel::All,
        Some(cache_permissions::CacheItem::ItemSelector(s)) => match &s.kind {
            Some(cache_item_selector::Kind::Key(key)) => ItemSel::Exact(key.clone()),
            Some(cache_item_selector::Kind::KeyPrefix(prefix)) => ItemSel::Prefix(prefix.clone()),
            None => {
                return Err(invalid(format!(
                    "{what}: item_selector needs key or key_prefix"
                )))
            }
        },
    };
    Ok(CacheGrant {
        read,
        write,
        cache,
        items,
    })
}

/// Decodes one `topic_permissions` grant (`what` names it in errors).
fn topic_grant(p: &TopicPermissions, what: &str) -> Result<TopicGrant, InvalidPermissions> {
    let (subscribe, publish) = rights::<TopicRole>(p.role, what)?;
    let cache = cache_sel(p.cache.as_ref().map(Into::into), what)?;
    let topic = match &p.topic {
        Some(topic_permissions::Topic::AllTopics(_)) => TopicSel::All,
        Some(topic_permissions::Topic::TopicSelector(s)) => match &s.kind {
            Some(topic_selector::Kind::TopicName(name)) if !name.is_empty() => {
                TopicSel::Exact(name.clone())
            }
            Some(topic_selector::Kind::TopicNamePrefix(prefix)) => TopicSel::Prefix(prefix.clone()),
            _ => {
                return Err(invalid(format!(
                    "{what}: topic_selector needs a non-empty topic_name or a \
                     topic_name_prefix"
                )))
            }
        },
        None => {
            return Err(invalid(format!(
                "{what}: one of all_topics or topic_selector is required"
            )))
        }
    };
    Ok(TopicGrant {
        subscribe,
        publish,
        cache,
        topic,
    })
}

/// Validates one `function_permissions` grant (`what` names it in errors); the server serves
/// no functions, so it grants nothing.
fn check_function_grant(p: &FunctionPermissions, what: &str) -> Result<(), InvalidPermissions> {
    if FunctionRole::try_from(p.role).is_err() {
        return Err(invalid(format!("{what}: unknown role {}", p.role)));
    }
    cache_sel(p.cache.as_ref().map(Into::into), what)?;
    match &p.function {
        Some(function_permissions::Function::AllFunctions(_)) => {}
        Some(function_permissions::Function::FunctionSelector(s))
            if matches!(
                &s.kind,
                Some(function_selector::Kind::FunctionName(_))
                    | Some(function_selector::Kind::FunctionNamePrefix(_))
            ) => {}
        _ => {
            return Err(invalid(format!(
                "{what}: one of all_functions or function_selector (with a name \
                 or prefix) is required"
            )))
        }
    }
    Ok(())
}

/// Refuses two grants of one kind (`what`) on the same resource, identical or with conflicting
/// roles, as Momento does: `(cache, items)` for cache grants, `(cache, topic)` for topic grants.
fn check_distinct<'a, T: PartialEq + 'a>(
    resources: impl Iterator<Item = (&'a CacheSel, &'a T)>,
    what: &str,
) -> Result<(), InvalidPermissions> {
    let resources: Vec<_> = resources.collect();
    for (index, resource) in resources.iter().enumerate() {
        if resources
            .get(..index)
            .unwrap_or_default()
            .contains(resource)
        {
            return Err(invalid(format!(
                "two {what} permissions name the same {what}s; give each {what} one role"
            )));
        }
    }
    Ok(())
}

/// `PERMISSION_DENIED` with the standard prefix.
fn denied(message: String) -> Status {
    Status::permission_denied(format!("Insufficient permissions: {message}"))
}

/// A key for an error message: lossy UTF-8, at most 64 characters, quoted and escaped.
fn show_key(key: &[u8]) -> String {
    let text = String::from_utf8_lossy(key);
    let mut shown: String = text.chars().take(64).collect();
    if text.chars().count() > 64 {
        shown.push('…');
    }
    format!("{shown:?}")
}

/// Checks `touches` (access, key) against `scope` for `cache`. With no touches, the grant must
/// cover every item (`all_items`) for `access`.
fn check_cache_access<'k>(
    scope: &Scope,
    rpc: &str,
    cache: &str,
    access: CacheAccess,
    touches: impl IntoIterator<Item = (CacheAccess, &'k [u8])>,
) -> Result<(), Status> {
    let Scope::Explicit { caches, .. } = scope else {
        return Ok(());
    };
    let on_cache: Vec<&CacheGrant> = caches.iter().filter(|g| g.cache.matches(cache)).collect();
    let cache_denied = |access: CacheAccess| {
        denied(format!(
            "{rpc} needs {} access to cache {cache:?}",
            access.describe()
        ))
    };
    let mut touched_any = false;
    for (access, key) in touches {
        touched_any = true;
        let can = |role_ok: fn(&CacheGrant) -> bool| {
            on_cache.iter().any(|g| role_ok(g) && g.items.matches(key))
        };
        let read_ok = !access.needs_read() || can(|g| g.read);
        let write_ok = !access.needs_write() || can(|g| g.write);
        if !(read_ok && write_ok) {
            let role_anywhere = (!access.needs_read() || on_cache.iter().any(|g| g.read))
                && (!access.needs_write() || on_cache.iter().any(|g| g.write));
            return Err(if role_anywhere {
                denied(format!(
                    "{rpc} needs {} access to key {} in cache {cache:?}",
                    access.describe(),
                    show_key(key)
                ))
            } else {
                cache_denied(access)
            });
        }
    }
    if !touched_any
        && !on_cache
            .iter()
            .any(|g| g.allows(access) && g.items == ItemSel::All)
    {
        return Err(cache_denied(access));
    }
    Ok(())
}

/// Authorizes `rpc` (a leaderboard RPC; its access class from the RPC table, its name in the
/// denial message) on `keys` of `cache` (the leaderboard name as the only key). No claims
/// (server without authentication) and super users always pass; an empty `keys` needs a grant
/// covering all items of the cache. Failures are `PERMISSION_DENIED`.
pub fn authorize_cache<'k>(
    claims: Option<&Claims>,
    rpc: Rpc,
    cache: &str,
    keys: impl IntoIterator<Item = &'k [u8]>,
) -> Result<(), Status> {
    let Some(scope) = Scope::of(claims)? else {
        return Ok(());
    };
    let access = CacheAccess::of(rpc);
    let touches = keys.into_iter().map(|key| (access, key));
    check_cache_access(&scope, rpc.method(), cache, access, touches)
}

/// Authorizes a decoded data-plane request (see the table in the module docs).
pub fn authorize_scs<R: ScsRequest>(
    claims: Option<&Claims>,
    cache: &str,
    request: &R,
) -> Result<(), Status> {
    let Some(scope) = Scope::of(claims)? else {
        return Ok(());
    };
    let access = request.access();
    let touches = request.keys().into_iter().map(|key| (access, key)).chain(
        request
            .read_keys()
            .into_iter()
            .map(|key| (CacheAccess::Read, key)),
    );
    check_cache_access(&scope, R::RPC.method(), cache, access, touches)
}

/// Authorizes `rpc` ([`Rpc::Publish`] or [`Rpc::Subscribe`]) on `topic` of `cache`. No claims and
/// super users always pass. Failures are `PERMISSION_DENIED`.
pub fn authorize_topic(
    claims: Option<&Claims>,
    rpc: Rpc,
    cache: &str,
    topic: &str,
) -> Result<(), Status> {
    let Some(Scope::Explicit { topics, .. }) = Scope::of(claims)? else {
        return Ok(());
    };
    let (role_allows, access): (fn(&TopicGrant) -> bool, _) = match rpc.access() {
        Access::Publish => (|g| g.publish, "publish"),
        _ => (|g| g.subscribe, "subscribe"),
    };
    if topics
        .iter()
        .any(|g| g.cache.matches(cache) && g.topic.matches(topic.as_bytes()) && role_allows(g))
    {
        return Ok(());
    }
    Err(denied(format!(
        "{} needs {access} access to topic {topic:?} in cache {cache:?}",
        rpc.method()
    )))
}

/// Authorizes a control-plane or webhook call by its RPC's access class: a super user for
/// [`Access::SuperUser`] (and any class but [`Access::AnyToken`], whose reply the service
/// filters, see [`cache_visible`]). No claims always pass.
pub fn authorize_control(claims: Option<&Claims>, rpc: Rpc) -> Result<(), Status> {
    match rpc.access() {
        Access::AnyToken => Ok(()),
        _ => authorize_super_user(claims, rpc),
    }
}

/// Requires a super user (control plane, minting). No claims always pass.
pub fn authorize_super_user(claims: Option<&Claims>, rpc: Rpc) -> Result<(), Status> {
    match Scope::of(claims)? {
        None | Some(Scope::SuperUser) => Ok(()),
        Some(Scope::Explicit { .. }) => Err(denied(format!(
            "{} needs a super-user key; this token has explicit (scoped) permissions",
            rpc.method()
        ))),
    }
}

/// Authorizes the holder of `caller` (a token of `kind`) to mint a token with `requested`
/// permissions (`Auth.GenerateApiToken`, `Token.GenerateDisposableToken`; `None` when they are
/// invalid, which the caller answers afterwards), as Momento does:
/// - root keys (no `p` claim: `--key-file`, `momento-server key` without scope flags, v2 keys
///   without scope) may mint anything;
/// - super-user API keys (minted with `super_user`, so their `p` claim says so) may mint
///   anything but super-user keys;
/// - legacy auth tokens and scoped tokens may not mint.
///
/// No claims (`--auth none`) always pass. Failures are `PERMISSION_DENIED`.
pub fn authorize_mint(
    caller: Option<&Claims>,
    kind: TokenKind,
    requested: Option<&Scope>,
    rpc: Rpc,
) -> Result<(), Status> {
    let Some(claims) = caller else {
        return Ok(());
    };
    let method = rpc.method();
    if kind == TokenKind::Legacy {
        return Err(denied(format!(
            "{method} is not available to legacy auth tokens; use an API key"
        )));
    }
    authorize_super_user(Some(claims), rpc)?;
    let root = claims.p.as_deref().is_none_or(|p| p.trim().is_empty());
    if !root && requested.is_some_and(Scope::is_super_user) {
        return Err(denied(format!(
            "{method}: a super-user API key cannot mint super-user keys; use the root key"
        )));
    }
    Ok(())
}

/// Whether `ListCaches` shows `cache` to the holder of `claims`: always for super users and
/// without authentication; for scoped tokens when some cache or topic grant with a non-`None`
/// role covers it.
pub fn cache_visible(claims: Option<&Claims>, cache: &str) -> bool {
    match Scope::of(claims) {
        Ok(None | Some(Scope::SuperUser)) => true,
        Ok(Some(Scope::Explicit { caches, topics })) => {
            caches
                .iter()
                .any(|g| (g.read || g.write) && g.cache.matches(cache))
                || topics
                    .iter()
                    .any(|g| (g.publish || g.subscribe) && g.cache.matches(cache))
        }
        Err(_) => false,
    }
}

/// A decoded `cache_client.Scs` request: the keys it touches. Its RPC, access class and whether
/// its reply carries stored data come from the RPC table ([`momento_proto::rpc::RpcDef`]).
pub trait ScsRequest: RpcRequest {
    /// What the RPC does with [`ScsRequest::keys`]: its access class
    /// ([`momento_proto::rpc::RpcDef::access`]), but for `SetIfHash`, which only writes with the
    /// `unconditional` condition.
    fn access(&self) -> CacheAccess {
        CacheAccess::of(Self::RPC)
    }

    /// Keys (collection names for collection RPCs) accessed with [`ScsRequest::access`].
    fn keys(&self) -> Vec<&[u8]>;

    /// Further keys that are only read (the sources of `SortedSetUnionStore`).
    fn read_keys(&self) -> Vec<&[u8]> {
        Vec::new()
    }
}

/// Implements [`ScsRequest`] for requests with one key field.
macro_rules! scs_one_key {
    ($($field:ident: $($ty:ident),+;)*) => {
        $($(
            impl ScsRequest for $ty {
                fn keys(&self) -> Vec<&[u8]> {
                    vec![self.$field.as_slice()]
                }
            }
        )+)*
    };
}

scs_one_key! {
    cache_key: GetRequest, GetWithHashRequest, ItemGetTtlRequest, ItemGetTypeRequest, SetRequest,
        DeleteRequest, IncrementRequest, UpdateTtlRequest, SetIfRequest, SetIfNotExistsRequest;
    dictionary_name: DictionaryGetRequest, DictionaryFetchRequest, DictionaryLengthRequest,
        DictionarySetRequest, DictionaryIncrementRequest, DictionaryDeleteRequest;
    set_name: SetFetchRequest, SetSampleRequest, SetContainsRequest, SetLengthRequest,
        SetUnionRequest, SetDifferenceRequest, SetPopRequest;
    list_name: ListFetchRequest, ListLengthRequest, ListPushFrontRequest, ListPushBackRequest,
        ListConcatenateFrontRequest, ListConcatenateBackRequest, ListEraseRequest,
        ListRemoveRequest, ListRetainRequest, ListPopFrontRequest, ListPopBackRequest;
    set_name: SortedSetFetchRequest, SortedSetGetScoreRequest, SortedSetGetRankRequest,
        SortedSetLengthRequest, SortedSetLengthByScoreRequest, SortedSetPutRequest,
        SortedSetRemoveRequest, SortedSetIncrementRequest;
}

impl ScsRequest for SetIfHashRequest {
    fn access(&self) -> CacheAccess {
        match self.condition {
            Some(set_if_hash_request::Condition::Unconditional(_)) => CacheAccess::Write,
            _ => CacheAccess::ReadWrite,
        }
    }

    fn keys(&self) -> Vec<&[u8]> {
        vec![self.cache_key.as_slice()]
    }
}

impl ScsRequest for GetBatchRequest {
    fn keys(&self) -> Vec<&[u8]> {
        self.items.iter().map(|i| i.cache_key.as_slice()).collect()
    }
}

impl ScsRequest for SetBatchRequest {
    fn keys(&self) -> Vec<&[u8]> {
        self.items.iter().map(|i| i.cache_key.as_slice()).collect()
    }
}

impl ScsRequest for KeysExistRequest {
    fn keys(&self) -> Vec<&[u8]> {
        self.cache_keys.iter().map(Vec::as_slice).collect()
    }
}

impl ScsRequest for SortedSetUnionStoreRequest {
    fn keys(&self) -> Vec<&[u8]> {
        vec![self.set_name.as_slice()]
    }

    fn read_keys(&self) -> Vec<&[u8]> {
        self.sources.iter().map(|s| s.set_name.as_slice()).collect()
    }
}

#[cfg(test)]
impl Scope {
    /// One read-only grant on cache `cache` for the keys starting with `prefix`, no topics.
    pub(crate) fn read_only_prefix(cache: &str, prefix: &[u8]) -> Self {
        Self::Explicit {
            caches: vec![CacheGrant {
                read: true,
                write: false,
                cache: CacheSel::Name(cache.into()),
                items: ItemSel::Prefix(prefix.to_vec()),
            }],
            topics: vec![],
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    use momento_proto::permission_messages::{ExplicitPermissions, PermissionsType};
    use tonic::Code;

    fn cache_grant(
        role: CacheRole,
        cache: Option<&str>,
        items: Option<ItemSel>,
    ) -> PermissionsType {
        cache_permission(role, cache, items.as_ref())
    }

    fn topic_grant(role: TopicRole, cache: &str, topic: TopicSel) -> PermissionsType {
        topic_permission(role, Some(cache), &topic)
    }

    fn claims_with(grants: Vec<PermissionsType>) -> Claims {
        let p = Permissions {
            kind: Some(permissions::Kind::Explicit(ExplicitPermissions {
                permissions: grants,
            })),
        };
        Claims::new("t", None, Some(encode_claim(&p)), None)
    }

    #[test]
    fn claim_round_trip_and_root() {
        assert_eq!(Scope::from_claim(None).unwrap(), Scope::SuperUser);
        assert_eq!(Scope::from_claim(Some("")).unwrap(), Scope::SuperUser);
        assert_eq!(
            Scope::from_claim(Some(&encode_claim(&super_user_permissions()))).unwrap(),
            Scope::SuperUser
        );
        let claims = claims_with(vec![cache_grant(
            CacheRole::CacheReadOnly,
            Some("c"),
            Some(ItemSel::Prefix(b"k".to_vec())),
        )]);
        assert_eq!(
            Scope::from_claim(claims.p.as_deref()).unwrap(),
            Scope::read_only_prefix("c", b"k")
        );
        assert!(Scope::from_claim(Some("!!")).is_err());
        assert!(Scope::from_permissions(&Permissions { kind: None }).is_err());
    }

    #[test]
    fn documented_claim_example() {
        // The example in the `auth` module docs.
        let claims = claims_with(vec![cache_grant(
            CacheRole::CacheReadOnly,
            Some("c"),
            Some(ItemSel::All),
        )]);
        assert_eq!(claims.p.as_deref(), Some("Eg0KCwoJCAIaAwoBYyIA"));
    }

    #[test]
    fn cache_checks() {
        let claims = claims_with(vec![
            cache_grant(
                CacheRole::CacheReadOnly,
                Some("c"),
                Some(ItemSel::Exact(b"a".to_vec())),
            ),
            cache_grant(
                CacheRole::CacheWriteOnly,
                Some("c"),
                Some(ItemSel::Prefix(b"w".to_vec())),
            ),
        ]);
        let c = Some(&claims);
        let ok = |rpc, keys: &[&[u8]]| authorize_cache(c, rpc, "c", keys.iter().copied());
        assert!(ok(Rpc::Get, &[b"a"]).is_ok());
        assert_eq!(
            ok(Rpc::Set, &[b"a"]).unwrap_err().code(),
            Code::PermissionDenied
        );
        assert!(ok(Rpc::Set, &[b"w1", b"w2"]).is_ok());
        assert!(ok(Rpc::Set, &[b"w1", b"x"]).is_err());
        assert!(ok(Rpc::Increment, &[b"w1"]).is_err());
        // Empty key lists need all_items.
        assert!(ok(Rpc::Get, &[]).is_err());
        let other = authorize_cache(c, Rpc::Get, "d", [b"a".as_slice()]).unwrap_err();
        assert!(
            other.message().contains("cache \"d\""),
            "{}",
            other.message()
        );
        // Without claims (no auth) and for root everything passes.
        assert!(authorize_cache(None, Rpc::Increment, "d", []).is_ok());
        let root = Claims::root(None);
        assert!(authorize_cache(Some(&root), Rpc::Increment, "d", []).is_ok());
        assert!(authorize_super_user(Some(&root), Rpc::CreateCache).is_ok());
        assert!(authorize_super_user(c, Rpc::CreateCache).is_err());
        assert!(cache_visible(c, "c"));
        assert!(!cache_visible(c, "d"));
    }

    #[test]
    fn union_store_reads_sources() {
        use momento_proto::cache_client::sorted_set_union_store_request::Source;
        let claims = claims_with(vec![cache_grant(
            CacheRole::CacheWriteOnly,
            Some("c"),
            None,
        )]);
        let request = SortedSetUnionStoreRequest {
            set_name: b"dst".to_vec(),
            sources: vec![Source {
                set_name: b"src".to_vec(),
                weight: 1.0,
            }],
            ..Default::default()
        };
        let err = authorize_scs(Some(&claims), "c", &request).unwrap_err();
        assert_eq!(err.code(), Code::PermissionDenied);
        assert!(err.message().contains("SortedSetUnionStore"));
    }

    #[test]
    fn topic_checks() {
        let claims = claims_with(vec![
            topic_grant(TopicRole::TopicReadOnly, "c", TopicSel::Exact("t".into())),
            topic_grant(
                TopicRole::TopicWriteOnly,
                "c",
                TopicSel::Prefix("p-".into()),
            ),
        ]);
        let c = Some(&claims);
        assert!(authorize_topic(c, Rpc::Subscribe, "c", "t").is_ok());
        assert!(authorize_topic(c, Rpc::Publish, "c", "t").is_err());
        assert!(authorize_topic(c, Rpc::Publish, "c", "p-1").is_ok());
        assert!(authorize_topic(c, Rpc::Subscribe, "c", "p-1").is_err());
        assert!(authorize_topic(c, Rpc::Subscribe, "d", "t").is_err());
        assert!(authorize_topic(None, Rpc::Publish, "d", "t").is_ok());
        assert!(cache_visible(c, "c"));
        // Topic grants give no data-plane access.
        assert!(authorize_cache(c, Rpc::Get, "c", [b"t".as_slice()]).is_err());
    }
}
