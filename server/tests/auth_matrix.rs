//! Token and Auth services and per-request permission enforcement, over real sockets with the
//! tonic-generated h2c clients: disposable tokens minted through `Token/GenerateDisposableToken`
//! with the root key, then a {role} × {item selector} × {operation} × {cache} matrix, plus the
//! credential, expiry, minting, API-key refresh, control-plane, topic and leaderboard rules.

use crate::common;

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::{code, explicit};
use common::{request, sign_jwt, start, start_with, Clients};
use momento_proto::auth::{
    generate_api_token_request, login_response, GenerateApiTokenRequest, LoginRequest,
    RefreshApiTokenRequest,
};
use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, PublishRequest, SubscriptionRequest, TopicValue,
};
use momento_proto::cache_client::{
    dictionary_fetch_response, set_if_request, DeleteRequest, DictionaryFetchRequest,
    DictionaryFieldValuePair, DictionarySetRequest, ECacheResult, GetBatchRequest, GetRequest,
    SetIfRequest, SetRequest,
};
use momento_proto::common::Present;
use momento_proto::control_client::{DeleteCacheRequest, FlushCacheRequest, ListCachesRequest};
use momento_proto::leaderboard::{Element, GetLeaderboardLengthRequest, UpsertElementsRequest};
use momento_proto::permission_messages::permissions_type::{
    cache_permissions, topic_permissions, All, CacheItemSelector, CachePermissions,
    TopicPermissions,
};
use momento_proto::permission_messages::{
    permissions, permissions_type, CacheRole, Permissions, PermissionsType, SuperUserPermissions,
    TopicRole,
};
use momento_proto::token::{generate_disposable_token_request, GenerateDisposableTokenRequest};
use momento_server::permissions::{cache_permission, topic_permission, Selector};
use momento_server::token::{decode_v1_api_key, encode_v1_api_key, TokenSigner};
use momento_server::AuthMode;
use tokio_stream::StreamExt as _;
use tonic::{Code, Status};

// ---------------------------------------------------------------------------------------------
// Permission builders (what the SDKs send).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    ReadWrite,
    ReadOnly,
    WriteOnly,
}

impl Role {
    fn proto(self) -> CacheRole {
        match self {
            Self::ReadWrite => CacheRole::CacheReadWrite,
            Self::ReadOnly => CacheRole::CacheReadOnly,
            Self::WriteOnly => CacheRole::CacheWriteOnly,
        }
    }
    fn reads(self) -> bool {
        self != Self::WriteOnly
    }
    fn writes(self) -> bool {
        self != Self::ReadOnly
    }
}

/// The items of a test grant.
type Items = Selector<String>;

fn cache_grant(role: CacheRole, cache: Option<&str>, items: &Items) -> PermissionsType {
    cache_permission(role, cache, Some(items))
}

fn topic_grant(role: TopicRole, cache: &str, topic: Option<&str>) -> PermissionsType {
    let topic = topic.map_or(Selector::All, |name| Selector::Exact(name.to_owned()));
    topic_permission(role, Some(cache), &topic)
}

