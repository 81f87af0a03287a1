//! `generateDisposableToken`: `/token.Token/GenerateDisposableToken` on the token endpoint → Success with the
//! token as a v1 key. Validated as the official SDK does, in its order: scope, `tokenId` (≤ 64 characters),
//! expiry (required, ≤ 1 hour). Never retried.

use momento_proto::token::{
    generate_disposable_token_request::Expires, GenerateDisposableTokenRequest as Proto,
};

use super::permissions::Scope;
use super::{expiry, v1_key, wire_seconds, MAX_DISPOSABLE_TOKEN_SECONDS, MAX_TOKEN_ID_LEN};
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `generateDisposableToken` request.
#[derive(Debug)]
pub struct GenerateDisposableTokenRequest {
    auth_token: String,
    scope: Scope,
    valid_for_seconds: u32,
    token_id: String,
}

impl GenerateDisposableTokenRequest {
    /// `auth_token` is the caller's credential (sent in the body); `valid_for_seconds` `None` = never expires
    /// (rejected); `token_id` `None` = no id.
    pub fn new(
        auth_token: String,
        scope: Scope,
        valid_for_seconds: Option<f64>,
        token_id: Option<String>,
    ) -> Result<Self, MomentoError> {
        if scope == Scope::SuperUser {
            return Err(MomentoError::invalid_argument(
                "disposable tokens cannot have super-user permissions",
            ));
        }
        scope.validate()?;
        let token_id = token_id.unwrap_or_default();
        if token_id.encode_utf16().count() > MAX_TOKEN_ID_LEN {
            return Err(MomentoError::invalid_argument(
                "TokenID must be less than or equal to 64 characters.",
            ));
        }
        let seconds = match valid_for_seconds {
            Some(s) if s != f64::INFINITY => s,
            _ => {
                return Err(MomentoError::invalid_argument(
                    "disposable tokens must have an expiry",
                ))
            }
        };
        if seconds < 0.0 {
            return Err(MomentoError::invalid_argument(
                "disposable token expiry must be positive",
            ));
        }
        if seconds > MAX_DISPOSABLE_TOKEN_SECONDS {
            return Err(MomentoError::invalid_argument(
                "disposable tokens must expire within 1 hour",
            ));
        }
        Ok(Self {
            auth_token,
            scope,
            valid_for_seconds: wire_seconds(seconds, "disposable token expiry")?,
            token_id,
        })
    }
}

/// The result of a `generateDisposableToken`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateDisposableTokenResponse {
    /// The new token.
    Success {
        /// The token as a v1 key: base64 of `{"endpoint","api_key"}`.
        auth_token: String,
        /// The base endpoint the token is for.
        endpoint: String,
        /// Expiry in epoch seconds (`None` only if the service answered 0).
        valid_until: Option<u64>,
    },
}

unary! {
    GenerateDisposableTokenRequest: Proto => GenerateDisposableTokenResponse;
    |self| Proto {
        expires: Some(Expires {
            valid_for_seconds: self.valid_for_seconds,
        }),
        auth_token: self.auth_token,
        permissions: Some(self.scope.into_proto()),
        token_id: self.token_id,
    };
    |reply| Ok(GenerateDisposableTokenResponse::Success {
        auth_token: v1_key(&reply.endpoint, &reply.api_key),
        endpoint: reply.endpoint,
        valid_until: expiry(reply.valid_until),
    })
}

#[cfg(test)]
mod tests {
    use super::super::permissions::{CacheRole, CacheSelector, ItemSelector, Permission};
    use super::*;
    use crate::core::rpc::Call;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::token::GenerateDisposableTokenResponse as ProtoResponse;

    fn scope() -> Scope {
        Scope::Explicit(vec![Permission::Cache {
            role: CacheRole::ReadWrite,
            cache: CacheSelector::Name("c".into()),
            item: Some(ItemSelector::KeyPrefix(b"user-1:".to_vec())),
        }])
    }

    fn err(seconds: Option<f64>, token_id: Option<&str>) -> String {
        GenerateDisposableTokenRequest::new(
            "t".into(),
            scope(),
            seconds,
            token_id.map(str::to_owned),
        )
        .unwrap_err()
        .message
    }

    #[test]
    fn validates_like_the_official_sdk() {
        assert_eq!(err(None, None), "disposable tokens must have an expiry");
        assert_eq!(
            err(Some(f64::INFINITY), None),
            "disposable tokens must have an expiry"
        );
        assert_eq!(
            err(Some(-1.0), None),
            "disposable token expiry must be positive"
        );
        assert_eq!(
            err(Some(3601.0), None),
            "disposable tokens must expire within 1 hour"
        );
        let long = "x".repeat(65);
        assert_eq!(
            err(Some(60.0), Some(&long)),
            "TokenID must be less than or equal to 64 characters."
        );
        // The token id is checked before the expiry, as in the official SDK.
        assert_eq!(
            err(None, Some(&long)),
            "TokenID must be less than or equal to 64 characters."
        );
        assert!(GenerateDisposableTokenRequest::new(
            "t".into(),
            scope(),
            Some(3600.0),
            Some("x".repeat(64))
        )
        .is_ok());
        assert!(
            GenerateDisposableTokenRequest::new("t".into(), Scope::SuperUser, Some(1.0), None)
                .is_err()
        );
    }

    #[test]
    fn encodes_the_body() {
        let p = GenerateDisposableTokenRequest::new(
            "caller".into(),
            scope(),
            Some(300.0),
            Some("id-1".into()),
        )
        .unwrap()
        .into_proto();
        assert_eq!(p.auth_token, "caller");
        assert_eq!(p.token_id, "id-1");
        assert_eq!(p.expires.map(|e| e.valid_for_seconds), Some(300));
        assert_eq!(p.permissions, Some(scope().into_proto()));
    }

    #[test]
    fn wraps_the_reply_as_a_v1_key() {
        let r = GenerateDisposableTokenRequest::from_proto(ProtoResponse {
            api_key: "jwt".into(),
            endpoint: "127.0.0.1:1".into(),
            valid_until: 1_900_000_000,
        })
        .unwrap();
        assert_eq!(
            r,
            GenerateDisposableTokenResponse::Success {
                auth_token: v1_key("127.0.0.1:1", "jwt"),
                endpoint: "127.0.0.1:1".into(),
                valid_until: Some(1_900_000_000),
            }
        );
        assert_eq!(
            GenerateDisposableTokenRequest::RPC.endpoint,
            crate::core::rpc::Endpoint::Token
        );
    }
}
