//! Writes the committed seed corpora to `fuzz/seeds/<target>/` (run by `scripts/fuzz --make-seeds`).
//!
//! Every token and key is signed with the throwaway `momento_fuzz::FUZZ_SECRET`, and every
//! request body is a valid protobuf message, so the fuzzer starts from inputs that reach deep.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use momento_fuzz::{percent_encode, render_requests, root_token, scoped_token, FuzzRequest};
use momento_proto::cache_client as cc;
use momento_proto::cache_client::pubsub as ps;
use momento_proto::{control_client, leaderboard, token};
use momento_server::token::encode_v1_api_key;
use prost::Message;

/// `CacheReadOnly` on cache `c` (the example of `momento_server::token`'s docs).
const READ_ONLY_C: &str = "Eg0KCwoJCAIaAwoBYyIA";

fn write(target: &str, name: &str, data: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), data).unwrap();
}

fn frame(flag: u8, payload: &[u8]) -> Vec<u8> {
    let mut f = vec![flag];
    f.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_be_bytes());
    f.extend_from_slice(payload);
    f
}

fn with_options(options: u8, seed: u8, body: &[u8]) -> Vec<u8> {
    [&[options, seed][..], body].concat()
}

fn grpc_web_seeds() {
    let get = cc::GetResponse {
        result: 2,
        cache_body: b"hello".to_vec(),
        message: String::new(),
    }
    .encode_to_vec();
    let ok = frame(0x80, b"grpc-status:0\r\ngrpc-message:\r\n");
    let not_found = frame(
        0x80,
        format!(
            "grpc-status:5\r\ngrpc-message:{}\r\nerr:not_found\r\n",
            percent_encode("Cache not found: c ✓")
        )
        .as_bytes(),
    );
    let unary = [frame(0, &get), ok.clone()].concat();
    let stream = [
        frame(0, b""),
        frame(0, &get),
        frame(0, &[7; 40]),
        ok.clone(),
    ]
    .concat();
    write("grpc_web", "unary-binary", &with_options(0, 1, &unary));
    write(
        "grpc_web",
        "unary-text",
        &with_options(1, 2, STANDARD.encode(&unary).as_bytes()),
    );
    let segments = [STANDARD.encode(frame(0, &get)), STANDARD.encode(&ok)].join("\r\n");
    write(
        "grpc_web",
        "text-segments",
        &with_options(1, 3, segments.as_bytes()),
    );
    write("grpc_web", "stream-binary", &with_options(0, 4, &stream));
    write(
        "grpc_web",
        "stream-text",
        &with_options(1, 5, STANDARD.encode(&stream).as_bytes()),
    );
    write(
        "grpc_web",
        "error-trailers",
        &with_options(0, 6, &not_found),
    );
    write("grpc_web", "trailers-only-header", &with_options(8, 7, b""));
    write("grpc_web", "small-limit", &with_options(4, 8, &unary));
    write(
        "grpc_web",
        "headers",
        &with_options(0, 9, b"application/grpc-web-text:x\ngrpc-status:14\nerr:e"),
    );
}

fn jwt(payload: &str) -> String {
    format!(
        "{}.{}.sig",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256"}"#),
        URL_SAFE_NO_PAD.encode(payload)
    )
}

