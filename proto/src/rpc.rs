//! Every RPC of the Momento protocol, defined once: its gRPC path, service, messages, whether a
//! client may retry it, which permission it needs, whether its reply carries stored data, and
//! its momento-local fault-injection name.
//!
//! One row per RPC in the `rpcs!` table below generates:
//! - [`Rpc`], an enum with one variant per RPC (named after the gRPC method), whose `const fn`
//!   accessors ([`Rpc::path`], [`Rpc::idempotent`], [`Rpc::access`], …) read its [`RpcDef`] and
//!   so can fill constants at compile time;
//! - [`RPCS`], the table itself (in the protos' order), and [`Rpc::ALL`];
//! - [`RpcRequest`] for each request message, tying it to its RPC and reply message (one request
//!   trait per RPC, as `momentohq/client-sdk-rust` does).
//!
//! The table is checked against the protos (the tests below): every method of every service has
//! exactly one row with its path, messages and streaming flag, and the `retry_semantic` options
//! the protos do carry agree with [`RpcDef::idempotent`].
//!
//! ```
//! use momento_proto::rpc::{Access, Rpc, RpcRequest};
//! use momento_proto::cache_client::GetRequest;
//!
//! const GET: &str = Rpc::Get.path();
//! assert_eq!(GET, "/cache_client.Scs/Get");
//! assert_eq!(<GetRequest as RpcRequest>::RPC, Rpc::Get);
//! assert!(Rpc::Get.idempotent() && !Rpc::Increment.idempotent());
//! assert_eq!(Rpc::Increment.access(), Access::ReadWrite);
//! assert_eq!(Rpc::from_path("/cache_client.Scs/SetIfNotExists").and_then(Rpc::local_name), Some("set-if"));
//! ```

/// Which of Momento's endpoints (host names) serves a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `cache.<base>`: the data plane, topics, leaderboards, ping.
    Cache,
    /// `control.<base>`: the control plane, API keys, webhooks.
    Control,
    /// `token.<base>`: disposable tokens.
    Token,
}

impl Service {
    /// The service a request path `/<service>/<method>` names (the method need not exist).
    pub fn from_path(path: &str) -> Option<Self> {
        let service = path.strip_prefix('/')?.split_once('/')?.0;
        Self::ALL.iter().copied().find(|s| s.name() == service)
    }

    /// Its RPCs, in the protos' order.
    pub fn rpcs(self) -> impl Iterator<Item = &'static RpcDef> {
        RPCS.iter().filter(move |def| def.service == self)
    }
}

/// The permission an RPC needs, as momento-server enforces it (and Momento documents its roles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    /// Reads the items it names (keys; collection or leaderboard names): `CacheReadOnly` or
    /// `CacheReadWrite` on them.
    Read,
    /// Writes the items it names: `CacheWriteOnly` or `CacheReadWrite`.
    Write,
    /// Reads and writes them (conditional writes, pops, increments, which answer what is stored):
    /// both. `SetIfHash` with the `unconditional` condition only writes.
    ReadWrite,
    /// Publishes to a topic: `TopicWriteOnly` or `TopicReadWrite`.
    Publish,
    /// Subscribes to a topic: `TopicReadOnly` or `TopicReadWrite`.
    Subscribe,
    /// Control plane (caches, signing keys, indexes, webhooks): a super-user key.
    SuperUser,
    /// Any valid token; the reply shows only what its grants name (`ListCaches`).
    AnyToken,
    /// Mints keys or tokens: the caller's credential travels in the request body and must be a
    /// super-user key (`GenerateApiToken`, `GenerateDisposableToken`).
    Mint,
    /// The request body carries the key to refresh and its refresh token (`RefreshApiToken`).
    Refresh,
    /// No credential at all (`Ping`, `Login`).
    Public,
}

impl Access {
    /// Whether the caller's credential travels in the `authorization` header (false for
    /// [`Access::Mint`], [`Access::Refresh`] and [`Access::Public`]).
    pub const fn header_credential(self) -> bool {
        !matches!(self, Self::Mint | Self::Refresh | Self::Public)
    }
}

