//! Momento errors: one [`MomentoError`] type carrying a [`MomentoErrorCode`] whose string form is
//! identical to the official JS SDK's `MomentoErrorCode`, plus the gRPC status → error mapping.

use std::fmt;

/// gRPC status codes used by the mapping (numeric values are fixed by gRPC).
pub mod grpc_code {
    /// The call succeeded.
    pub const OK: u32 = 0;
    /// The call was cancelled.
    pub const CANCELLED: u32 = 1;
    /// Unknown error.
    pub const UNKNOWN: u32 = 2;
    /// The client sent an invalid argument.
    pub const INVALID_ARGUMENT: u32 = 3;
    /// The deadline passed before the call finished.
    pub const DEADLINE_EXCEEDED: u32 = 4;
    /// The cache (or other resource) does not exist.
    pub const NOT_FOUND: u32 = 5;
    /// The resource already exists.
    pub const ALREADY_EXISTS: u32 = 6;
    /// The credential lacks permission.
    pub const PERMISSION_DENIED: u32 = 7;
    /// A limit was exceeded.
    pub const RESOURCE_EXHAUSTED: u32 = 8;
    /// The system is not in the state the call needs.
    pub const FAILED_PRECONDITION: u32 = 9;
    /// The call was aborted.
    pub const ABORTED: u32 = 10;
    /// A value was out of range.
    pub const OUT_OF_RANGE: u32 = 11;
    /// The RPC is not implemented.
    pub const UNIMPLEMENTED: u32 = 12;
    /// Internal server error.
    pub const INTERNAL: u32 = 13;
    /// The server is unavailable.
    pub const UNAVAILABLE: u32 = 14;
    /// Unrecoverable data loss.
    pub const DATA_LOSS: u32 = 15;
    /// The credential is missing, invalid or expired.
    pub const UNAUTHENTICATED: u32 = 16;
}

/// What went wrong, as a code with the same string values as the official JS SDK's `MomentoErrorCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MomentoErrorCode {
    /// Invalid argument passed to Momento client.
    InvalidArgument,
    /// Service returned an unknown response.
    UnknownService,
    /// Cache with the specified name already exists.
    AlreadyExists,
    /// Cache with the specified name doesn't exist.
    NotFound,
    /// Store with the specified name doesn't exist.
    StoreNotFound,
    /// Item with the specified key doesn't exist.
    ItemNotFound,
    /// An unexpected error occurred while trying to fulfill the request.
    InternalServer,
    /// Insufficient permissions to perform the operation.
    Permission,
    /// Invalid authentication credentials.
    Authentication,
    /// The request was cancelled (by the server or by the caller's AbortSignal).
    Cancelled,
    /// Error connecting to the Momento endpoint.
    Connection,
    /// Request rate, bandwidth, or object size exceeded the limits.
    LimitExceeded,
    /// The request was invalid.
    BadRequest,
    /// The client's configured timeout was exceeded.
    Timeout,
    /// The server was unable to handle the request.
    ServerUnavailable,
    /// A client resource (most likely memory) was exhausted.
    ClientResourceExhausted,
    /// The system is not in a state required for the operation.
    FailedPrecondition,
    /// Unknown error.
    Unknown,
}

impl MomentoErrorCode {
    /// The JS `MomentoErrorCode` string, e.g. `"NOT_FOUND_ERROR"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "INVALID_ARGUMENT_ERROR",
            Self::UnknownService => "UNKNOWN_SERVICE_ERROR",
            Self::AlreadyExists => "ALREADY_EXISTS_ERROR",
            Self::NotFound => "NOT_FOUND_ERROR",
            Self::StoreNotFound => "STORE_NOT_FOUND_ERROR",
            Self::ItemNotFound => "STORE_ITEM_NOT_FOUND_ERROR",
            Self::InternalServer => "INTERNAL_SERVER_ERROR",
            Self::Permission => "PERMISSION_ERROR",
            Self::Authentication => "AUTHENTICATION_ERROR",
            Self::Cancelled => "CANCELLED_ERROR",
            Self::Connection => "CONNECTION_ERROR",
            Self::LimitExceeded => "LIMIT_EXCEEDED_ERROR",
            Self::BadRequest => "BAD_REQUEST_ERROR",
            Self::Timeout => "TIMEOUT_ERROR",
            Self::ServerUnavailable => "SERVER_UNAVAILABLE",
            Self::ClientResourceExhausted => "CLIENT_RESOURCE_EXHAUSTED",
            Self::FailedPrecondition => "FAILED_PRECONDITION_ERROR",
            Self::Unknown => "UNKNOWN_ERROR",
        }
    }

    /// The official SDK's message wrapper for this code (what `message()` puts before `": "`).
    pub fn wrapper(self) -> &'static str {
        match self {
            Self::InvalidArgument => "Invalid argument passed to Momento client",
            Self::UnknownService => {
                "Service returned an unknown response; please contact us at support@momentohq.com"
            }
            Self::AlreadyExists => {
                "A cache with the specified name already exists.  To resolve this error, either delete the existing cache and make a new one, or use a different name"
            }
            Self::NotFound => {
                "A cache with the specified name does not exist.  To resolve this error, make sure you have created the cache before attempting to use it"
            }
            Self::StoreNotFound => {
                "A store with the specified name does not exist.  To resolve this error, make sure you have created the store before attempting to use it"
            }
            Self::ItemNotFound => "An item with the specified key does not exist",
            Self::InternalServer => {
                "An unexpected error occurred while trying to fulfill the request; please contact us at support@momentohq.com"
            }
            Self::Permission => "Insufficient permissions to perform an operation on a cache",
            Self::Authentication => "Invalid authentication credentials to connect to cache service",
            Self::Cancelled => {
                "The request was cancelled; please contact us if this was unexpected at support@momentohq.com"
            }
            Self::Connection => "Error connecting to Momento servers",
            Self::LimitExceeded => {
                "Request rate, bandwidth, or object size exceeded the limits for this account.  To resolve this error, reduce your usage as appropriate or contact us at support@momentohq.com to request a limit increase"
            }
            Self::BadRequest => "The request was invalid; please contact us at support@momentohq.com",
            Self::Timeout => {
                "The client's configured timeout was exceeded; you may need to use a Configuration with more lenient timeouts"
            }
            Self::ServerUnavailable => {
                "The server was unable to handle the request; consider retrying.  If the error persists, please contact us at support@momentohq.com"
            }
            Self::ClientResourceExhausted => "A client resource (most likely memory) was exhausted",
            Self::FailedPrecondition => {
                "System is not in a state required for the operation's execution"
            }
            Self::Unknown => "Unknown error has occurred",
        }
    }
}

