//! The permission scope model of API keys and disposable tokens, and its mapping to
//! `permission_messages.Permissions` (`momento-protocol.md` §3.4, §6.3).
//!
//! One model serves both `PermissionScope` (generateApiKey) and `DisposableTokenScope` (generateDisposableToken):
//! a cache permission with an item selector is the disposable-token form. Roles map as the official SDKs do:
//! cache ReadWrite/ReadOnly/WriteOnly → CacheReadWrite/CacheReadOnly/CacheWriteOnly, topic
//! PublishSubscribe/SubscribeOnly/PublishOnly → TopicReadWrite/TopicReadOnly/TopicWriteOnly, function
//! PermitNone/Invoke → FunctionPermitNone/FunctionInvoke.

use momento_proto::permission_messages::permissions_type::{
    cache_item_selector, cache_permissions, cache_selector, function_permissions,
    function_selector, topic_permissions, topic_selector, All, CacheItemSelector, CachePermissions,
    CacheSelector as ProtoCacheSelector, FunctionPermissions,
    FunctionSelector as ProtoFunctionSelector, Kind, TopicPermissions,
    TopicSelector as ProtoTopicSelector,
};
use momento_proto::permission_messages::{
    permissions, CacheRole as ProtoCacheRole, ExplicitPermissions,
    FunctionRole as ProtoFunctionRole, Permissions, PermissionsType, SuperUserPermissions,
    TopicRole as ProtoTopicRole,
};

use crate::core::error::MomentoError;

/// What a cache permission allows (`CacheRole` in the JS SDK: `'readwrite'`, `'readonly'`, `'writeonly'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheRole {
    /// Read and write.
    ReadWrite,
    /// Read only.
    ReadOnly,
    /// Write only (no conditional writes).
    WriteOnly,
}

/// What a topic permission allows (`TopicRole`: `'publishsubscribe'`, `'subscribeonly'`, `'publishonly'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicRole {
    /// Publish and subscribe.
    PublishSubscribe,
    /// Subscribe only.
    SubscribeOnly,
    /// Publish only.
    PublishOnly,
}

/// What a function permission allows (`FunctionRole`: `'functionpermitnone'`, `'functioninvoke'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionRole {
    /// Nothing.
    PermitNone,
    /// Invoke.
    Invoke,
}

/// Which caches a permission covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheSelector {
    /// Every cache (`AllCaches`).
    All,
    /// One cache by name.
    Name(String),
}

/// Which topics a topic permission covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicSelector {
    /// Every topic (`AllTopics`).
    All,
    /// One topic by name.
    Name(String),
}

/// Which functions a function permission covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunctionSelector {
    /// Every function (`AllFunctions`).
    All,
    /// One function by name.
    Name(String),
    /// Functions whose names start with this prefix.
    NamePrefix(String),
}

/// Which items of the selected caches a disposable token's cache permission covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemSelector {
    /// Every item (`AllCacheItems`).
    All,
    /// One key.
    Key(Vec<u8>),
    /// Keys starting with this prefix.
    KeyPrefix(Vec<u8>),
}

/// One permission of an explicit scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permission {
    /// Access to cache items; `item` is set for disposable-token permissions (`None` = no item restriction).
    Cache {
        /// What is allowed.
        role: CacheRole,
        /// Which caches.
        cache: CacheSelector,
        /// Which items (disposable tokens only).
        item: Option<ItemSelector>,
    },
    /// Access to topics.
    Topic {
        /// What is allowed.
        role: TopicRole,
        /// Which caches.
        cache: CacheSelector,
        /// Which topics.
        topic: TopicSelector,
    },
    /// Access to functions.
    Function {
        /// What is allowed.
        role: FunctionRole,
        /// Which caches.
        cache: CacheSelector,
        /// Which functions.
        function: FunctionSelector,
    },
}

/// A token scope: super user, or a list of explicit permissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every permission (only API keys, never disposable tokens; not reachable from the JS API).
    SuperUser,
    /// Exactly these permissions.
    Explicit(Vec<Permission>),
}