/// One RPC's definition: a row of [`RPCS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RpcDef {
    /// The RPC.
    pub rpc: Rpc,
    /// Its service.
    pub service: Service,
    /// The gRPC method name, e.g. `"Get"` (also what permission denials name).
    pub method: &'static str,
    /// `/<package>.<Service>/<Method>`, e.g. `"/cache_client.Scs/Get"`.
    pub path: &'static str,
    /// The reply is a server stream (`GetBatch`, `SetBatch`, `Subscribe`, `Login`).
    pub streaming: bool,
    /// A client may repeat it after a failure that may not have been processed (the official
    /// Node SDK's `DefaultEligibilityStrategy` list): repeating it cannot apply it twice.
    pub idempotent: bool,
    /// The permission it needs.
    pub access: Access,
    /// The reply may carry the stored contents (values, fields, elements) of the items the
    /// request names, and so weigh what they weigh (momento-server's in-flight budget reserves
    /// that much before a data-plane call copies them). False for writes and for replies of
    /// counts, flags, TTLs, types or ranks.
    pub returns_stored_data: bool,
    /// momento-local's name for it in the fault-injection metadata (`error-rpcs`, `delay-rpcs`,
    /// `stream-error-rpcs`): the SDKs' `MomentoRPCMethodMetadataConverter` names, shared by
    /// `SetIf`/`SetIfNotExists` (`set-if`) and `ListErase`/`ListRemove` (`list-remove`). `None`
    /// for RPCs momento-local never faults (control plane, auth, leaderboards, webhooks, ping).
    pub local_name: Option<&'static str>,
}

impl RpcDef {
    /// A row with every flag off.
    const fn new(
        rpc: Rpc,
        service: Service,
        method: &'static str,
        path: &'static str,
        access: Access,
    ) -> Self {
        Self {
            rpc,
            service,
            method,
            path,
            streaming: false,
            idempotent: false,
            access,
            returns_stored_data: false,
            local_name: None,
        }
    }

    const fn streaming(mut self) -> Self {
        self.streaming = true;
        self
    }

    const fn idempotent(mut self) -> Self {
        self.idempotent = true;
        self
    }

    const fn stored(mut self) -> Self {
        self.returns_stored_data = true;
        self
    }

    const fn local(mut self, name: &'static str) -> Self {
        self.local_name = Some(name);
        self
    }
}

/// A request message of one RPC.
pub trait RpcRequest: prost::Message + Default {
    /// The RPC it is the request of.
    const RPC: Rpc;
    /// The reply message (one item of the stream for streaming RPCs).
    type Response: prost::Message + Default;
}

/// Generates [`Service`], [`Rpc`], [`RPCS`] and the [`RpcRequest`] impls from one table. Each
/// service block is `Variant = "<package>.<Service>", Endpoint, module {…}` (the module of its
/// messages); each row is `Method(Request) -> Response: Access, flags…`, where `Empty` is
/// `common::_Empty` and the flags are the builder methods of [`RpcDef`] (`streaming`,
/// `idempotent`, `stored`, `local("name")`).
macro_rules! rpcs {
    ($(
        $service:ident = $name:literal, $endpoint:ident, $($module:ident)::+ {
            $(
                $rpc:ident($req:ident) -> $resp:ident: $access:ident $(, $flag:ident $(($($arg:tt)*))?)*;
            )*
        }
    )*) => {
        /// A gRPC service of the protocol.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Service {
            $(
                #[doc = concat!("`", $name, "`.")]
                $service,
            )*
        }

        impl Service {
            /// Every service.
            pub const ALL: &'static [Service] = &[$(Service::$service,)*];

            /// The full service name, `<package>.<Service>`: the first segment of its RPCs' paths.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Service::$service => $name,)*
                }
            }

            /// The endpoint that serves it.
            pub const fn endpoint(self) -> Endpoint {
                match self {
                    $(Service::$service => Endpoint::$endpoint,)*
                }
            }
        }

        /// An RPC of the protocol: its variant name is the gRPC method name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rpc {
            $($(
                #[doc = concat!("`", stringify!($rpc), "` of [`Service::", stringify!($service), "`].")]
                $rpc,
            )*)*
        }

        /// The definitions, one constant per RPC (so that [`Rpc::def`] can be a `const fn`).
        #[allow(non_upper_case_globals)]
        mod defs {
            use super::{Access, Rpc, RpcDef, Service};
            $($(
                pub(super) const $rpc: RpcDef = RpcDef::new(
                    Rpc::$rpc,
                    Service::$service,
                    stringify!($rpc),
                    concat!("/", $name, "/", stringify!($rpc)),
                    Access::$access,
                )$(.$flag($($($arg)*)?))*;
            )*)*
        }

        /// Every RPC's definition, service by service in the protos' order.
        pub static RPCS: &[RpcDef] = &[$($(defs::$rpc,)*)*];

        impl Rpc {
            /// Every RPC, in the order of [`RPCS`].
            pub const ALL: &'static [Rpc] = &[$($(Rpc::$rpc,)*)*];

            /// Its definition.
            pub const fn def(self) -> &'static RpcDef {
                match self {
                    $($(Rpc::$rpc => &defs::$rpc,)*)*
                }
            }
        }

        $(
            const _: () = {
                use crate::$($module)::+ as messages;
                $(
                    impl RpcRequest for messages::$req {
                        const RPC: Rpc = Rpc::$rpc;
                        type Response = rpc_response!($resp);
                    }
                )*
            };
        )*

        /// `(rpc, request type, reply type)` of every row, by Rust type name (for the tests
        /// that hold the table against the protos).
        #[cfg(test)]
        fn message_types() -> Vec<(Rpc, &'static str, &'static str)> {
            let mut types = Vec::new();
            $({
                use crate::$($module)::+ as messages;
                $(types.push((
                    Rpc::$rpc,
                    std::any::type_name::<messages::$req>(),
                    std::any::type_name::<rpc_response!($resp)>(),
                ));)*
            })*
            types
        }
    };
}