impl fmt::Display for MomentoErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The gRPC details behind a service error (`transportDetails().grpc` in the JS SDK).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GrpcDetails {
    /// Numeric gRPC status code.
    pub code: u32,
    /// The status message (`grpc-message`, percent-decoded).
    pub details: String,
    /// Other trailer metadata, e.g. `("err", "item_size_limit_exceeded")`.
    pub metadata: Vec<(String, String)>,
}

/// A Momento error: a code, the original message, and for service errors the gRPC details.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MomentoError {
    /// What went wrong.
    pub code: MomentoErrorCode,
    /// The original (unwrapped) message.
    pub message: String,
    /// gRPC status details when the error came from the service.
    pub grpc: Option<GrpcDetails>,
}

impl MomentoError {
    /// A client-side error with no gRPC details.
    pub fn new(code: MomentoErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            grpc: None,
        }
    }

    /// An `INVALID_ARGUMENT_ERROR` raised before any request is sent.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(MomentoErrorCode::InvalidArgument, message)
    }

    /// An error for a response the SDK could not understand.
    pub fn unknown_service(message: impl Into<String>) -> Self {
        Self::new(MomentoErrorCode::UnknownService, message)
    }

    /// The full message as the JS SDK's `message()` returns it: `wrapper + ": " + message`.
    pub fn wrapped_message(&self) -> String {
        let wrapper = match (self.code, self.grpc.as_ref()) {
            (MomentoErrorCode::LimitExceeded, Some(g)) => limit_exceeded_wrapper(g),
            _ => self.code.wrapper(),
        };
        [wrapper, ": ", &self.message].concat()
    }

    /// Maps a non-OK gRPC status (code, message, trailer metadata) to a Momento error.
    pub fn from_status(code: u32, message: String, metadata: Vec<(String, String)>) -> Self {
        let err_meta = metadata
            .iter()
            .find(|(k, _)| k == "err")
            .map(|(_, v)| v.as_str());
        let mapped = match code {
            grpc_code::CANCELLED => MomentoErrorCode::Cancelled,
            grpc_code::UNKNOWN => MomentoErrorCode::UnknownService,
            grpc_code::INVALID_ARGUMENT => MomentoErrorCode::InvalidArgument,
            grpc_code::DEADLINE_EXCEEDED => MomentoErrorCode::Timeout,
            grpc_code::NOT_FOUND => match err_meta {
                Some("item_not_found") => MomentoErrorCode::ItemNotFound,
                Some("store_not_found") => MomentoErrorCode::StoreNotFound,
                _ => MomentoErrorCode::NotFound,
            },
            grpc_code::ALREADY_EXISTS => MomentoErrorCode::AlreadyExists,
            grpc_code::PERMISSION_DENIED => MomentoErrorCode::Permission,
            grpc_code::RESOURCE_EXHAUSTED => MomentoErrorCode::LimitExceeded,
            grpc_code::FAILED_PRECONDITION => MomentoErrorCode::FailedPrecondition,
            grpc_code::ABORTED | grpc_code::INTERNAL | grpc_code::DATA_LOSS => {
                MomentoErrorCode::InternalServer
            }
            grpc_code::OUT_OF_RANGE | grpc_code::UNIMPLEMENTED => MomentoErrorCode::BadRequest,
            grpc_code::UNAVAILABLE => MomentoErrorCode::ServerUnavailable,
            grpc_code::UNAUTHENTICATED => MomentoErrorCode::Authentication,
            _ => MomentoErrorCode::Unknown,
        };
        Self {
            code: mapped,
            message: message.clone(),
            grpc: Some(GrpcDetails {
                code,
                details: message,
                metadata,
            }),
        }
    }
}

