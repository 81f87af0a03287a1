//! Control-plane signing keys and vector-index metadata over h2c with the tonic-generated
//! client: CreateSigningKey / RevokeSigningKey / ListSigningKeys and CreateIndex / DeleteIndex /
//! ListIndexes, their validation, and the super-user requirement (a scoped token minted through
//! `Token/GenerateDisposableToken` is denied).

use crate::common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::{code, request, start, start_with, Clients};
use momento_proto::control_client::similarity_metric::{
    CosineSimilarity, EuclideanSimilarity, InnerProduct, SimilarityMetric as Metric,
};
use momento_proto::control_client::{
    CreateIndexRequest, CreateSigningKeyRequest, DeleteIndexRequest, ListIndexesRequest,
    ListSigningKeysRequest, RevokeSigningKeyRequest, SimilarityMetric,
};
use momento_server::grpc::control_client::scs_control_client::ScsControlClient;
use momento_server::token::unix_now;
use momento_server::{AuthMode, RunningServer};
use tonic::transport::Channel;
use tonic::{Code, Status};

async fn control(server: &RunningServer) -> ScsControlClient<Channel> {
    let channel = common::channel(server).await;
    ScsControlClient::new(channel)
}

/// A token server, a control client and the root token.
async fn setup() -> (RunningServer, ScsControlClient<Channel>, String) {
    let server = start().await;
    let c = control(&server).await;
    let root = server.auth_token().to_owned();
    (server, c, root)
}

fn metric(m: Metric) -> Option<SimilarityMetric> {
    Some(SimilarityMetric {
        similarity_metric: Some(m),
    })
}

fn index(name: &str, dims: u64, m: Option<SimilarityMetric>) -> CreateIndexRequest {
    CreateIndexRequest {
        index_name: name.to_owned(),
        num_dimensions: dims,
        similarity_metric: m,
    }
}

async fn create_key(
    c: &mut ScsControlClient<Channel>,
    token: &str,
    ttl_minutes: u32,
) -> (String, u64) {
    let before = unix_now();
    let response = c
        .create_signing_key(request(
            CreateSigningKeyRequest { ttl_minutes },
            None,
            Some(token),
        ))
        .await
        .unwrap()
        .into_inner();
    let after = unix_now();
    let ttl = u64::from(ttl_minutes) * 60;
    assert!(
        (before + ttl..=after + ttl).contains(&response.expires_at),
        "expires_at {} not now + {ttl}",
        response.expires_at
    );
    let key: serde_json::Value = serde_json::from_str(&response.key).unwrap();
    let object = key.as_object().unwrap();
    assert_eq!(object.len(), 3, "{key}");
    assert_eq!(key["alg"], "HS256");
    let kid = key["kid"].as_str().unwrap().to_owned();
    assert_eq!(kid.len(), 32);
    assert!(kid.bytes().all(|b| b.is_ascii_hexdigit()), "{kid}");
    let secret = URL_SAFE_NO_PAD.decode(key["k"].as_str().unwrap()).unwrap();
    assert_eq!(secret.len(), 32);
    (kid, response.expires_at)
}