/// A reply type of the table: `Empty` is `common::_Empty`, anything else lives in the service's
/// module.
macro_rules! rpc_response {
    (Empty) => {
        crate::common::Empty
    };
    ($resp:ident) => {
        messages::$resp
    };
}

rpcs! {
    Scs = "cache_client.Scs", Cache, cache_client {
        Get(GetRequest) -> GetResponse: Read, idempotent, stored, local("get");
        GetWithHash(GetWithHashRequest) -> GetWithHashResponse: Read, idempotent, stored, local("get-with-hash");
        GetBatch(GetBatchRequest) -> GetResponse: Read, streaming, idempotent, stored, local("get-batch");
        Set(SetRequest) -> SetResponse: Write, idempotent, local("set");
        SetBatch(SetBatchRequest) -> SetResponse: Write, streaming, idempotent, local("set-batch");
        SetIf(SetIfRequest) -> SetIfResponse: ReadWrite, local("set-if");
        SetIfHash(SetIfHashRequest) -> SetIfHashResponse: ReadWrite, local("set-if-hash");
        SetIfNotExists(SetIfNotExistsRequest) -> SetIfNotExistsResponse: ReadWrite, local("set-if");
        Delete(DeleteRequest) -> DeleteResponse: Write, idempotent, local("delete");
        KeysExist(KeysExistRequest) -> KeysExistResponse: Read, idempotent, local("keys-exist");
        Increment(IncrementRequest) -> IncrementResponse: ReadWrite, stored, local("increment");
        UpdateTtl(UpdateTtlRequest) -> UpdateTtlResponse: Write, local("update-ttl");
        ItemGetTtl(ItemGetTtlRequest) -> ItemGetTtlResponse: Read, idempotent, local("item-get-ttl");
        ItemGetType(ItemGetTypeRequest) -> ItemGetTypeResponse: Read, idempotent, local("item-get-type");
        DictionaryGet(DictionaryGetRequest) -> DictionaryGetResponse: Read, idempotent, stored, local("dictionary-get");
        DictionaryFetch(DictionaryFetchRequest) -> DictionaryFetchResponse: Read, idempotent, stored, local("dictionary-fetch");
        DictionarySet(DictionarySetRequest) -> DictionarySetResponse: Write, idempotent, local("dictionary-set");
        DictionaryIncrement(DictionaryIncrementRequest) -> DictionaryIncrementResponse: ReadWrite, stored, local("dictionary-increment");
        DictionaryDelete(DictionaryDeleteRequest) -> DictionaryDeleteResponse: Write, idempotent, local("dictionary-delete");
        DictionaryLength(DictionaryLengthRequest) -> DictionaryLengthResponse: Read, idempotent, local("dictionary-length");
        SetFetch(SetFetchRequest) -> SetFetchResponse: Read, idempotent, stored, local("set-fetch");
        SetSample(SetSampleRequest) -> SetSampleResponse: Read, idempotent, stored, local("set-sample");
        SetUnion(SetUnionRequest) -> SetUnionResponse: Write, idempotent, local("set-union");
        SetDifference(SetDifferenceRequest) -> SetDifferenceResponse: Write, idempotent, local("set-difference");
        SetContains(SetContainsRequest) -> SetContainsResponse: Read, idempotent, local("set-contains");
        SetLength(SetLengthRequest) -> SetLengthResponse: Read, idempotent, local("set-length");
        SetPop(SetPopRequest) -> SetPopResponse: ReadWrite, stored, local("set-pop");
        ListPushFront(ListPushFrontRequest) -> ListPushFrontResponse: Write, local("list-push-front");
        ListPushBack(ListPushBackRequest) -> ListPushBackResponse: Write, local("list-push-back");
        ListPopFront(ListPopFrontRequest) -> ListPopFrontResponse: ReadWrite, stored, local("list-pop-front");
        ListPopBack(ListPopBackRequest) -> ListPopBackResponse: ReadWrite, stored, local("list-pop-back");
        ListErase(ListEraseRequest) -> ListEraseResponse: Write, local("list-remove");
        ListRemove(ListRemoveRequest) -> ListRemoveResponse: Write, idempotent, local("list-remove");
        ListFetch(ListFetchRequest) -> ListFetchResponse: Read, idempotent, stored, local("list-fetch");
        ListLength(ListLengthRequest) -> ListLengthResponse: Read, idempotent, local("list-length");
        ListConcatenateFront(ListConcatenateFrontRequest) -> ListConcatenateFrontResponse: Write, local("list-concatenate-front");
        ListConcatenateBack(ListConcatenateBackRequest) -> ListConcatenateBackResponse: Write, local("list-concatenate-back");
        ListRetain(ListRetainRequest) -> ListRetainResponse: Write, local("list-retain");
        SortedSetPut(SortedSetPutRequest) -> SortedSetPutResponse: Write, idempotent, local("sorted-set-put");
        SortedSetFetch(SortedSetFetchRequest) -> SortedSetFetchResponse: Read, idempotent, stored, local("sorted-set-fetch");
        SortedSetGetScore(SortedSetGetScoreRequest) -> SortedSetGetScoreResponse: Read, idempotent, stored, local("sorted-set-get-score");
        SortedSetRemove(SortedSetRemoveRequest) -> SortedSetRemoveResponse: Write, idempotent, local("sorted-set-remove");
        SortedSetIncrement(SortedSetIncrementRequest) -> SortedSetIncrementResponse: ReadWrite, stored, local("sorted-set-increment");
        SortedSetGetRank(SortedSetGetRankRequest) -> SortedSetGetRankResponse: Read, idempotent, local("sorted-set-get-rank");
        SortedSetLength(SortedSetLengthRequest) -> SortedSetLengthResponse: Read, idempotent, local("sorted-set-length");
        SortedSetLengthByScore(SortedSetLengthByScoreRequest) -> SortedSetLengthByScoreResponse: Read, idempotent, local("sorted-set-length-by-score");
        SortedSetUnionStore(SortedSetUnionStoreRequest) -> SortedSetUnionStoreResponse: Write, local("sorted-set-union-store");
    }
    Ping = "cache_client.Ping", Cache, cache_client {
        Ping(PingRequest) -> PingResponse: Public, idempotent;
    }
    Pubsub = "cache_client.pubsub.Pubsub", Cache, cache_client::pubsub {
        Publish(PublishRequest) -> Empty: Publish, local("topic-publish");
        Subscribe(SubscriptionRequest) -> SubscriptionItem: Subscribe, streaming, idempotent, local("topic-subscribe");
    }
    ScsControl = "control_client.ScsControl", Control, control_client {
        CreateCache(CreateCacheRequest) -> CreateCacheResponse: SuperUser;
        DeleteCache(DeleteCacheRequest) -> DeleteCacheResponse: SuperUser;
        ListCaches(ListCachesRequest) -> ListCachesResponse: AnyToken, idempotent;
        FlushCache(FlushCacheRequest) -> FlushCacheResponse: SuperUser;
        CreateSigningKey(CreateSigningKeyRequest) -> CreateSigningKeyResponse: SuperUser;
        RevokeSigningKey(RevokeSigningKeyRequest) -> RevokeSigningKeyResponse: SuperUser;
        ListSigningKeys(ListSigningKeysRequest) -> ListSigningKeysResponse: SuperUser;
        CreateIndex(CreateIndexRequest) -> CreateIndexResponse: SuperUser;
        DeleteIndex(DeleteIndexRequest) -> DeleteIndexResponse: SuperUser;
        ListIndexes(ListIndexesRequest) -> ListIndexesResponse: SuperUser;
    }
    Auth = "auth.Auth", Control, auth {
        Login(LoginRequest) -> LoginResponse: Public, streaming;
        GenerateApiToken(GenerateApiTokenRequest) -> GenerateApiTokenResponse: Mint;
        RefreshApiToken(RefreshApiTokenRequest) -> RefreshApiTokenResponse: Refresh;
    }
    Token = "token.Token", Token, token {
        GenerateDisposableToken(GenerateDisposableTokenRequest) -> GenerateDisposableTokenResponse: Mint;
    }
    Leaderboard = "leaderboard.Leaderboard", Cache, leaderboard {
        DeleteLeaderboard(DeleteLeaderboardRequest) -> Empty: Write;
        UpsertElements(UpsertElementsRequest) -> Empty: Write;
        RemoveElements(RemoveElementsRequest) -> Empty: Write;
        GetLeaderboardLength(GetLeaderboardLengthRequest) -> GetLeaderboardLengthResponse: Read;
        GetByRank(GetByRankRequest) -> GetByRankResponse: Read, stored;
        GetRank(GetRankRequest) -> GetRankResponse: Read;
        GetByScore(GetByScoreRequest) -> GetByScoreResponse: Read, stored;
        GetCompetitionRank(GetCompetitionRankRequest) -> GetCompetitionRankResponse: Read;
    }
    Webhook = "webhook.Webhook", Control, webhook {
        PutWebhook(PutWebhookRequest) -> PutWebhookResponse: SuperUser;
        DeleteWebhook(DeleteWebhookRequest) -> DeleteWebhookResponse: SuperUser;
        ListWebhooks(ListWebhookRequest) -> ListWebhooksResponse: SuperUser;
        GetWebhookSecret(GetWebhookSecretRequest) -> GetWebhookSecretResponse: SuperUser;
        RotateWebhookSecret(RotateWebhookSecretRequest) -> RotateWebhookSecretResponse: SuperUser;
    }
}

