//! Byte-for-byte wire checks of the generated messages.
//!
//! Every expected byte string below was worked out by hand from the protobuf
//! wire format (tag = field_number << 3 | wire_type; wire types: 0 varint,
//! 1 fixed64, 2 length-delimited), never produced by the code under test.

use base64::Engine as _;
use momento_proto::{cache_client, common, leaderboard, permission_messages, webhook};
use prost::Message;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// gRPC-web data frame: flag byte 0x00, big-endian u32 length, message.
fn grpc_web_frame(message: &[u8]) -> Result<Vec<u8>, std::num::TryFromIntError> {
    let len = u32::try_from(message.len())?;
    let mut frame = vec![0x00];
    frame.extend_from_slice(&len.to_be_bytes());
    frame.extend_from_slice(message);
    Ok(frame)
}

#[test]
fn get_request_encodes_cache_key_as_field_1() {
    let req = cache_client::GetRequest {
        cache_key: b"foo".to_vec(),
    };
    // 0A = field 1, length-delimited; 03 = length; "foo".
    assert_eq!(req.encode_to_vec(), [0x0A, 0x03, 0x66, 0x6F, 0x6F]);
}

#[test]
fn get_request_grpc_web_text_frame() -> TestResult {
    let req = cache_client::GetRequest {
        cache_key: b"foo".to_vec(),
    };
    let frame = grpc_web_frame(&req.encode_to_vec())?;
    assert_eq!(
        frame,
        [0x00, 0x00, 0x00, 0x00, 0x05, 0x0A, 0x03, 0x66, 0x6F, 0x6F]
    );
    // grpc-web-text: the frame, standard base64 with padding.
    assert_eq!(
        base64::engine::general_purpose::STANDARD.encode(&frame),
        "AAAAAAUKA2Zvbw=="
    );
    Ok(())
}

#[test]
fn get_response_hit_decodes() -> TestResult {
    // 08 02 = result (field 1 varint) Hit; 12 03 "bar" = cache_body (field 2).
    let resp = cache_client::GetResponse::decode(&[0x08, 0x02, 0x12, 0x03, 0x62, 0x61, 0x72][..])?;
    assert_eq!(resp.result(), cache_client::ECacheResult::Hit);
    assert_eq!(resp.cache_body, b"bar");
    assert_eq!(resp.message, "");
    Ok(())
}

#[test]
fn set_request_encodes_key_body_ttl() {
    let req = cache_client::SetRequest {
        cache_key: b"k".to_vec(),
        cache_body: b"v".to_vec(),
        ttl_milliseconds: 60_000,
    };
    // 60000 = 0b11_1010100_1100000 -> varint groups (LSB first) E0 D4 03.
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x6B, 0x12, 0x01, 0x76, 0x18, 0xE0, 0xD4, 0x03]
    );
}

#[test]
fn set_if_absent_encodes_field_6_as_empty_message() {
    let req = cache_client::SetIfRequest {
        cache_key: b"k".to_vec(),
        cache_body: b"v".to_vec(),
        ttl_milliseconds: 1_000,
        condition: Some(cache_client::set_if_request::Condition::Absent(
            common::Absent {},
        )),
    };
    // ttl 1000 -> 18 E8 07; absent -> 32 00 (field 6, length-delimited, empty).
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x6B, 0x12, 0x01, 0x76, 0x18, 0xE8, 0x07, 0x32, 0x00]
    );
}

#[test]
fn set_if_hash_response_stored_decodes() -> TestResult {
    // 0A 04 (stored, field 1) { 0A 02 AB CD (new_hash, field 1) }.
    let resp = cache_client::SetIfHashResponse::decode(&[0x0A, 0x04, 0x0A, 0x02, 0xAB, 0xCD][..])?;
    assert_eq!(
        resp.result,
        Some(cache_client::set_if_hash_response::Result::Stored(
            cache_client::set_if_hash_response::Stored {
                new_hash: vec![0xAB, 0xCD]
            }
        ))
    );
    Ok(())
}

#[test]
fn update_ttl_overwrite_is_field_4() {
    let req = cache_client::UpdateTtlRequest {
        cache_key: b"k".to_vec(),
        update_ttl: Some(
            cache_client::update_ttl_request::UpdateTtl::OverwriteToMilliseconds(1_000),
        ),
    };
    assert_eq!(req.encode_to_vec(), [0x0A, 0x01, 0x6B, 0x20, 0xE8, 0x07]);
}

