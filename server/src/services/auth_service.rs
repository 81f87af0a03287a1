//! `auth.Auth`: API keys with refresh tokens (the legacy v1 flows of the Node/web AuthClient).
//!
//! - `GenerateApiToken`: the caller (body `auth_token`, else the `authorization` header; see
//!   [`super::token`]) must be a super user, and only a root key may mint super-user keys
//!   ([`crate::permissions::authorize_mint`]). Expiry `never` or `expires.valid_for_seconds > 0`
//!   (either is required); `permissions` any valid scope, `super_user` included; `token_id`
//!   ≤ 64 characters becomes the `jti`; `description` is accepted and not stored. Answers
//!   `api_key` (the JWT), `refresh_token`, `endpoint` and `valid_until` (epoch seconds, `0`
//!   for keys that never expire).
//! - `RefreshApiToken{api_key, refresh_token}`: the refresh token must be the one issued with
//!   that exact key (`api_key` may be the JWT or a v1 key), and the key must verify and not have
//!   expired (an expired key cannot be refreshed: `UNAUTHENTICATED` "Token expired", as Momento
//!   answers). Answers a new key with the same subject, permissions, token id and
//!   lifetime (`exp - iat`), issued now, and its new refresh token. Mismatched or forged refresh
//!   tokens and bad keys are `UNAUTHENTICATED`. The old pair is not revoked (the server keeps no
//!   token state).
//! - Refresh tokens: `mrt1.` + base64url(HMAC-SHA256(secret, domain ‖ api_key)), see
//!   [`crate::auth::TokenSigner::refresh_token_for`].
//! - `Login` (the console's interactive browser login) answers one `error` message saying that
//!   momento-server has no console login, then ends the stream.

use momento_proto::auth::{
    generate_api_token_request, login_response, GenerateApiTokenRequest, GenerateApiTokenResponse,
    LoginRequest, LoginResponse, RefreshApiTokenRequest, RefreshApiTokenResponse,
};
use tonic::{Request, Response, Status};

use super::token::{check_token_id, Issuer};
use super::ResponseStream;
use crate::grpc::auth::auth_server::Auth;
use crate::token::{self, Claims};

/// What `Login` answers.
pub const LOGIN_UNSUPPORTED: &str = "momento-server has no console login: mint keys with \
     `momento-server key` (or --key-file) and scoped keys with Auth.GenerateApiToken or \
     Token.GenerateDisposableToken";

/// The `auth.Auth` service.
#[derive(Debug, Clone)]
pub struct AuthApiService {
    issuer: Issuer,
}

impl AuthApiService {
    /// An auth service minting with `issuer`.
    pub fn new(issuer: Issuer) -> Self {
        Self { issuer }
    }
}

#[tonic::async_trait]
impl Auth for AuthApiService {
    type LoginStream = ResponseStream<LoginResponse>;

    async fn login(
        &self,
        _request: Request<LoginRequest>,
    ) -> Result<Response<Self::LoginStream>, Status> {
        let message = LoginResponse {
            state: Some(login_response::State::Error(login_response::Error {
                description: LOGIN_UNSUPPORTED.to_owned(),
            })),
        };
        let stream: Self::LoginStream = Box::pin(tokio_stream::iter([Ok(message)]));
        Ok(Response::new(stream))
    }

    async fn generate_api_token(
        &self,
        request: Request<GenerateApiTokenRequest>,
    ) -> Result<Response<GenerateApiTokenResponse>, Status> {
        let (caller, _) = self.issuer.minter(
            &request,
            &request.get_ref().auth_token,
            request.get_ref().permissions.as_ref(),
        )?;
        let body = request.into_inner();
        let valid_for_seconds = match body.expiry {
            Some(generate_api_token_request::Expiry::Never(_)) => None,
            Some(generate_api_token_request::Expiry::Expires(e)) if e.valid_for_seconds > 0 => {
                Some(u64::from(e.valid_for_seconds))
            }
            Some(generate_api_token_request::Expiry::Expires(_)) => {
                return Err(Status::invalid_argument(
                    "Invalid expiry: expires.valid_for_seconds must be greater than 0",
                ))
            }
            None => {
                return Err(Status::invalid_argument(
                    "Invalid expiry: one of never or expires is required",
                ))
            }
        };
        check_token_id(&body.token_id)?;
        let permissions = body.permissions.unwrap_or_default();
        let (api_key, claims) = self.issuer.mint(
            caller.as_ref(),
            &permissions,
            &body.token_id,
            valid_for_seconds,
        )?;
        crate::log_info!(
            "event=api_key_minted sub={:?} jti={:?} exp={:?}",
            claims.sub,
            claims.jti,
            claims.exp
        );
        let refresh_token = self.issuer.signer().refresh_token_for(&api_key);
        Ok(Response::new(GenerateApiTokenResponse {
            api_key,
            refresh_token,
            endpoint: self.issuer.endpoint().to_owned(),
            valid_until: claims.exp.unwrap_or_default(),
        }))
    }

    async fn refresh_api_token(
        &self,
        request: Request<RefreshApiTokenRequest>,
    ) -> Result<Response<RefreshApiTokenResponse>, Status> {
        let body = request.into_inner();
        let old_key = token::credential_token(&body.api_key);
        let signer = self.issuer.signer();
        if !signer.verify_refresh_token(&old_key, &body.refresh_token) {
            return Err(Status::unauthenticated(
                "Invalid refresh token: it does not belong to this API key",
            ));
        }
        let old = signer
            .verify(&old_key)
            .map_err(|e| Status::unauthenticated(e.to_string()))?;
        let lifetime = old.exp.map(|exp| exp.saturating_sub(old.iat).max(1));
        let claims = Claims::new(&old.sub, lifetime, old.p, old.jti);
        let api_key = self.issuer.sign(&claims)?;
        crate::log_info!(
            "event=api_key_refreshed sub={:?} jti={:?} exp={:?}",
            claims.sub,
            claims.jti,
            claims.exp
        );
        let refresh_token = signer.refresh_token_for(&api_key);
        Ok(Response::new(RefreshApiTokenResponse {
            api_key,
            refresh_token,
            endpoint: self.issuer.endpoint().to_owned(),
            valid_until: claims.exp.unwrap_or_default(),
        }))
    }
}