fn credentials_seeds() {
    let root = root_token();
    let v1 = encode_v1_api_key("127.0.0.1:8080", &root).unwrap();
    let cloud = STANDARD.encode(format!(
        r#"{{"endpoint":"cell-1.prod.a.momentohq.com","api_key":"{root}"}}"#
    ));
    let legacy = jwt(r#"{"sub":"x","cp":"control.cell.example.com","c":"cache.cell.example.com"}"#);
    let v2 = jwt(r#"{"t":"g","jti":"id","exp":1900000000}"#);
    let cases: [(u8, &str, String); 10] = [
        (0, "v1-local", v1.clone()),
        (0, "v1-cloud", cloud),
        (0, "legacy-jwt", legacy),
        (0, "v2-key", format!("{v2}\ncell.example.com\npre")),
        (
            1,
            "json-claims",
            r#"{"sub":"a\"b\u00e9\ud83d\ude00","exp":1900000000,"n":1.5e3,"x":{"y":[1,{"z":null}]},"t":true}"#
                .to_owned(),
        ),
        (
            1,
            "json-v1",
            r#" {"endpoint": "127.0.0.1:8080", "api_key": "k"} "#.to_owned(),
        ),
        (2, "v1-roundtrip", "cell.example.com:443\0key?>~é".to_owned()),
        (3, "token-roundtrip", "momento-server-root\0t1".to_owned()),
        (0, "disposable", {
            let t = scoped_token(READ_ONLY_C);
            encode_v1_api_key("localhost:9", &t).unwrap()
        }),
        (1, "json-deep", format!("{{\"a\":{}{}}}", "[".repeat(31), "]".repeat(31))),
    ];
    for (which, name, text) in cases {
        write(
            "credentials",
            name,
            &[&[which][..], text.as_bytes()].concat(),
        );
    }
}

fn server_auth_seeds() {
    let root = root_token();
    let scoped = scoped_token(READ_ONLY_C);
    let v1 = encode_v1_api_key("127.0.0.1:8080", &root).unwrap();
    let refresh = momento_fuzz::signer().refresh_token_for(&root);
    let cases: [(u8, &str, String); 8] = [
        (0, "root-token", root.clone()),
        (0, "bearer", format!("Bearer {root}")),
        (0, "scoped-token", scoped),
        (0, "v1-key", v1),
        (0, "refresh", format!("{root}\n{refresh}")),
        (
            0,
            "claims-json",
            r#"{"sub":"s","iat":1,"exp":1900000000,"p":"Eg0KCwoJCAIaAwoBYyIA","jti":"j"}"#
                .to_owned(),
        ),
        (
            1,
            "tamper",
            "momento-server-root\0\x12\x0d\x0a\x0b\x0a\x09\x08\x02\x1a\x03\x0a\x01c\"\0\0t1"
                .to_owned(),
        ),
        (1, "tamper-root", "sub\0\0jti".to_owned()),
    ];
    for (which, name, text) in cases {
        write(
            "server_auth",
            name,
            &[&[which][..], text.as_bytes()].concat(),
        );
    }
}

fn request(path: &str, auth: Option<&str>, text: bool, msg: Vec<u8>) -> FuzzRequest {
    let mut headers = vec![(
        b"content-type".to_vec(),
        if text {
            b"application/grpc-web-text".to_vec()
        } else {
            b"application/grpc-web+proto".to_vec()
        },
    )];
    headers.push((b"x-grpc-web".to_vec(), b"1".to_vec()));
    if let Some(a) = auth {
        headers.push((b"authorization".to_vec(), a.as_bytes().to_vec()));
    }
    headers.push((b"cache".to_vec(), b"c".to_vec()));
    FuzzRequest {
        method: b"POST".to_vec(),
        path: path.as_bytes().to_vec(),
        headers,
        frame: true,
        body: msg,
        ..FuzzRequest::default()
    }
}

fn server_http_seeds() {
    let root = root_token();
    let r = Some(root.as_str());
    let create = request(
        "/control_client.ScsControl/CreateCache",
        r,
        true,
        control_client::CreateCacheRequest {
            cache_name: "c".into(),
        }
        .encode_to_vec(),
    );
    let set = request(
        "/cache_client.Scs/Set",
        r,
        true,
        cc::SetRequest {
            cache_key: b"k".to_vec(),
            cache_body: b"v".to_vec(),
            ttl_milliseconds: 60_000,
        }
        .encode_to_vec(),
    );
    let get = request(
        "/cache_client.Scs/Get",
        r,
        false,
        cc::GetRequest {
            cache_key: b"k".to_vec(),
        }
        .encode_to_vec(),
    );
    write(
        "server_http",
        "create-set-get",
        &render_requests(&[create.clone(), set.clone(), get.clone()]),
    );
    let mut chunked = set.clone();
    chunked.chunk = Some(3);
    write(
        "server_http",
        "chunked-text",
        &render_requests(&[create.clone(), chunked]),
    );
    let mut raw = get.clone();
    raw.body = get.wire_body();
    raw.frame = false;
    write("server_http", "raw-body", &render_requests(&[raw]));
    let batch = request(
        "/cache_client.Scs/GetBatch",
        r,
        true,
        cc::GetBatchRequest {
            items: vec![
                cc::GetRequest {
                    cache_key: b"k".to_vec(),
                },
                cc::GetRequest {
                    cache_key: b"x".to_vec(),
                },
            ],
        }
        .encode_to_vec(),
    );
    write(
        "server_http",
        "get-batch-stream",
        &render_requests(&[create.clone(), set.clone(), batch]),
    );
    let collections = [
        request(
            "/cache_client.Scs/DictionarySet",
            r,
            true,
            cc::DictionarySetRequest {
                dictionary_name: b"d".to_vec(),
                items: vec![cc::DictionaryFieldValuePair {
                    field: b"f".to_vec(),
                    value: b"1".to_vec(),
                }],
                ttl_milliseconds: 60_000,
                refresh_ttl: true,
            }
            .encode_to_vec(),
        ),
        request(
            "/cache_client.Scs/ListPushFront",
            r,
            false,
            cc::ListPushFrontRequest {
                list_name: b"l".to_vec(),
                value: b"a".to_vec(),
                ttl_milliseconds: 60_000,
                refresh_ttl: true,
                truncate_back_to_size: 2,
            }
            .encode_to_vec(),
        ),
        request(
            "/cache_client.Scs/SortedSetPut",
            r,
            true,
            cc::SortedSetPutRequest {
                set_name: b"z".to_vec(),
                elements: vec![cc::SortedSetElement {
                    value: b"m".to_vec(),
                    score: 1.5,
                }],
                ttl_milliseconds: 60_000,
                refresh_ttl: false,
            }
            .encode_to_vec(),
        ),
        request(
            "/cache_client.Scs/SetUnion",
            r,
            true,
            cc::SetUnionRequest {
                set_name: b"s".to_vec(),
                elements: vec![b"a".to_vec(), b"b".to_vec()],
                ttl_milliseconds: 60_000,
                refresh_ttl: true,
            }
            .encode_to_vec(),
        ),
        request(
            "/cache_client.Scs/Increment",
            r,
            true,
            cc::IncrementRequest {
                cache_key: b"n".to_vec(),
                amount: 5,
                ttl_milliseconds: 60_000,
            }
            .encode_to_vec(),
        ),
    ];
    let mut all = vec![create.clone()];
    all.extend(collections);
    write("server_http", "collections", &render_requests(&all));
    let topics = [
        create.clone(),
        request(
            "/cache_client.pubsub.Pubsub/Subscribe",
            r,
            true,
            ps::SubscriptionRequest {
                cache_name: "c".into(),
                topic: "t".into(),
                ..Default::default()
            }
            .encode_to_vec(),
        ),
        request(
            "/cache_client.pubsub.Pubsub/Publish",
            r,
            true,
            ps::PublishRequest {
                cache_name: "c".into(),
                topic: "t".into(),
                value: Some(ps::TopicValue {
                    kind: Some(ps::topic_value::Kind::Text("hi".into())),
                }),
            }
            .encode_to_vec(),
        ),
    ];
    write("server_http", "topics", &render_requests(&topics));
    let token = request(
        "/token.Token/GenerateDisposableToken",
        None,
        true,
        token::GenerateDisposableTokenRequest {
            expires: Some(token::generate_disposable_token_request::Expires {
                valid_for_seconds: 60,
            }),
            auth_token: encode_v1_api_key("127.0.0.1:8080", &root).unwrap(),
            permissions: None,
            token_id: "t".into(),
        }
        .encode_to_vec(),
    );
    write(
        "server_http",
        "disposable-token",
        &render_requests(&[token]),
    );
    let board = request(
        "/leaderboard.Leaderboard/UpsertElements",
        r,
        true,
        leaderboard::UpsertElementsRequest {
            leaderboard: "b".into(),
            elements: vec![leaderboard::Element { id: 1, score: 2.0 }],
            ..Default::default()
        }
        .encode_to_vec(),
    );
    write(
        "server_http",
        "leaderboard",
        &render_requests(&[create.clone(), board]),
    );
    let scoped = scoped_token(READ_ONLY_C);
    let mut denied = set.clone();
    for (n, v) in &mut denied.headers {
        if n == b"authorization" {
            *v = scoped.clone().into_bytes();
        }
    }
    write(
        "server_http",
        "scoped-denied",
        &render_requests(&[create.clone(), denied, get.clone()]),
    );
    let ping = request("/cache_client.Ping/Ping", None, true, Vec::new());
    let preflight = FuzzRequest {
        method: b"OPTIONS".to_vec(),
        path: b"/cache_client.Scs/Get".to_vec(),
        headers: vec![
            (b"origin".to_vec(), b"http://localhost:3000".to_vec()),
            (b"access-control-request-method".to_vec(), b"POST".to_vec()),
            (
                b"access-control-request-headers".to_vec(),
                b"authorization,cache,content-type,x-grpc-web".to_vec(),
            ),
        ],
        ..FuzzRequest::default()
    };
    let mut unauthenticated = get.clone();
    unauthenticated
        .headers
        .retain(|(n, _)| n != b"authorization");
    write(
        "server_http",
        "ping-preflight-unauth",
        &render_requests(&[ping, preflight, unauthenticated]),
    );
    let mut native = get.clone();
    native.h2 = true;
    native.headers[0].1 = b"application/grpc".to_vec();
    native.headers.push((b"te".to_vec(), b"trailers".to_vec()));
    write(
        "server_http",
        "native-h2",
        &render_requests(&[create, set, native]),
    );
}

fn main() {
    grpc_web_seeds();
    credentials_seeds();
    server_auth_seeds();
    server_http_seeds();
    println!(
        "seeds written to {}",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .display()
    );
}
