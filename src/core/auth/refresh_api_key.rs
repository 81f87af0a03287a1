//! `refreshApiKey` (deprecated alias `refreshAuthToken`): `/auth.Auth/RefreshApiToken` on the control endpoint
//! with the client's own key and the refresh token issued with it → Success with a new key and refresh token.
//! Never retried.

use momento_proto::auth::RefreshApiTokenRequest as Proto;

use super::ApiKey;
use crate::core::rpc::unary;

/// A validated `refreshApiKey` request.
#[derive(Debug)]
pub struct RefreshApiKeyRequest {
    api_key: String,
    refresh_token: String,
}

impl RefreshApiKeyRequest {
    /// `api_key` is the client's credential (the key being refreshed); `refresh_token` the token issued with it.
    /// Nothing is validated client-side (as in the official SDK): a wrong or empty refresh token is the
    /// service's AUTHENTICATION_ERROR.
    pub fn new(api_key: String, refresh_token: String) -> Self {
        Self {
            api_key,
            refresh_token,
        }
    }
}

/// The result of a `refreshApiKey`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshApiKeyResponse {
    /// The new key.
    Success(ApiKey),
}

unary! {
    RefreshApiKeyRequest: Proto => RefreshApiKeyResponse;
    |self| Proto { api_key: self.api_key, refresh_token: self.refresh_token };
    |reply| Ok(RefreshApiKeyResponse::Success(reply.into()))
}

#[cfg(test)]
mod tests {
    use super::super::v1_key;
    use super::*;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::auth::RefreshApiTokenResponse as ProtoResponse;

    #[test]
    fn sends_the_key_and_refresh_token() {
        let p = RefreshApiKeyRequest::new("jwt".into(), "mrt1.x".into()).into_proto();
        assert_eq!(p.api_key, "jwt");
        assert_eq!(p.refresh_token, "mrt1.x");
    }

    #[test]
    fn wraps_the_reply() {
        let RefreshApiKeyResponse::Success(k) = RefreshApiKeyRequest::from_proto(ProtoResponse {
            api_key: "new".into(),
            refresh_token: "r2".into(),
            endpoint: "h:1".into(),
            valid_until: 0,
        })
        .unwrap();
        assert_eq!(k.api_key, v1_key("h:1", "new"));
        assert_eq!(k.valid_until, None);
    }
}