fn super_user() -> Permissions {
    Permissions {
        kind: Some(permissions::Kind::SuperUser(
            SuperUserPermissions::SuperUser as i32,
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Clients.

fn disposable_request(
    permissions: Permissions,
    valid_for_seconds: Option<u32>,
    token_id: &str,
    auth_token: &str,
) -> GenerateDisposableTokenRequest {
    GenerateDisposableTokenRequest {
        expires: valid_for_seconds.map(|valid_for_seconds| {
            generate_disposable_token_request::Expires { valid_for_seconds }
        }),
        auth_token: auth_token.to_owned(),
        permissions: Some(permissions),
        token_id: token_id.to_owned(),
    }
}

impl Clients {
    async fn root_set(&mut self, cache: &str, key: &str, value: &str) {
        self.set(cache, key.as_bytes(), value.as_bytes(), 600_000)
            .await;
    }

    async fn root_get(&mut self, cache: &str, key: &str) -> Option<Vec<u8>> {
        self.get(cache, key).await
    }

    async fn set_dictionary(
        &mut self,
        cache: &str,
        name: &str,
        field: &str,
        value: &str,
        token: &str,
    ) -> Result<(), Status> {
        self.data
            .dictionary_set(request(
                DictionarySetRequest {
                    dictionary_name: name.as_bytes().to_vec(),
                    items: vec![DictionaryFieldValuePair {
                        field: field.as_bytes().to_vec(),
                        value: value.as_bytes().to_vec(),
                    }],
                    ttl_milliseconds: 600_000,
                    refresh_ttl: true,
                },
                Some(cache),
                Some(token),
            ))
            .await
            .map(drop)
    }

    /// Fields of a dictionary (`None` when missing).
    async fn fetch_dictionary(
        &mut self,
        cache: &str,
        name: &str,
        token: &str,
    ) -> Result<Option<Vec<(Vec<u8>, Vec<u8>)>>, Status> {
        let response = self
            .data
            .dictionary_fetch(request(
                DictionaryFetchRequest {
                    dictionary_name: name.as_bytes().to_vec(),
                },
                Some(cache),
                Some(token),
            ))
            .await?
            .into_inner();
        Ok(match response.dictionary {
            Some(dictionary_fetch_response::Dictionary::Found(found)) => Some(
                found
                    .items
                    .into_iter()
                    .map(|p| (p.field, p.value))
                    .collect(),
            ),
            _ => None,
        })
    }
}

fn assert_denied<T: std::fmt::Debug>(result: Result<T, Status>, context: &str) {
    match result {
        Err(status) => {
            assert_eq!(
                status.code(),
                Code::PermissionDenied,
                "{context}: {status:?}"
            );
            assert!(
                status.message().starts_with("Insufficient permissions"),
                "{context}: {}",
                status.message()
            );
        }
        Ok(value) => panic!("{context}: expected PERMISSION_DENIED, got {value:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The matrix.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Get,
    Set,
    SetIf,
    Delete,
    DictionaryWrite,
    DictionaryRead,
    GetBatchWithOutOfScopeKey,
}

impl Op {
    const ALL: [Op; 7] = [
        Op::Get,
        Op::Set,
        Op::SetIf,
        Op::Delete,
        Op::DictionaryWrite,
        Op::DictionaryRead,
        Op::GetBatchWithOutOfScopeKey,
    ];

    /// The key (collection name) the op works on; every one starts with `k-`.
    fn key(self) -> &'static str {
        match self {
            Op::Get | Op::GetBatchWithOutOfScopeKey => "k-get",
            Op::Set => "k-set",
            Op::SetIf => "k-setif",
            Op::Delete => "k-delete",
            Op::DictionaryWrite | Op::DictionaryRead => "k-dict",
        }
    }

    fn needs_read(self) -> bool {
        matches!(
            self,
            Op::Get | Op::SetIf | Op::DictionaryRead | Op::GetBatchWithOutOfScopeKey
        )
    }

    fn needs_write(self) -> bool {
        matches!(self, Op::Set | Op::SetIf | Op::Delete | Op::DictionaryWrite)
    }
}

/// A key no item selector of the matrix covers.
const OUT_OF_SCOPE_KEY: &str = "x-other";

fn expected_allowed(role: Role, items: &Items, op: Op, in_scope_cache: bool) -> bool {
    let keys_ok = items.matches(op.key().as_bytes())
        && (op != Op::GetBatchWithOutOfScopeKey || items.matches(OUT_OF_SCOPE_KEY.as_bytes()));
    in_scope_cache
        && keys_ok
        && (!op.needs_read() || role.reads())
        && (!op.needs_write() || role.writes())
}

/// Resets the data every op of the matrix touches.
async fn seed(c: &mut Clients, cache: &str) {
    for key in ["k-get", "k-set", "k-setif", "k-delete", OUT_OF_SCOPE_KEY] {
        c.root_set(cache, key, "orig").await;
    }
    let root = c.root.clone();
    let delete = c
        .data
        .delete(request(
            DeleteRequest {
                cache_key: b"k-dict".to_vec(),
            },
            Some(cache),
            Some(&root),
        ))
        .await;
    delete.unwrap();
    c.set_dictionary(cache, "k-dict", "f", "orig", &root)
        .await
        .unwrap();
}

/// Runs `op` with `token` on `cache`, asserting success (allowed) or PERMISSION_DENIED with no
/// data and no change (denied).
async fn run_cell(c: &mut Clients, cache: &str, token: &str, op: Op, allowed: bool, ctx: &str) {
    let key = op.key();
    match op {
        Op::Get => {
            let result = c.get_as(cache, key, token).await;
            if allowed {
                assert_eq!(result.unwrap(), Some(b"orig".to_vec()), "{ctx}");
            } else {
                assert_denied(result, ctx);
            }
        }
        Op::Set => {
            let result = c
                .data
                .set(request(
                    SetRequest {
                        cache_key: key.as_bytes().to_vec(),
                        cache_body: b"new".to_vec(),
                        ttl_milliseconds: 60_000,
                    },
                    Some(cache),
                    Some(token),
                ))
                .await
                .map(|r| r.into_inner().result());
            if allowed {
                assert_eq!(result.unwrap(), ECacheResult::Ok, "{ctx}");
                assert_eq!(c.root_get(cache, key).await, Some(b"new".to_vec()), "{ctx}");
            } else {
                assert_denied(result, ctx);
                assert_eq!(
                    c.root_get(cache, key).await,
                    Some(b"orig".to_vec()),
                    "{ctx}"
                );
            }
        }
        Op::SetIf => {
            let result = c
                .data
                .set_if(request(
                    SetIfRequest {
                        cache_key: key.as_bytes().to_vec(),
                        cache_body: b"new".to_vec(),
                        ttl_milliseconds: 60_000,
                        condition: Some(set_if_request::Condition::Present(Present {})),
                    },
                    Some(cache),
                    Some(token),
                ))
                .await
                .map(|r| r.into_inner());
            if allowed {
                result.unwrap();
                assert_eq!(c.root_get(cache, key).await, Some(b"new".to_vec()), "{ctx}");
            } else {
                assert_denied(result, ctx);
                assert_eq!(
                    c.root_get(cache, key).await,
                    Some(b"orig".to_vec()),
                    "{ctx}"
                );
            }
        }
        Op::Delete => {
            let result = c
                .data
                .delete(request(
                    DeleteRequest {
                        cache_key: key.as_bytes().to_vec(),
                    },
                    Some(cache),
                    Some(token),
                ))
                .await
                .map(|r| r.into_inner());
            if allowed {
                result.unwrap();
                assert_eq!(c.root_get(cache, key).await, None, "{ctx}");
            } else {
                assert_denied(result, ctx);
                assert_eq!(
                    c.root_get(cache, key).await,
                    Some(b"orig".to_vec()),
                    "{ctx}"
                );
            }
        }
        Op::DictionaryWrite => {
            let result = c.set_dictionary(cache, key, "g", "new", token).await;
            let root = c.root.clone();
            let fields = c
                .fetch_dictionary(cache, key, &root)
                .await
                .unwrap()
                .unwrap();
            if allowed {
                result.unwrap();
                assert_eq!(fields.len(), 2, "{ctx}");
            } else {
                assert_denied(result, ctx);
                assert_eq!(fields, vec![(b"f".to_vec(), b"orig".to_vec())], "{ctx}");
            }
        }
        Op::DictionaryRead => {
            let result = c.fetch_dictionary(cache, key, token).await;
            if allowed {
                assert_eq!(
                    result.unwrap(),
                    Some(vec![(b"f".to_vec(), b"orig".to_vec())]),
                    "{ctx}"
                );
            } else {
                assert_denied(result, ctx);
            }
        }
        Op::GetBatchWithOutOfScopeKey => {
            let result = c
                .data
                .get_batch(request(
                    GetBatchRequest {
                        items: [key, OUT_OF_SCOPE_KEY]
                            .iter()
                            .map(|k| GetRequest {
                                cache_key: k.as_bytes().to_vec(),
                            })
                            .collect(),
                    },
                    Some(cache),
                    Some(token),
                ))
                .await;
            match result {
                Ok(response) => {
                    let items: Vec<_> = response
                        .into_inner()
                        .collect::<Result<Vec<_>, _>>()
                        .await
                        .unwrap_or_else(|e| panic!("{ctx}: stream error {e:?}"));
                    assert!(allowed, "{ctx}: expected PERMISSION_DENIED, got {items:?}");
                    assert_eq!(items.len(), 2, "{ctx}");
                    assert!(items.iter().all(|i| i.cache_body == b"orig"), "{ctx}");
                }
                Err(status) => {
                    assert!(!allowed, "{ctx}: unexpected {status:?}");
                    assert_denied::<()>(Err(status), ctx);
                }
            }
        }
    }
}

#[tokio::test]
async fn role_item_operation_cache_matrix() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    let (scoped, other) = ("matrix-in", "matrix-other");
    c.create_cache(scoped).await;
    c.create_cache(other).await;

    let mut cells = 0;
    let mut allowed_cells = 0;
    for role in [Role::ReadWrite, Role::ReadOnly, Role::WriteOnly] {
        for op in Op::ALL {
            for items in [
                Items::All,
                Items::Exact(op.key().to_owned()),
                Items::Prefix("k-".to_owned()),
            ] {
                let token = c
                    .mint(
                        explicit(vec![cache_grant(role.proto(), Some(scoped), &items)]),
                        600,
                    )
                    .await;
                for (cache, in_scope) in [(scoped, true), (other, false)] {
                    seed(&mut c, cache).await;
                    let allowed = expected_allowed(role, &items, op, in_scope);
                    let ctx = format!("{role:?} {items:?} {op:?} cache={cache} allowed={allowed}");
                    run_cell(&mut c, cache, &token, op, allowed, &ctx).await;
                    cells += 1;
                    allowed_cells += usize::from(allowed);
                }
            }
        }
    }
    assert_eq!(cells, 3 * 7 * 3 * 2);
    // Sanity: the matrix exercises both outcomes plenty.
    assert!(
        allowed_cells > 15 && allowed_cells < cells / 2,
        "{allowed_cells}"
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn denial_messages_name_what_was_denied() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("m").await;
    let token = c
        .mint(
            explicit(vec![cache_grant(
                CacheRole::CacheReadOnly,
                Some("m"),
                &Items::Prefix("pre-".into()),
            )]),
            60,
        )
        .await;
    let status = c.get_as("m", "zzz", &token).await.unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied);
    assert!(
        status.message().contains("Get") && status.message().contains("\"zzz\""),
        "{}",
        status.message()
    );
    let status = c.get_as("elsewhere", "pre-1", &token).await.unwrap_err();
    assert!(
        status.message().contains("cache \"elsewhere\""),
        "{}",
        status.message()
    );
    // Authorization comes before the existence check: no probing of other caches.
    assert_eq!(status.code(), Code::PermissionDenied);
    let status = c
        .data
        .set(request(
            SetRequest {
                cache_key: b"pre-1".to_vec(),
                cache_body: b"v".to_vec(),
                ttl_milliseconds: 1000,
            },
            Some("m"),
            Some(&token),
        ))
        .await
        .unwrap_err();
    assert!(
        status.message().contains("Set needs write access"),
        "{}",
        status.message()
    );
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Token service.

#[tokio::test]
async fn disposable_token_request_validation_and_response() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("v").await;
    let root = c.root.clone();
    let perms = || {
        explicit(vec![cache_grant(
            CacheRole::CacheReadWrite,
            Some("v"),
            &Items::All,
        )])
    };
    let code = |r: Result<tonic::Response<_>, Status>| r.map(drop).unwrap_err().code();

    // No expiry, zero, and more than an hour: INVALID_ARGUMENT.
    for seconds in [None, Some(0), Some(3601)] {
        let r = c
            .tokens
            .generate_disposable_token(request(
                disposable_request(perms(), seconds, "", &root),
                None,
                None,
            ))
            .await;
        assert_eq!(code(r), Code::InvalidArgument, "{seconds:?}");
    }
    // token_id > 64 characters.
    let r = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(perms(), Some(60), &"i".repeat(65), &root),
            None,
            None,
        ))
        .await;
    assert_eq!(code(r), Code::InvalidArgument);
    // Missing or super-user permissions.
    let mut missing = disposable_request(perms(), Some(60), "", &root);
    missing.permissions = None;
    let r = c
        .tokens
        .generate_disposable_token(request(missing, None, None))
        .await;
    assert_eq!(code(r), Code::InvalidArgument);
    let r = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(super_user(), Some(60), "", &root),
            None,
            None,
        ))
        .await;
    assert_eq!(code(r), Code::InvalidArgument);
    // An item selector without key/prefix is invalid.
    let bad = explicit(vec![PermissionsType {
        kind: Some(permissions_type::Kind::CachePermissions(CachePermissions {
            role: CacheRole::CacheReadOnly as i32,
            cache: Some(cache_permissions::Cache::AllCaches(All {})),
            cache_item: Some(cache_permissions::CacheItem::ItemSelector(
                CacheItemSelector { kind: None },
            )),
        })),
    }]);
    let r = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(bad, Some(60), "", &root),
            None,
            None,
        ))
        .await;
    assert_eq!(code(r), Code::InvalidArgument);

    // A 64-character token id, credential in the body only (Node AuthClient).
    let id = "t".repeat(64);
    let before = momento_server::token::unix_now();
    let response = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(perms(), Some(3600), &id, &root),
            None,
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.endpoint, server.endpoint());
    assert!(response.valid_until >= before + 3600 && response.valid_until <= before + 3602);
    let claims = server.signer().verify(&response.api_key).unwrap();
    assert_eq!(claims.jti.as_deref(), Some(id.as_str()));
    assert_eq!(claims.exp, Some(response.valid_until));
    assert!(claims.p.is_some());
    // The SDK wraps the answer into a v1 key; that key is portable and works.
    let v1 = encode_v1_api_key(&response.endpoint, &response.api_key).unwrap();
    assert_eq!(decode_v1_api_key(&v1).unwrap().1, response.api_key);
    assert_eq!(
        c.get_as("v", "nothing", &response.api_key).await.unwrap(),
        None
    );

    // The caller credential may also be a whole v1 key in the body, or only the header
    // (Rust SDK style sends both).
    for (body, header) in [
        (server.api_key().to_owned(), None),
        (String::new(), Some(root.clone())),
        (root.clone(), Some(root.clone())),
    ] {
        c.tokens
            .generate_disposable_token(request(
                disposable_request(perms(), Some(60), "", &body),
                None,
                header.as_deref(),
            ))
            .await
            .unwrap_or_else(|e| panic!("body={body:?} header={header:?}: {e:?}"));
    }
    // Bad, missing or foreign credentials: UNAUTHENTICATED.
    let foreign = TokenSigner::new(b"another secret".to_vec())
        .sign(&momento_server::token::Claims::root(None))
        .unwrap();
    for (body, header) in [
        ("garbage".to_owned(), None),
        (String::new(), None),
        (foreign.clone(), None),
        (String::new(), Some(foreign)),
    ] {
        let r = c
            .tokens
            .generate_disposable_token(request(
                disposable_request(perms(), Some(60), "", &body),
                None,
                header.as_deref(),
            ))
            .await;
        assert_eq!(code(r), Code::Unauthenticated, "body={body:?}");
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn expired_and_forged_tokens_are_unauthenticated() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("e").await;
    let perms = explicit(vec![cache_grant(
        CacheRole::CacheReadWrite,
        Some("e"),
        &Items::All,
    )]);
    let short = c.mint(perms.clone(), 1).await;
    assert_eq!(c.get_as("e", "k", &short).await.unwrap(), None);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let status = c.get_as("e", "k", &short).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(status.message(), "Token expired");

    // Forged: a scoped token whose payload is swapped for a super-user one keeps its signature.
    let token = c.mint(perms, 600).await;
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = server.signer().verify(&token).unwrap();
    claims.p = None;
    let forged_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap());
    let forged = format!("{}.{}.{}", parts[0], forged_payload, parts[2]);
    let status = c
        .control
        .create_cache(common::create_cache_request("forged", &forged))
        .await
        .unwrap_err();
    common::assert_foreign_signature(&status);
    // Signed with another secret.
    let other = TokenSigner::new(b"not the server's".to_vec())
        .sign(&claims)
        .unwrap();
    let status = c.get_as("e", "k", &other).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    // A forged credential in the Token body is rejected too.
    let r = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(super_user(), Some(60), "", &forged),
            None,
            None,
        ))
        .await;
    assert_eq!(r.unwrap_err().code(), Code::Unauthenticated);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn disposable_tokens_cannot_mint_or_manage_caches() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("mine").await;
    c.create_cache("theirs").await;
    // Even "all data read-write" (what AllDataReadWrite sends) is not a super user.
    let all_data = explicit(vec![
        cache_grant(CacheRole::CacheReadWrite, None, &Items::All),
        PermissionsType {
            kind: Some(permissions_type::Kind::TopicPermissions(TopicPermissions {
                role: TopicRole::TopicReadWrite as i32,
                cache: Some(topic_permissions::Cache::AllCaches(All {})),
                topic: Some(topic_permissions::Topic::AllTopics(All {})),
            })),
        },
    ]);
    let broad = c.mint(all_data, 600).await;
    let narrow = c
        .mint(
            explicit(vec![cache_grant(
                CacheRole::CacheReadOnly,
                Some("mine"),
                &Items::All,
            )]),
            600,
        )
        .await;

    for token in [&broad, &narrow] {
        let r = c
            .tokens
            .generate_disposable_token(request(
                disposable_request(
                    explicit(vec![cache_grant(
                        CacheRole::CacheReadOnly,
                        Some("mine"),
                        &Items::All,
                    )]),
                    Some(60),
                    "",
                    token,
                ),
                None,
                None,
            ))
            .await;
        assert_denied(r.map(drop), "disposable mints disposable");
        let r = c
            .auth
            .generate_api_token(request(
                GenerateApiTokenRequest {
                    expiry: Some(generate_api_token_request::Expiry::Never(
                        generate_api_token_request::Never {},
                    )),
                    auth_token: token.clone(),
                    permissions: Some(super_user()),
                    token_id: String::new(),
                    description: String::new(),
                },
                None,
                None,
            ))
            .await;
        assert_denied(r.map(drop), "disposable mints api key");
        let r = c
            .control
            .create_cache(common::create_cache_request("new", token))
            .await;
        assert_denied(r.map(drop), "create cache");
        let r = c
            .control
            .delete_cache(request(
                DeleteCacheRequest {
                    cache_name: "mine".into(),
                },
                None,
                Some(token),
            ))
            .await;
        assert_denied(r.map(drop), "delete cache");
        let r = c
            .control
            .flush_cache(request(
                FlushCacheRequest {
                    cache_name: "mine".into(),
                },
                None,
                Some(token),
            ))
            .await;
        assert_denied(r.map(drop), "flush cache");
    }

    // ListCaches: scoped tokens see only what they can reach.
    let list = |c: &mut Clients, token: String| {
        let mut control = c.control.clone();
        async move {
            let mut names: Vec<String> = control
                .list_caches(request(ListCachesRequest::default(), None, Some(&token)))
                .await
                .unwrap()
                .into_inner()
                .cache
                .into_iter()
                .map(|c| c.cache_name)
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(list(&mut c, narrow.clone()).await, vec!["mine"]);
    assert_eq!(list(&mut c, broad.clone()).await, vec!["mine", "theirs"]);
    let root = c.root.clone();
    assert_eq!(list(&mut c, root).await, vec!["mine", "theirs"]);
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Auth service.

#[tokio::test]
async fn api_token_generate_refresh_and_login() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("a").await;
    c.create_cache("b").await;
    let root = c.root.clone();
    let generate = |auth_token: &str, expiry, permissions| GenerateApiTokenRequest {
        expiry: Some(expiry),
        auth_token: auth_token.to_owned(),
        permissions: Some(permissions),
        token_id: "my-key".into(),
        description: "test key".into(),
    };
    let expires = |s| {
        generate_api_token_request::Expiry::Expires(generate_api_token_request::Expires {
            valid_for_seconds: s,
        })
    };

    let scoped = explicit(vec![cache_grant(
        CacheRole::CacheReadWrite,
        Some("a"),
        &Items::All,
    )]);
    let first = c
        .auth
        .generate_api_token(request(
            generate(&root, expires(3600), scoped.clone()),
            None,
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(first.endpoint, server.endpoint());
    assert!(first.valid_until > momento_server::token::unix_now());
    assert!(!first.refresh_token.is_empty());
    assert_eq!(c.get_as("a", "k", &first.api_key).await.unwrap(), None);
    assert_denied(
        c.get_as("b", "k", &first.api_key).await,
        "api key outside scope",
    );

    // Refresh (Node sends the current key and the refresh token in the body).
    tokio::time::sleep(Duration::from_millis(1100)).await; // a new iat, so a new key
    let second = c
        .auth
        .refresh_api_token(request(
            RefreshApiTokenRequest {
                api_key: first.api_key.clone(),
                refresh_token: first.refresh_token.clone(),
            },
            None,
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_ne!(second.api_key, first.api_key);
    assert_ne!(second.refresh_token, first.refresh_token);
    assert!(second.valid_until > first.valid_until);
    assert_eq!(second.endpoint, server.endpoint());
    let claims = server.signer().verify(&second.api_key).unwrap();
    assert_eq!(claims.jti.as_deref(), Some("my-key"));
    assert_eq!(claims.exp.unwrap() - claims.iat, 3600);
    assert_eq!(c.get_as("a", "k", &second.api_key).await.unwrap(), None);
    assert_denied(
        c.get_as("b", "k", &second.api_key).await,
        "refreshed key keeps its scope",
    );
    // The refresh may also name the key in v1 form.
    let v1 = encode_v1_api_key(&second.endpoint, &second.api_key).unwrap();
    c.auth
        .refresh_api_token(request(
            RefreshApiTokenRequest {
                api_key: v1,
                refresh_token: second.refresh_token.clone(),
            },
            None,
            None,
        ))
        .await
        .unwrap();

    // Mismatched, forged and empty refresh tokens: UNAUTHENTICATED.
    let mut forged = second.refresh_token.clone();
    forged.pop();
    forged.push(if second.refresh_token.ends_with('A') {
        'B'
    } else {
        'A'
    });
    for (api_key, refresh_token) in [
        (second.api_key.clone(), first.refresh_token.clone()),
        (first.api_key.clone(), second.refresh_token.clone()),
        (second.api_key.clone(), forged),
        (second.api_key.clone(), String::new()),
        (root.clone(), second.refresh_token.clone()),
    ] {
        let message = RefreshApiTokenRequest {
            api_key,
            refresh_token,
        };
        let refused = c.auth.refresh_api_token(request(message, None, None)).await;
        assert_eq!(code(refused), Code::Unauthenticated);
    }

    // A never-expiring super-user API key (valid_until 0) can mint and manage caches.
    let su = c
        .auth
        .generate_api_token(request(
            generate(
                &root,
                generate_api_token_request::Expiry::Never(generate_api_token_request::Never {}),
                super_user(),
            ),
            None,
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(su.valid_until, 0);
    // Its permissions are in the token (what sets it apart from the root key).
    let su_claims = server.signer().verify(&su.api_key).unwrap();
    assert_eq!(
        momento_server::permissions::Scope::from_claim(su_claims.p.as_deref()),
        Ok(momento_server::permissions::Scope::SuperUser)
    );
    assert!(su_claims.p.is_some());
    c.control
        .create_cache(common::create_cache_request("by-su", &su.api_key))
        .await
        .unwrap();
    c.tokens
        .generate_disposable_token(request(
            disposable_request(scoped.clone(), Some(60), "", &su.api_key),
            None,
            None,
        ))
        .await
        .unwrap();
    // A scoped API key cannot mint.
    let r = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(scoped.clone(), Some(60), "", &second.api_key),
            None,
            None,
        ))
        .await;
    assert_denied(r.map(drop), "scoped api key mints");
    // Expiry is required and must be positive; token ids are limited.
    let mut no_expiry = generate(&root, expires(60), scoped.clone());
    no_expiry.expiry = None;
    for bad in [
        no_expiry,
        generate(&root, expires(0), scoped.clone()),
        GenerateApiTokenRequest {
            token_id: "x".repeat(65),
            ..generate(&root, expires(60), scoped.clone())
        },
    ] {
        let status = c
            .auth
            .generate_api_token(request(bad, None, None))
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument);
    }
    let status = c
        .auth
        .generate_api_token(request(generate("nope", expires(60), scoped), None, None))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);

    // Login: one error message, then the stream ends.
    let messages: Vec<_> = c
        .auth
        .login(request(LoginRequest {}, None, None))
        .await
        .unwrap()
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap();
    assert_eq!(messages.len(), 1);
    match &messages[0].state {
        Some(login_response::State::Error(e)) => {
            assert!(
                e.description.contains("no console login"),
                "{}",
                e.description
            )
        }
        other => panic!("unexpected login answer {other:?}"),
    }
    server.shutdown().await.unwrap();
}

/// The official suite's auth cases the server used to get wrong (issue 16): who may mint what,
/// scope validation, and refreshing an expired key. Each assertion failed before.
#[tokio::test]
async fn minting_rules_scope_validation_and_expired_refresh() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let never = || generate_api_token_request::Expiry::Never(generate_api_token_request::Never {});
    let expires = |s| {
        generate_api_token_request::Expiry::Expires(generate_api_token_request::Expires {
            valid_for_seconds: s,
        })
    };
    let generate = |auth_token: &str, expiry, permissions| GenerateApiTokenRequest {
        expiry: Some(expiry),
        auth_token: auth_token.to_owned(),
        permissions: Some(permissions),
        token_id: String::new(),
        description: String::new(),
    };
    let all_data = explicit(vec![
        cache_grant(CacheRole::CacheReadWrite, None, &Items::All),
        topic_grant(TopicRole::TopicReadWrite, "c", None),
    ]);
    let mut auth = c.auth.clone();
    let mint = |request_: GenerateApiTokenRequest| {
        let mut auth = auth.clone();
        async move {
            auth.generate_api_token(request(request_, None, None))
                .await
                .map(|r| r.into_inner())
        }
    };

    // A super-user API key (minted by the root key) may mint AllDataReadWrite-style keys but
    // not super-user keys; the root key may mint both.
    let su = mint(generate(&root, expires(600), super_user()))
        .await
        .unwrap()
        .api_key;
    mint(generate(&su, expires(60), all_data.clone()))
        .await
        .unwrap();
    let denied = mint(generate(&su, expires(60), super_user()))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    assert!(
        denied.message().contains("Insufficient permissions"),
        "{}",
        denied.message()
    );
    mint(generate(&root, never(), super_user())).await.unwrap();
    // Disposable tokens from a super-user key are fine.
    c.tokens
        .generate_disposable_token(request(
            disposable_request(all_data.clone(), Some(60), "", &su),
            None,
            None,
        ))
        .await
        .unwrap();

    // A legacy auth token (endpoints in c/cp) may not mint, whatever it asks for.
    let legacy = sign_jwt(&serde_json::json!({
        "sub": "legacy", "iat": momento_server::token::unix_now(),
        "c": "cache.localhost", "cp": "control.localhost",
    }));
    for permissions in [super_user(), all_data.clone()] {
        let status = mint(generate(&legacy, expires(60), permissions))
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    }
    // ... but it is a valid credential for the data plane.
    c.create_cache("c").await;
    assert_eq!(c.get_as("c", "k", &legacy).await.unwrap(), None);

    // Scope validation: an empty list, duplicate or conflicting grants.
    let name = |n: &str| Some(n.to_owned());
    for (what, permissions) in [
        ("empty", explicit(vec![])),
        (
            "all caches twice",
            explicit(vec![
                cache_grant(CacheRole::CacheReadOnly, None, &Items::All),
                cache_grant(CacheRole::CacheReadWrite, None, &Items::All),
            ]),
        ),
        (
            "one cache twice",
            explicit(vec![
                cache_grant(CacheRole::CacheReadOnly, name("g").as_deref(), &Items::All),
                cache_grant(CacheRole::CacheReadWrite, name("g").as_deref(), &Items::All),
            ]),
        ),
        (
            "one topic twice",
            explicit(vec![
                topic_grant(TopicRole::TopicReadOnly, "g", Some("r")),
                topic_grant(TopicRole::TopicReadWrite, "g", Some("r")),
            ]),
        ),
    ] {
        let status = mint(generate(&root, expires(60), permissions.clone()))
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status:?}");
        let status = c
            .tokens
            .generate_disposable_token(request(
                disposable_request(permissions, Some(60), "", &root),
                None,
                None,
            ))
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status:?}");
    }
    // Several grants on one cache for different items are fine (the suite's key + prefix case).
    mint(generate(
        &root,
        expires(60),
        explicit(vec![
            cache_grant(CacheRole::CacheReadOnly, None, &Items::Exact("cow".into())),
            cache_grant(CacheRole::CacheReadOnly, None, &Items::Prefix("pet".into())),
        ]),
    ))
    .await
    .unwrap();

    // Refreshing an API key that has expired fails (it used to be renewed).
    let short = mint(generate(&root, expires(1), super_user()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let status = auth
        .refresh_api_token(request(
            RefreshApiTokenRequest {
                api_key: short.api_key,
                refresh_token: short.refresh_token,
            },
            None,
            None,
        ))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Topics and leaderboards.

fn publish(cache: &str, topic: &str) -> PublishRequest {
    PublishRequest {
        cache_name: cache.to_owned(),
        topic: topic.to_owned(),
        value: Some(TopicValue {
            kind: Some(topic_value::Kind::Text("hi".into())),
        }),
    }
}

fn subscription(cache: &str, topic: &str) -> SubscriptionRequest {
    SubscriptionRequest {
        cache_name: cache.to_owned(),
        topic: topic.to_owned(),
        resume_at_topic_sequence_number: 0,
        sequence_page: 0,
    }
}

#[tokio::test]
async fn topic_permissions() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("t").await;
    c.create_cache("u").await;
    let cases = [
        (TopicRole::TopicReadWrite, true, true),
        (TopicRole::TopicReadOnly, false, true),
        (TopicRole::TopicWriteOnly, true, false),
    ];
    // A cache grant alone gives no topic access.
    let cache_only = c
        .mint(
            explicit(vec![cache_grant(
                CacheRole::CacheReadWrite,
                Some("t"),
                &Items::All,
            )]),
            600,
        )
        .await;
    assert_denied(
        c.pubsub
            .publish(request(publish("t", "news"), None, Some(&cache_only)))
            .await
            .map(drop),
        "cache grant publishes",
    );
    for (role, can_publish, can_subscribe) in cases {
        let token = c
            .mint(explicit(vec![topic_grant(role, "t", Some("news"))]), 600)
            .await;
        let ctx = format!("{role:?}");
        let published = c
            .pubsub
            .publish(request(publish("t", "news"), None, Some(&token)))
            .await;
        if can_publish {
            published.unwrap_or_else(|e| panic!("{ctx}: {e:?}"));
        } else {
            assert_denied(published.map(drop), &ctx);
        }
        let subscribed = c
            .pubsub
            .subscribe(request(subscription("t", "news"), None, Some(&token)))
            .await;
        if can_subscribe {
            let mut stream = subscribed
                .unwrap_or_else(|e| panic!("{ctx}: {e:?}"))
                .into_inner();
            let first = tokio::time::timeout(Duration::from_secs(5), stream.next())
                .await
                .unwrap()
                .unwrap()
                .unwrap();
            assert!(
                matches!(first.kind, Some(subscription_item::Kind::Heartbeat(_))),
                "{ctx}"
            );
        } else {
            assert_denied(subscribed.map(drop), &ctx);
        }
        // Other topic and other cache: always denied.
        assert_denied(
            c.pubsub
                .publish(request(publish("t", "other"), None, Some(&token)))
                .await
                .map(drop),
            &ctx,
        );
        assert_denied(
            c.pubsub
                .subscribe(request(subscription("u", "news"), None, Some(&token)))
                .await
                .map(drop),
            &ctx,
        );
    }
    // All topics of the cache.
    let all = c
        .mint(
            explicit(vec![topic_grant(TopicRole::TopicWriteOnly, "t", None)]),
            600,
        )
        .await;
    c.pubsub
        .publish(request(publish("t", "anything"), None, Some(&all)))
        .await
        .unwrap();
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn leaderboard_permissions() {
    let server = start().await;
    let mut c = Clients::new(&server).await;
    c.create_cache("lb").await;
    let upsert = |name: &str| UpsertElementsRequest {
        leaderboard: name.to_owned(),
        elements: vec![Element { id: 1, score: 1.0 }],
    };
    let length = |name: &str| GetLeaderboardLengthRequest {
        leaderboard: name.to_owned(),
    };
    let read_only = c
        .mint(
            explicit(vec![cache_grant(
                CacheRole::CacheReadOnly,
                Some("lb"),
                &Items::All,
            )]),
            600,
        )
        .await;
    let write_board = c
        .mint(
            explicit(vec![cache_grant(
                CacheRole::CacheWriteOnly,
                Some("lb"),
                &Items::Exact("board".into()),
            )]),
            600,
        )
        .await;
    c.leaderboard
        .upsert_elements(request(upsert("board"), Some("lb"), Some(&write_board)))
        .await
        .unwrap();
    assert_denied(
        c.leaderboard
            .upsert_elements(request(upsert("other"), Some("lb"), Some(&write_board)))
            .await
            .map(drop),
        "write other board",
    );
    assert_denied(
        c.leaderboard
            .get_leaderboard_length(request(length("board"), Some("lb"), Some(&write_board)))
            .await
            .map(drop),
        "write-only reads",
    );
    let len = c
        .leaderboard
        .get_leaderboard_length(request(length("board"), Some("lb"), Some(&read_only)))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(len.count, 1);
    assert_denied(
        c.leaderboard
            .upsert_elements(request(upsert("board"), Some("lb"), Some(&read_only)))
            .await
            .map(drop),
        "read-only writes",
    );
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// --auth none.

#[tokio::test]
async fn auth_none_mints_without_credentials_and_checks_nothing() {
    let server = start_with(AuthMode::None, Vec::new()).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("n").await;
    let response = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(
                explicit(vec![cache_grant(
                    CacheRole::CacheReadOnly,
                    Some("other"),
                    &Items::All,
                )]),
                Some(60),
                "",
                "",
            ),
            None,
            None,
        ))
        .await
        .unwrap()
        .into_inner();
    // The scope is not enforced: the server checks nothing in this mode.
    c.root_set("n", "k", "v").await;
    assert_eq!(
        c.get_as("n", "k", &response.api_key).await.unwrap(),
        Some(b"v".to_vec())
    );
    c.control
        .create_cache(common::create_cache_request("n2", &response.api_key))
        .await
        .unwrap();
    // Arguments are still validated.
    let r = c
        .tokens
        .generate_disposable_token(request(
            disposable_request(super_user(), None, "", ""),
            None,
            None,
        ))
        .await;
    assert_eq!(r.unwrap_err().code(), Code::InvalidArgument);
    server.shutdown().await.unwrap();
}