impl Scope {
    /// Validates the scope: item keys and prefixes must not be empty, names must not be empty.
    pub fn validate(&self) -> Result<(), MomentoError> {
        let Scope::Explicit(permissions) = self else {
            return Ok(());
        };
        for p in permissions {
            let cache = match p {
                Permission::Cache { cache, item, .. } => {
                    if let Some(ItemSelector::Key(k) | ItemSelector::KeyPrefix(k)) = item {
                        if k.is_empty() {
                            return Err(MomentoError::invalid_argument(
                                "cache key or key prefix must not be empty",
                            ));
                        }
                    }
                    cache
                }
                Permission::Topic { cache, topic, .. } => {
                    if let TopicSelector::Name(n) = topic {
                        crate::core::validation::name("topic", n)?;
                    }
                    cache
                }
                Permission::Function { cache, .. } => cache,
            };
            if let CacheSelector::Name(n) = cache {
                crate::core::validation::cache_name(n)?;
            }
        }
        Ok(())
    }

    /// The `permission_messages.Permissions` message for this scope.
    pub fn into_proto(self) -> Permissions {
        let kind = match self {
            Scope::SuperUser => {
                permissions::Kind::SuperUser(SuperUserPermissions::SuperUser as i32)
            }
            Scope::Explicit(list) => permissions::Kind::Explicit(ExplicitPermissions {
                permissions: list.into_iter().map(permission_to_proto).collect(),
            }),
        };
        Permissions { kind: Some(kind) }
    }
}

fn cache_selector(cache: CacheSelector) -> Result<All, ProtoCacheSelector> {
    match cache {
        CacheSelector::All => Ok(All {}),
        CacheSelector::Name(n) => Err(ProtoCacheSelector {
            kind: Some(cache_selector::Kind::CacheName(n)),
        }),
    }
}

fn permission_to_proto(p: Permission) -> PermissionsType {
    let kind = match p {
        Permission::Cache { role, cache, item } => {
            let role = match role {
                CacheRole::ReadWrite => ProtoCacheRole::CacheReadWrite,
                CacheRole::ReadOnly => ProtoCacheRole::CacheReadOnly,
                CacheRole::WriteOnly => ProtoCacheRole::CacheWriteOnly,
            };
            let cache = match cache_selector(cache) {
                Ok(all) => cache_permissions::Cache::AllCaches(all),
                Err(s) => cache_permissions::Cache::CacheSelector(s),
            };
            let cache_item = item.map(|item| match item {
                ItemSelector::All => cache_permissions::CacheItem::AllItems(All {}),
                ItemSelector::Key(k) => {
                    cache_permissions::CacheItem::ItemSelector(CacheItemSelector {
                        kind: Some(cache_item_selector::Kind::Key(k)),
                    })
                }
                ItemSelector::KeyPrefix(k) => {
                    cache_permissions::CacheItem::ItemSelector(CacheItemSelector {
                        kind: Some(cache_item_selector::Kind::KeyPrefix(k)),
                    })
                }
            });
            Kind::CachePermissions(CachePermissions {
                role: role as i32,
                cache: Some(cache),
                cache_item,
            })
        }
        Permission::Topic { role, cache, topic } => {
            let role = match role {
                TopicRole::PublishSubscribe => ProtoTopicRole::TopicReadWrite,
                TopicRole::SubscribeOnly => ProtoTopicRole::TopicReadOnly,
                TopicRole::PublishOnly => ProtoTopicRole::TopicWriteOnly,
            };
            let cache = match cache_selector(cache) {
                Ok(all) => topic_permissions::Cache::AllCaches(all),
                Err(s) => topic_permissions::Cache::CacheSelector(s),
            };
            let topic = match topic {
                TopicSelector::All => topic_permissions::Topic::AllTopics(All {}),
                TopicSelector::Name(n) => {
                    topic_permissions::Topic::TopicSelector(ProtoTopicSelector {
                        kind: Some(topic_selector::Kind::TopicName(n)),
                    })
                }
            };
            Kind::TopicPermissions(TopicPermissions {
                role: role as i32,
                cache: Some(cache),
                topic: Some(topic),
            })
        }
        Permission::Function {
            role,
            cache,
            function,
        } => {
            let role = match role {
                FunctionRole::PermitNone => ProtoFunctionRole::FunctionPermitNone,
                FunctionRole::Invoke => ProtoFunctionRole::FunctionInvoke,
            };
            let cache = match cache_selector(cache) {
                Ok(all) => function_permissions::Cache::AllCaches(all),
                Err(s) => function_permissions::Cache::CacheSelector(s),
            };
            let selector = |kind| {
                function_permissions::Function::FunctionSelector(ProtoFunctionSelector {
                    kind: Some(kind),
                })
            };
            let function = match function {
                FunctionSelector::All => function_permissions::Function::AllFunctions(All {}),
                FunctionSelector::Name(n) => selector(function_selector::Kind::FunctionName(n)),
                FunctionSelector::NamePrefix(p) => {
                    selector(function_selector::Kind::FunctionNamePrefix(p))
                }
            };
            Kind::FunctionPermissions(FunctionPermissions {
                role: role as i32,
                cache: Some(cache),
                function: Some(function),
            })
        }
    };
    PermissionsType { kind: Some(kind) }
}