#[test]
fn keys_exist_response_decodes_packed_bools() -> TestResult {
    // proto3 packs repeated scalars: 0A 02 01 00.
    let resp = cache_client::KeysExistResponse::decode(&[0x0A, 0x02, 0x01, 0x00][..])?;
    assert_eq!(resp.exists, [true, false]);
    Ok(())
}

#[test]
fn dictionary_delete_some_fields() {
    let req = cache_client::DictionaryDeleteRequest {
        dictionary_name: b"d".to_vec(),
        delete: Some(cache_client::dictionary_delete_request::Delete::Some(
            cache_client::dictionary_delete_request::Some {
                fields: vec![b"f".to_vec()],
            },
        )),
    };
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x64, 0x12, 0x03, 0x0A, 0x01, 0x66]
    );
}

#[test]
fn list_fetch_indexes_are_sint32_zigzag() {
    use cache_client::list_fetch_request::{EndIndex, StartIndex};

    let req = cache_client::ListFetchRequest {
        list_name: b"l".to_vec(),
        start_index: Some(StartIndex::InclusiveStart(-1)),
        end_index: Some(EndIndex::UnboundedEnd(common::Unbounded {})),
    };
    // inclusive_start -1 -> zigzag 1 -> 18 01; unbounded_end -> 22 00.
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x6C, 0x18, 0x01, 0x22, 0x00]
    );

    let req = cache_client::ListFetchRequest {
        list_name: b"l".to_vec(),
        start_index: Some(StartIndex::InclusiveStart(2)),
        end_index: Some(EndIndex::ExclusiveEnd(-3)),
    };
    // 2 -> zigzag 4; -3 -> zigzag 5 (field 5 -> tag 28).
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x6C, 0x18, 0x04, 0x28, 0x05]
    );
}

#[test]
fn list_push_front_truncate_zero_is_not_encoded() {
    let req = cache_client::ListPushFrontRequest {
        list_name: b"l".to_vec(),
        value: b"v".to_vec(),
        ttl_milliseconds: 0,
        refresh_ttl: true,
        truncate_back_to_size: 0,
    };
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x6C, 0x12, 0x01, 0x76, 0x20, 0x01]
    );
}

#[test]
fn sorted_set_element_score_is_fixed64_double() -> TestResult {
    let element = cache_client::SortedSetElement {
        value: b"a".to_vec(),
        score: 1.5,
    };
    // 1.5 = 0x3FF8_0000_0000_0000, little-endian; tag 11 = field 2, fixed64.
    let expected = [
        0x0A, 0x01, 0x61, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F,
    ];
    assert_eq!(element.encode_to_vec(), expected);
    assert_eq!(
        cache_client::SortedSetElement::decode(&expected[..])?,
        element
    );
    Ok(())
}

#[test]
fn subscription_item_heartbeat_decodes() -> TestResult {
    use cache_client::pubsub::{subscription_item::Kind, Heartbeat, SubscriptionItem};

    // 1A 00: field 3 (heartbeat), empty message.
    let item = SubscriptionItem::decode(&[0x1A, 0x00][..])?;
    assert_eq!(item.kind, Some(Kind::Heartbeat(Heartbeat {})));
    Ok(())
}

#[test]
fn subscription_item_topic_item_and_discontinuity_decode() -> TestResult {
    use cache_client::pubsub::{
        subscription_item::Kind, topic_value, Discontinuity, SubscriptionItem, TopicItem,
        TopicValue,
    };

    // item (field 1, 10 bytes): topic_sequence_number 5 (08 05),
    // value { text "hi" } (12 04 0A 02 68 69), sequence_page 42 (20 2A).
    let bytes = [
        0x0A, 0x0A, 0x08, 0x05, 0x12, 0x04, 0x0A, 0x02, 0x68, 0x69, 0x20, 0x2A,
    ];
    let item = SubscriptionItem::decode(&bytes[..])?;
    assert_eq!(
        item.kind,
        Some(Kind::Item(TopicItem {
            topic_sequence_number: 5,
            value: Some(TopicValue {
                kind: Some(topic_value::Kind::Text("hi".to_owned())),
            }),
            publisher_id: String::new(),
            sequence_page: 42,
        }))
    );

    // discontinuity (field 2): last 1, new 3, new page 7.
    let bytes = [0x12, 0x06, 0x08, 0x01, 0x10, 0x03, 0x18, 0x07];
    let item = SubscriptionItem::decode(&bytes[..])?;
    assert_eq!(
        item.kind,
        Some(Kind::Discontinuity(Discontinuity {
            last_topic_sequence: 1,
            new_topic_sequence: 3,
            new_sequence_page: 7,
        }))
    );
    Ok(())
}