impl Rpc {
    /// The gRPC path, `/<package>.<Service>/<Method>`.
    pub const fn path(self) -> &'static str {
        self.def().path
    }

    /// The gRPC method name, e.g. `"Get"`.
    pub const fn method(self) -> &'static str {
        self.def().method
    }

    /// Its service.
    pub const fn service(self) -> Service {
        self.def().service
    }

    /// Whether a client may retry it ([`RpcDef::idempotent`]).
    pub const fn idempotent(self) -> bool {
        self.def().idempotent
    }

    /// The permission it needs.
    pub const fn access(self) -> Access {
        self.def().access
    }

    /// Whether the reply is a server stream.
    pub const fn streaming(self) -> bool {
        self.def().streaming
    }

    /// Whether the reply may carry stored data ([`RpcDef::returns_stored_data`]).
    pub const fn returns_stored_data(self) -> bool {
        self.def().returns_stored_data
    }

    /// momento-local's fault-injection name ([`RpcDef::local_name`]).
    pub const fn local_name(self) -> Option<&'static str> {
        self.def().local_name
    }

    /// The RPC at a request path.
    pub fn from_path(path: &str) -> Option<Self> {
        RPCS.iter().find(|def| def.path == path).map(|def| def.rpc)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use prost::Message as _;
    use prost_types::FileDescriptorSet;

    use super::*;

    /// `.cache_client.pubsub._PublishRequest` → `momento_proto::cache_client::pubsub::PublishRequest`,
    /// as prost names the type.
    fn rust_type(proto_type: &str) -> String {
        let (package, name) = proto_type.trim_start_matches('.').rsplit_once('.').unwrap();
        format!(
            "momento_proto::{}::{}",
            package.replace('.', "::"),
            name.trim_start_matches('_')
        )
    }

    /// Every method of every service in the protos has exactly one row, with its path, messages
    /// and streaming flag; every row is such a method; the services are the protos' services.
    #[test]
    fn table_matches_the_protos() {
        let fds = FileDescriptorSet::decode(crate::FILE_DESCRIPTOR_SET).unwrap();
        let types: HashMap<Rpc, (&str, &str)> = message_types()
            .into_iter()
            .map(|(rpc, req, resp)| (rpc, (req, resp)))
            .collect();
        let mut seen = HashSet::new();
        let mut services = HashSet::new();
        for file in &fds.file {
            for service in &file.service {
                let name = format!("{}.{}", file.package(), service.name());
                services.insert(name.clone());
                for method in &service.method {
                    let path = format!("/{name}/{}", method.name());
                    let rpc = Rpc::from_path(&path).unwrap_or_else(|| panic!("no row for {path}"));
                    assert!(seen.insert(rpc), "{path} twice");
                    let def = rpc.def();
                    assert_eq!(def.method, method.name());
                    assert_eq!(def.service.name(), name);
                    assert_eq!(Service::from_path(&path), Some(def.service));
                    assert_eq!(def.streaming, method.server_streaming(), "{path}");
                    assert!(!method.client_streaming(), "{path}");
                    let (req, resp) = types[&rpc];
                    assert_eq!(req, rust_type(method.input_type()), "{path}");
                    assert_eq!(resp, rust_type(method.output_type()), "{path}");
                }
            }
        }
        assert_eq!(
            seen.len(),
            RPCS.len(),
            "rows without a method in the protos"
        );
        assert_eq!(Rpc::ALL.len(), RPCS.len());
        let ours: HashSet<String> = Service::ALL.iter().map(|s| s.name().to_owned()).collect();
        assert_eq!(ours, services);
        for (index, def) in RPCS.iter().enumerate() {
            assert_eq!(Rpc::ALL[index], def.rpc);
            assert_eq!(def.rpc.def(), def);
        }
    }

    /// The `retry_semantic` options the protos carry (prost drops extensions, so the `.proto`
    /// text is read) agree with the table.
    #[test]
    fn retry_semantics_agree() {
        let types = message_types();
        let mut checked = 0;
        for entry in std::fs::read_dir(env!("CARGO_MANIFEST_DIR")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "proto") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (message, semantic) in retry_options(&text) {
                let suffix = format!("::{}", message.trim_start_matches('_'));
                let Some((rpc, _, _)) = types.iter().find(|(_, req, _)| req.ends_with(&suffix))
                else {
                    continue;
                };
                assert_eq!(rpc.idempotent(), semantic == "Retryable", "{rpc:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, 2, "Publish and Subscribe carry the option");
    }

    /// `(message, RetrySemantic value)` of every `option (retry_semantic) = …;` in `text`.
    fn retry_options(text: &str) -> Vec<(String, String)> {
        let mut message = None;
        let mut found = Vec::new();
        for line in text.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("message ") {
                message = rest.split_whitespace().next().map(str::to_owned);
            } else if let Some(rest) = line.strip_prefix("option (retry_semantic) = ") {
                let semantic = rest.trim_end_matches(';').to_owned();
                found.push((message.clone().unwrap(), semantic));
            }
        }
        found
    }

    #[test]
    fn data_plane_and_topic_rows() {
        let mut local_names: HashMap<&str, Vec<Rpc>> = HashMap::new();
        for def in RPCS {
            match def.service {
                Service::Scs => assert!(
                    matches!(def.access, Access::Read | Access::Write | Access::ReadWrite),
                    "{:?}",
                    def.rpc
                ),
                Service::Pubsub => {
                    assert!(matches!(def.access, Access::Publish | Access::Subscribe));
                }
                _ => assert_eq!(def.local_name, None, "{:?}", def.rpc),
            }
            if matches!(def.service, Service::Scs | Service::Pubsub) {
                local_names
                    .entry(def.local_name.unwrap())
                    .or_default()
                    .push(def.rpc);
            }
            assert!(!(def.returns_stored_data && def.access == Access::Write));
        }
        let shared: Vec<_> = local_names
            .values()
            .filter(|rpcs| rpcs.len() > 1)
            .cloned()
            .collect();
        assert_eq!(shared.len(), 2);
        assert!(shared.contains(&vec![Rpc::SetIf, Rpc::SetIfNotExists]));
        assert!(shared.contains(&vec![Rpc::ListErase, Rpc::ListRemove]));
    }
}