impl CacheRole {
    /// Parses the JS `CacheRole` value (`'readwrite'`, `'readonly'`, `'writeonly'`).
    pub fn parse(s: &str) -> Result<Self, MomentoError> {
        match s {
            "readwrite" => Ok(Self::ReadWrite),
            "readonly" => Ok(Self::ReadOnly),
            "writeonly" => Ok(Self::WriteOnly),
            other => Err(MomentoError::invalid_argument(format!(
                "Unrecognized cache role: {other}"
            ))),
        }
    }
}

impl TopicRole {
    /// Parses the JS `TopicRole` value (`'publishsubscribe'`, `'subscribeonly'`, `'publishonly'`).
    pub fn parse(s: &str) -> Result<Self, MomentoError> {
        match s {
            "publishsubscribe" => Ok(Self::PublishSubscribe),
            "subscribeonly" => Ok(Self::SubscribeOnly),
            "publishonly" => Ok(Self::PublishOnly),
            other => Err(MomentoError::invalid_argument(format!(
                "Unrecognized topic role: {other}"
            ))),
        }
    }
}

impl FunctionRole {
    /// Parses the JS `FunctionRole` value (`'functionpermitnone'`, `'functioninvoke'`).
    pub fn parse(s: &str) -> Result<Self, MomentoError> {
        match s {
            "functionpermitnone" => Ok(Self::PermitNone),
            "functioninvoke" => Ok(Self::Invoke),
            other => Err(MomentoError::invalid_argument(format!(
                "Unrecognized function role: {other}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(scope: Scope) -> Vec<Kind> {
        match scope.into_proto().kind {
            Some(permissions::Kind::Explicit(e)) => {
                e.permissions.into_iter().filter_map(|p| p.kind).collect()
            }
            other => panic!("not explicit: {other:?}"),
        }
    }

    #[test]
    fn disposable_key_prefix_scope() {
        let scope = Scope::Explicit(vec![Permission::Cache {
            role: CacheRole::ReadWrite,
            cache: CacheSelector::Name("c".into()),
            item: Some(ItemSelector::KeyPrefix(b"user-1:".to_vec())),
        }]);
        assert!(scope.validate().is_ok());
        let k = kinds(scope);
        let [Kind::CachePermissions(p)] = k.as_slice() else {
            panic!("{k:?}")
        };
        assert_eq!(p.role, ProtoCacheRole::CacheReadWrite as i32);
        assert_eq!(
            p.cache,
            Some(cache_permissions::Cache::CacheSelector(
                ProtoCacheSelector {
                    kind: Some(cache_selector::Kind::CacheName("c".into()))
                }
            ))
        );
        assert_eq!(
            p.cache_item,
            Some(cache_permissions::CacheItem::ItemSelector(
                CacheItemSelector {
                    kind: Some(cache_item_selector::Kind::KeyPrefix(b"user-1:".to_vec()))
                }
            ))
        );
    }

    #[test]
    fn all_data_read_write() {
        let scope = Scope::Explicit(vec![
            Permission::Cache {
                role: CacheRole::ReadWrite,
                cache: CacheSelector::All,
                item: None,
            },
            Permission::Topic {
                role: TopicRole::PublishSubscribe,
                cache: CacheSelector::All,
                topic: TopicSelector::All,
            },
            Permission::Function {
                role: FunctionRole::Invoke,
                cache: CacheSelector::All,
                function: FunctionSelector::All,
            },
        ]);
        let k = kinds(scope);
        assert_eq!(k.len(), 3);
        let Kind::CachePermissions(c) = &k[0] else {
            panic!()
        };
        assert_eq!(c.cache, Some(cache_permissions::Cache::AllCaches(All {})));
        assert_eq!(c.cache_item, None);
        let Kind::TopicPermissions(t) = &k[1] else {
            panic!()
        };
        assert_eq!(t.role, ProtoTopicRole::TopicReadWrite as i32);
        assert_eq!(t.topic, Some(topic_permissions::Topic::AllTopics(All {})));
        let Kind::FunctionPermissions(f) = &k[2] else {
            panic!()
        };
        assert_eq!(f.role, ProtoFunctionRole::FunctionInvoke as i32);
    }

    #[test]
    fn roles_and_selectors() {
        let k = kinds(Scope::Explicit(vec![
            Permission::Topic {
                role: TopicRole::SubscribeOnly,
                cache: CacheSelector::Name("c".into()),
                topic: TopicSelector::Name("t".into()),
            },
            Permission::Function {
                role: FunctionRole::PermitNone,
                cache: CacheSelector::All,
                function: FunctionSelector::NamePrefix("f-".into()),
            },
            Permission::Cache {
                role: CacheRole::WriteOnly,
                cache: CacheSelector::All,
                item: Some(ItemSelector::Key(b"k".to_vec())),
            },
        ]));
        let Kind::TopicPermissions(t) = &k[0] else {
            panic!()
        };
        assert_eq!(t.role, ProtoTopicRole::TopicReadOnly as i32);
        assert_eq!(
            t.topic,
            Some(topic_permissions::Topic::TopicSelector(
                ProtoTopicSelector {
                    kind: Some(topic_selector::Kind::TopicName("t".into()))
                }
            ))
        );
        let Kind::FunctionPermissions(f) = &k[1] else {
            panic!()
        };
        assert_eq!(f.role, ProtoFunctionRole::FunctionPermitNone as i32);
        let Kind::CachePermissions(c) = &k[2] else {
            panic!()
        };
        assert_eq!(c.role, ProtoCacheRole::CacheWriteOnly as i32);
        assert_eq!(
            Scope::SuperUser.into_proto().kind,
            Some(permissions::Kind::SuperUser(0))
        );
    }

    #[test]
    fn validation_and_parsing() {
        let empty_key = Scope::Explicit(vec![Permission::Cache {
            role: CacheRole::ReadOnly,
            cache: CacheSelector::All,
            item: Some(ItemSelector::KeyPrefix(vec![])),
        }]);
        assert_eq!(
            empty_key.validate().unwrap_err().message,
            "cache key or key prefix must not be empty"
        );
        let empty_cache = Scope::Explicit(vec![Permission::Cache {
            role: CacheRole::ReadOnly,
            cache: CacheSelector::Name(" ".into()),
            item: None,
        }]);
        assert_eq!(
            empty_cache.validate().unwrap_err().message,
            "cache name must not be empty"
        );
        assert_eq!(CacheRole::parse("readonly").unwrap(), CacheRole::ReadOnly);
        assert_eq!(
            TopicRole::parse("publishonly").unwrap(),
            TopicRole::PublishOnly
        );
        assert_eq!(
            FunctionRole::parse("functioninvoke").unwrap(),
            FunctionRole::Invoke
        );
        assert_eq!(
            CacheRole::parse("admin").unwrap_err().message,
            "Unrecognized cache role: admin"
        );
    }
}