#[test]
fn publish_request_binary_value() {
    use cache_client::pubsub::{topic_value, PublishRequest, TopicValue};

    let req = PublishRequest {
        cache_name: "c".to_owned(),
        topic: "t".to_owned(),
        value: Some(TopicValue {
            kind: Some(topic_value::Kind::Binary(vec![0x01, 0x02])),
        }),
    };
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x63, 0x12, 0x01, 0x74, 0x1A, 0x04, 0x12, 0x02, 0x01, 0x02]
    );
}

#[test]
fn competition_rank_order_is_optional() {
    let mut req = leaderboard::GetCompetitionRankRequest {
        leaderboard: "b".to_owned(),
        ids: vec![1, 2],
        order: None,
    };
    // leaderboard is field 1 here; ids packed (12 02 01 02); no order.
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x62, 0x12, 0x02, 0x01, 0x02]
    );
    // Explicit presence: ASCENDING (0) is still sent.
    req.set_order(leaderboard::Order::Ascending);
    assert_eq!(
        req.encode_to_vec(),
        [0x0A, 0x01, 0x62, 0x12, 0x02, 0x01, 0x02, 0x18, 0x00]
    );
}

#[test]
fn leaderboard_requests_skip_reserved_field_1() {
    let req = leaderboard::GetLeaderboardLengthRequest {
        leaderboard: "b".to_owned(),
    };
    assert_eq!(req.encode_to_vec(), [0x12, 0x01, 0x62]);

    let element = leaderboard::Element { id: 7, score: 2.0 };
    // score is field 3, double: tag 19; 2.0 = 0x4000_0000_0000_0000.
    assert_eq!(
        element.encode_to_vec(),
        [0x08, 0x07, 0x19, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40]
    );
}

#[test]
fn super_user_permissions_encode_default_enum_in_oneof() {
    use permission_messages::{permissions::Kind, Permissions, SuperUserPermissions};

    let p = Permissions {
        kind: Some(Kind::SuperUser(SuperUserPermissions::SuperUser as i32)),
    };
    // A oneof member is sent even when it holds the default value.
    assert_eq!(p.encode_to_vec(), [0x08, 0x00]);
}

#[test]
fn put_webhook_request_nests_id_topic_and_destination() {
    let req = webhook::PutWebhookRequest {
        webhook: Some(webhook::Webhook {
            webhook_id: Some(webhook::WebhookId {
                cache_name: "c".to_owned(),
                webhook_name: "w".to_owned(),
            }),
            topic_name: "t".to_owned(),
            destination: Some(webhook::WebhookDestination {
                kind: Some(webhook::webhook_destination::Kind::PostUrl("u".to_owned())),
            }),
        }),
    };
    // 0A 10 = webhook (field 1, 16 bytes): 0A 06 = webhook_id (field 1, 6 bytes:
    // 0A 01 "c" cache_name, 12 01 "w" webhook_name); 12 01 "t" = topic_name
    // (field 2); 1A 03 = destination (field 3): 0A 01 "u" = post_url (field 1).
    assert_eq!(
        req.encode_to_vec(),
        [
            0x0A, 0x10, 0x0A, 0x06, 0x0A, 0x01, b'c', 0x12, 0x01, b'w', 0x12, 0x01, b't', 0x1A,
            0x03, 0x0A, 0x01, b'u'
        ]
    );
}

#[test]
fn get_webhook_secret_response_decodes() -> TestResult {
    // 0A 01 "c" cache_name; 12 01 "w" webhook_name; 1A 02 "s1" secret_string.
    let resp = webhook::GetWebhookSecretResponse::decode(
        &[0x0A, 0x01, b'c', 0x12, 0x01, b'w', 0x1A, 0x02, b's', b'1'][..],
    )?;
    assert_eq!(resp.cache_name, "c");
    assert_eq!(resp.webhook_name, "w");
    assert_eq!(resp.secret_string, "s1");
    Ok(())
}

