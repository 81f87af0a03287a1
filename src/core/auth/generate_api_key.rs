//! `generateApiKey` (deprecated alias `generateAuthToken`): `/auth.Auth/GenerateApiToken` on the control
//! endpoint → Success with the key (as a v1 key), its refresh token, endpoint and expiry. Never retried.

use momento_proto::auth::{
    generate_api_token_request::{Expires, Expiry, Never},
    GenerateApiTokenRequest as Proto,
};

use super::permissions::Scope;
use super::{wire_seconds, ApiKey};
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `generateApiKey` request.
#[derive(Debug)]
pub struct GenerateApiKeyRequest {
    auth_token: String,
    scope: Scope,
    /// `None` = never expires.
    valid_for_seconds: Option<u32>,
}

impl GenerateApiKeyRequest {
    /// `auth_token` is the caller's credential (sent in the body); `valid_for_seconds` `None` (or infinity) =
    /// the key never expires.
    pub fn new(
        auth_token: String,
        scope: Scope,
        valid_for_seconds: Option<f64>,
    ) -> Result<Self, MomentoError> {
        scope.validate()?;
        let valid_for_seconds = match valid_for_seconds {
            Some(s) if s != f64::INFINITY => {
                if s < 0.0 {
                    return Err(MomentoError::invalid_argument(
                        "validForSeconds must be positive",
                    ));
                }
                Some(wire_seconds(s, "validForSeconds")?)
            }
            _ => None,
        };
        Ok(Self {
            auth_token,
            scope,
            valid_for_seconds,
        })
    }
}

/// The result of a `generateApiKey`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateApiKeyResponse {
    /// The new key.
    Success(ApiKey),
}

unary! {
    GenerateApiKeyRequest: Proto => GenerateApiKeyResponse;
    |self| {
        let expiry = match self.valid_for_seconds {
            Some(valid_for_seconds) => Expiry::Expires(Expires { valid_for_seconds }),
            None => Expiry::Never(Never {}),
        };
        Proto {
            auth_token: self.auth_token,
            permissions: Some(self.scope.into_proto()),
            expiry: Some(expiry),
            ..Default::default()
        }
    };
    |reply| Ok(GenerateApiKeyResponse::Success(reply.into()))
}

#[cfg(test)]
mod tests {
    use super::super::permissions::{CacheRole, CacheSelector, Permission};
    use super::super::v1_key;
    use super::*;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::auth::GenerateApiTokenResponse as ProtoResponse;

    fn read_only() -> Scope {
        Scope::Explicit(vec![Permission::Cache {
            role: CacheRole::ReadOnly,
            cache: CacheSelector::Name("c".into()),
            item: None,
        }])
    }

    #[test]
    fn expiry_never_or_seconds() {
        let p = GenerateApiKeyRequest::new("me".into(), read_only(), None)
            .unwrap()
            .into_proto();
        assert_eq!(p.expiry, Some(Expiry::Never(Never {})));
        assert_eq!(p.auth_token, "me");
        let p = GenerateApiKeyRequest::new("me".into(), read_only(), Some(f64::INFINITY))
            .unwrap()
            .into_proto();
        assert_eq!(p.expiry, Some(Expiry::Never(Never {})));
        let p = GenerateApiKeyRequest::new("me".into(), read_only(), Some(600.0))
            .unwrap()
            .into_proto();
        assert_eq!(
            p.expiry,
            Some(Expiry::Expires(Expires {
                valid_for_seconds: 600
            }))
        );
        assert_eq!(p.permissions, Some(read_only().into_proto()));
        assert_eq!(
            GenerateApiKeyRequest::new("me".into(), read_only(), Some(-1.0))
                .unwrap_err()
                .message,
            "validForSeconds must be positive"
        );
    }

    #[test]
    fn wraps_the_reply() {
        let GenerateApiKeyResponse::Success(k) = GenerateApiKeyRequest::from_proto(ProtoResponse {
            api_key: "jwt".into(),
            refresh_token: "r".into(),
            endpoint: "h:1".into(),
            valid_until: 5,
        })
        .unwrap();
        assert_eq!(k.api_key, v1_key("h:1", "jwt"));
        assert_eq!(k.refresh_token, "r");
        assert_eq!(k.endpoint, "h:1");
        assert_eq!(k.valid_until, Some(5));
    }
}