async fn list_keys(c: &mut ScsControlClient<Channel>, token: &str) -> Vec<(String, u64)> {
    let response = c
        .list_signing_keys(request(
            ListSigningKeysRequest {
                next_token: String::new(),
            },
            None,
            Some(token),
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.next_token, "");
    response
        .signing_key
        .into_iter()
        .map(|k| (k.key_id, k.expires_at))
        .collect()
}

async fn revoke(
    c: &mut ScsControlClient<Channel>,
    token: &str,
    key_id: &str,
) -> Result<(), Status> {
    c.revoke_signing_key(request(
        RevokeSigningKeyRequest {
            key_id: key_id.to_owned(),
        },
        None,
        Some(token),
    ))
    .await
    .map(drop)
}

async fn list_indexes(
    c: &mut ScsControlClient<Channel>,
    token: &str,
) -> Vec<(String, u64, Option<SimilarityMetric>)> {
    c.list_indexes(request(ListIndexesRequest {}, None, Some(token)))
        .await
        .unwrap()
        .into_inner()
        .indexes
        .into_iter()
        .map(|i| (i.index_name, i.num_dimensions, i.similarity_metric))
        .collect()
}

#[tokio::test]
async fn signing_keys_create_list_revoke() {
    let (server, mut c, root) = setup().await;

    assert!(list_keys(&mut c, &root).await.is_empty());
    let r = c
        .create_signing_key(request(
            CreateSigningKeyRequest { ttl_minutes: 0 },
            None,
            Some(&root),
        ))
        .await;
    assert_eq!(code(r), Code::InvalidArgument);

    let long = create_key(&mut c, &root, 60 * 24).await;
    let short = create_key(&mut c, &root, 5).await;
    let middle = create_key(&mut c, &root, 60).await;
    assert_ne!(long.0, short.0);
    assert_ne!(short.0, middle.0);
    // Sorted by expiry, whatever the creation order.
    assert_eq!(
        list_keys(&mut c, &root).await,
        vec![short.clone(), middle.clone(), long.clone()]
    );

    revoke(&mut c, &root, &middle.0).await.unwrap();
    assert_eq!(
        list_keys(&mut c, &root).await,
        vec![short.clone(), long.clone()]
    );
    // Revoked, unknown and empty ids are NOT_FOUND.
    for key_id in [middle.0.as_str(), "no-such-key", ""] {
        assert_eq!(
            code(revoke(&mut c, &root, key_id).await),
            Code::NotFound,
            "{key_id:?}"
        );
    }
    // next_token is ignored: one page.
    let page = c
        .list_signing_keys(request(
            ListSigningKeysRequest {
                next_token: "whatever".into(),
            },
            None,
            Some(&root),
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.signing_key.len(), 2);
    assert_eq!(page.next_token, "");

    revoke(&mut c, &root, &short.0).await.unwrap();
    revoke(&mut c, &root, &long.0).await.unwrap();
    assert!(list_keys(&mut c, &root).await.is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn indexes_create_list_delete() {
    let (server, mut c, root) = setup().await;

    assert!(list_indexes(&mut c, &root).await.is_empty());
    let cosine = metric(Metric::CosineSimilarity(CosineSimilarity {}));
    let euclid = metric(Metric::EuclideanSimilarity(EuclideanSimilarity {}));
    let inner = metric(Metric::InnerProduct(InnerProduct {}));

    // Validation: empty name, 0 dimensions, missing metric (absent or with no metric set).
    for bad in [
        index("", 3, cosine),
        index("i", 0, cosine),
        index("i", 3, None),
        index(
            "i",
            3,
            Some(SimilarityMetric {
                similarity_metric: None,
            }),
        ),
        index(&"x".repeat(256), 3, cosine),
    ] {
        let name = bad.index_name.clone();
        let r = c.create_index(request(bad, None, Some(&root))).await;
        assert_eq!(code(r), Code::InvalidArgument, "{name:?}");
    }
    assert!(list_indexes(&mut c, &root).await.is_empty());

    for create in [
        index("vectors", 1536, cosine),
        index("alpha", 2, euclid),
        index("mid", 128, inner),
    ] {
        c.create_index(request(create, None, Some(&root)))
            .await
            .unwrap();
    }
    // Duplicate name: ALREADY_EXISTS, even with other settings; the original is kept.
    let r = c
        .create_index(request(index("vectors", 3, euclid), None, Some(&root)))
        .await;
    assert_eq!(code(r), Code::AlreadyExists);
    assert_eq!(
        list_indexes(&mut c, &root).await,
        vec![
            ("alpha".to_owned(), 2, euclid),
            ("mid".to_owned(), 128, inner),
            ("vectors".to_owned(), 1536, cosine),
        ]
    );

    let delete = |name: &str| {
        request(
            DeleteIndexRequest {
                index_name: name.to_owned(),
            },
            None,
            Some(&root),
        )
    };
    c.delete_index(delete("mid")).await.unwrap();
    assert_eq!(code(c.delete_index(delete("mid")).await), Code::NotFound);
    assert_eq!(code(c.delete_index(delete("nope")).await), Code::NotFound);
    assert_eq!(
        list_indexes(&mut c, &root).await,
        vec![
            ("alpha".to_owned(), 2, euclid),
            ("vectors".to_owned(), 1536, cosine),
        ]
    );
    // A deleted name can be created again.
    c.create_index(request(index("mid", 4, cosine), None, Some(&root)))
        .await
        .unwrap();
    assert_eq!(list_indexes(&mut c, &root).await.len(), 3);
    server.shutdown().await.unwrap();
}

/// Mints a disposable token (read-write on every cache: broad, but not a super user).
async fn scoped_token(server: &RunningServer) -> String {
    let permissions = common::explicit(vec![common::all_caches_read_write()]);
    Clients::new(server).await.mint(permissions, 600).await
}

#[tokio::test]
async fn scoped_and_missing_tokens_are_refused() {
    let (server, mut c, root) = setup().await;
    let scoped = scoped_token(&server).await;
    // State the refused calls must not see or change.
    let (kid, expires_at) = create_key(&mut c, &root, 10).await;
    let cosine = metric(Metric::CosineSimilarity(CosineSimilarity {}));
    c.create_index(request(index("idx", 3, cosine), None, Some(&root)))
        .await
        .unwrap();

    for (token, expected) in [
        (Some(scoped.as_str()), Code::PermissionDenied),
        (None, Code::Unauthenticated),
    ] {
        let ctx = format!("token={:?}", token.map(|_| "scoped"));
        let r = c
            .create_signing_key(request(
                CreateSigningKeyRequest { ttl_minutes: 5 },
                None,
                token,
            ))
            .await;
        assert_eq!(code(r), expected, "CreateSigningKey {ctx}");
        let r = c
            .revoke_signing_key(request(
                RevokeSigningKeyRequest {
                    key_id: kid.clone(),
                },
                None,
                token,
            ))
            .await;
        assert_eq!(code(r), expected, "RevokeSigningKey {ctx}");
        let r = c
            .list_signing_keys(request(ListSigningKeysRequest::default(), None, token))
            .await;
        assert_eq!(code(r), expected, "ListSigningKeys {ctx}");
        let r = c
            .create_index(request(index("other", 3, cosine), None, token))
            .await;
        assert_eq!(code(r), expected, "CreateIndex {ctx}");
        let r = c
            .delete_index(request(
                DeleteIndexRequest {
                    index_name: "idx".into(),
                },
                None,
                token,
            ))
            .await;
        assert_eq!(code(r), expected, "DeleteIndex {ctx}");
        let r = c
            .list_indexes(request(ListIndexesRequest {}, None, token))
            .await;
        assert_eq!(code(r), expected, "ListIndexes {ctx}");
    }
    // The denial names the RPC and the super-user requirement.
    let status = c
        .list_indexes(request(ListIndexesRequest {}, None, Some(&scoped)))
        .await
        .unwrap_err();
    assert!(
        status.message().contains("ListIndexes") && status.message().contains("super-user"),
        "{}",
        status.message()
    );

    assert_eq!(list_keys(&mut c, &root).await, vec![(kid, expires_at)]);
    assert_eq!(
        list_indexes(&mut c, &root).await,
        vec![("idx".to_owned(), 3, cosine)]
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn auth_none_allows_everything_and_state_is_per_server() {
    let open = start_with(AuthMode::None, Vec::new()).await;
    let other = start().await;
    let mut c = control(&open).await;
    let (kid, _) = create_key(&mut c, "anything", 1).await;
    c.create_index(request(
        index("i", 8, metric(Metric::InnerProduct(InnerProduct {}))),
        None,
        Some("anything"),
    ))
    .await
    .unwrap();
    assert_eq!(list_keys(&mut c, "anything").await.len(), 1);
    assert_eq!(list_indexes(&mut c, "anything").await.len(), 1);
    revoke(&mut c, "anything", &kid).await.unwrap();

    let mut o = control(&other).await;
    let root = other.auth_token().to_owned();
    assert!(list_keys(&mut o, &root).await.is_empty());
    assert!(list_indexes(&mut o, &root).await.is_empty());
    open.shutdown().await.unwrap();
    other.shutdown().await.unwrap();
}