/// The descriptor set must describe exactly the services of the reference,
/// with the server-streaming RPCs marked as such.
#[test]
fn descriptor_set_lists_every_service() -> TestResult {
    let fds = prost_types::FileDescriptorSet::decode(momento_proto::FILE_DESCRIPTOR_SET)?;

    let mut services = Vec::new();
    for file in &fds.file {
        for service in &file.service {
            let methods: Vec<(String, bool)> = service
                .method
                .iter()
                .map(|m| {
                    (
                        m.name().to_owned(),
                        m.server_streaming() || m.client_streaming(),
                    )
                })
                .collect();
            services.push((format!("{}.{}", file.package(), service.name()), methods));
        }
    }
    services.sort();

    let unary = |names: &[&str]| -> Vec<(String, bool)> {
        names.iter().map(|n| ((*n).to_owned(), false)).collect()
    };
    let names =
        |s: &[(String, bool)]| -> Vec<String> { s.iter().map(|(n, _)| n.clone()).collect() };

    let find = |name: &str| -> Vec<(String, bool)> {
        services
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    };

    assert_eq!(
        services.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        [
            "auth.Auth",
            "cache_client.Ping",
            "cache_client.Scs",
            "cache_client.pubsub.Pubsub",
            "control_client.ScsControl",
            "leaderboard.Leaderboard",
            "token.Token",
            "webhook.Webhook",
        ]
    );

    let scs = find("cache_client.Scs");
    let mut scs_names = names(&scs);
    scs_names.sort();
    let mut expected_scs: Vec<String> = [
        "Get",
        "GetWithHash",
        "GetBatch",
        "Set",
        "SetBatch",
        "SetIf",
        "SetIfHash",
        "SetIfNotExists",
        "Delete",
        "KeysExist",
        "Increment",
        "UpdateTtl",
        "ItemGetTtl",
        "ItemGetType",
        "DictionaryGet",
        "DictionaryFetch",
        "DictionarySet",
        "DictionaryIncrement",
        "DictionaryDelete",
        "DictionaryLength",
        "SetFetch",
        "SetSample",
        "SetUnion",
        "SetDifference",
        "SetContains",
        "SetLength",
        "SetPop",
        "ListPushFront",
        "ListPushBack",
        "ListPopFront",
        "ListPopBack",
        "ListErase",
        "ListRemove",
        "ListFetch",
        "ListLength",
        "ListConcatenateFront",
        "ListConcatenateBack",
        "ListRetain",
        "SortedSetPut",
        "SortedSetFetch",
        "SortedSetGetScore",
        "SortedSetRemove",
        "SortedSetIncrement",
        "SortedSetGetRank",
        "SortedSetLength",
        "SortedSetLengthByScore",
        "SortedSetUnionStore",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    expected_scs.sort();
    assert_eq!(scs_names, expected_scs);
    let mut streaming: Vec<&str> = scs
        .iter()
        .filter(|(_, s)| *s)
        .map(|(n, _)| n.as_str())
        .collect();
    streaming.sort_unstable();
    assert_eq!(streaming, ["GetBatch", "SetBatch"]);

    assert_eq!(find("cache_client.Ping"), unary(&["Ping"]));
    assert_eq!(
        find("cache_client.pubsub.Pubsub"),
        [
            ("Publish".to_owned(), false),
            ("Subscribe".to_owned(), true)
        ]
    );
    assert_eq!(
        find("control_client.ScsControl"),
        unary(&[
            "CreateCache",
            "DeleteCache",
            "ListCaches",
            "FlushCache",
            "CreateSigningKey",
            "RevokeSigningKey",
            "ListSigningKeys",
            "CreateIndex",
            "DeleteIndex",
            "ListIndexes",
        ])
    );
    assert_eq!(
        find("auth.Auth"),
        [
            ("Login".to_owned(), true),
            ("GenerateApiToken".to_owned(), false),
            ("RefreshApiToken".to_owned(), false),
        ]
    );
    assert_eq!(find("token.Token"), unary(&["GenerateDisposableToken"]));
    assert_eq!(
        find("leaderboard.Leaderboard"),
        unary(&[
            "DeleteLeaderboard",
            "UpsertElements",
            "RemoveElements",
            "GetLeaderboardLength",
            "GetByRank",
            "GetRank",
            "GetByScore",
            "GetCompetitionRank",
        ])
    );
    assert_eq!(
        find("webhook.Webhook"),
        unary(&[
            "PutWebhook",
            "DeleteWebhook",
            "ListWebhooks",
            "GetWebhookSecret",
            "RotateWebhookSecret",
        ])
    );
    Ok(())
}

/// Responses that return `common._Empty` must name it by its full proto name.
#[test]
fn descriptor_set_empty_responses() -> TestResult {
    let fds = prost_types::FileDescriptorSet::decode(momento_proto::FILE_DESCRIPTOR_SET)?;
    let mut empty_returning: Vec<String> = fds
        .file
        .iter()
        .flat_map(|f| f.service.iter())
        .flat_map(|s| s.method.iter())
        .filter(|m| m.output_type() == ".common._Empty")
        .map(|m| m.name().to_owned())
        .collect();
    empty_returning.sort();
    assert_eq!(
        empty_returning,
        [
            "DeleteLeaderboard",
            "Publish",
            "RemoveElements",
            "UpsertElements"
        ]
    );
    Ok(())
}