/// LimitExceeded wrappers: (`err` trailer value, fallback phrase in the message, wrapper text).
const LIMIT_WRAPPERS: [(&str, &str, &str); 6] = [
    (
        "topic_subscriptions_limit_exceeded",
        "subscribers",
        "Topic subscriptions limit exceeded for this account",
    ),
    (
        "operations_rate_limit_exceeded",
        "operations",
        "Request rate limit exceeded for this account",
    ),
    (
        "throughput_rate_limit_exceeded",
        "throughput",
        "Bandwidth limit exceeded for this account",
    ),
    (
        "request_size_limit_exceeded",
        "request limit",
        "Request size limit exceeded for this account",
    ),
    (
        "item_size_limit_exceeded",
        "item size",
        "Item size limit exceeded for this account",
    ),
    (
        "element_size_limit_exceeded",
        "element size",
        "Element size limit exceeded for this account",
    ),
];

/// The LimitExceeded wrapper chosen by the `err` trailer, falling back to phrases in the message, as the JS SDK
/// intends (its class-field bug ignores the metadata; we honour it).
fn limit_exceeded_wrapper(grpc: &GrpcDetails) -> &'static str {
    let err = grpc
        .metadata
        .iter()
        .find(|(k, _)| k == "err")
        .map(|(_, v)| v.as_str());
    let details = grpc.details.to_ascii_lowercase();
    LIMIT_WRAPPERS
        .iter()
        .find(|(meta, _, _)| err == Some(*meta))
        .or_else(|| {
            LIMIT_WRAPPERS
                .iter()
                .find(|(_, phrase, _)| contains_bytes(details.as_bytes(), phrase.as_bytes()))
        })
        .map_or("Limit exceeded for this account", |(_, _, text)| text)
}

/// `haystack` contains `needle`: a naive scan, for the short status details here. `str::contains` with a `&str`
/// pattern would pull core's two-way `StrSearcher` (~1.5 KB of wasm) in for this one call.
fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

impl fmt::Display for MomentoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.wrapped_message())
    }
}

impl std::error::Error for MomentoError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_mapping_matches_the_js_sdk() {
        let cases = [
            (1, "CANCELLED_ERROR"),
            (2, "UNKNOWN_SERVICE_ERROR"),
            (3, "INVALID_ARGUMENT_ERROR"),
            (4, "TIMEOUT_ERROR"),
            (5, "NOT_FOUND_ERROR"),
            (6, "ALREADY_EXISTS_ERROR"),
            (7, "PERMISSION_ERROR"),
            (8, "LIMIT_EXCEEDED_ERROR"),
            (9, "FAILED_PRECONDITION_ERROR"),
            (10, "INTERNAL_SERVER_ERROR"),
            (11, "BAD_REQUEST_ERROR"),
            (12, "BAD_REQUEST_ERROR"),
            (13, "INTERNAL_SERVER_ERROR"),
            (14, "SERVER_UNAVAILABLE"),
            (15, "INTERNAL_SERVER_ERROR"),
            (16, "AUTHENTICATION_ERROR"),
            (99, "UNKNOWN_ERROR"),
        ];
        for (code, want) in cases {
            let e = MomentoError::from_status(code, "m".into(), vec![]);
            assert_eq!(e.code.as_str(), want, "grpc code {code}");
            assert_eq!(e.grpc.as_ref().map(|g| g.code), Some(code));
        }
    }

    #[test]
    fn not_found_uses_err_metadata() {
        let e =
            MomentoError::from_status(5, "x".into(), vec![("err".into(), "item_not_found".into())]);
        assert_eq!(e.code, MomentoErrorCode::ItemNotFound);
        let e = MomentoError::from_status(
            5,
            "x".into(),
            vec![("err".into(), "store_not_found".into())],
        );
        assert_eq!(e.code, MomentoErrorCode::StoreNotFound);
    }

    #[test]
    fn wrapped_message_has_the_official_prefix() {
        let e = MomentoError::invalid_argument("cache name must not be empty");
        assert_eq!(
            e.wrapped_message(),
            "Invalid argument passed to Momento client: cache name must not be empty"
        );
    }

    #[test]
    fn limit_exceeded_honours_err_metadata() {
        let e = MomentoError::from_status(
            8,
            "too big".into(),
            vec![("err".into(), "item_size_limit_exceeded".into())],
        );
        assert_eq!(
            e.wrapped_message(),
            "Item size limit exceeded for this account: too big"
        );
        let e = MomentoError::from_status(8, "something".into(), vec![]);
        assert_eq!(
            e.wrapped_message(),
            "Limit exceeded for this account: something"
        );
    }
}
