//! `token.Token`: disposable tokens, plus the [`Issuer`] shared with [`super::auth_service`].
//!
//! # Caller authentication
//! The caller's credential travels in the request body (`auth_token`), as the Node and web
//! AuthClients send no `authorization` header; the Rust SDK sends both. The body value may be
//! the raw JWT or a whole v1 key; when the body is empty the `authorization` header is used.
//! Bad or expired credentials are `UNAUTHENTICATED`, as on every other service (the
//! [`crate::auth::AuthLayer`] lets these paths through so that the body can be checked here).
//! Only a super user (root key, or a key minted with `super_user` permissions) may mint; a
//! scoped key, disposable token or legacy auth token gets `PERMISSION_DENIED`, so minted
//! permissions can never exceed the caller's, and a super-user key may not mint super-user keys
//! ([`crate::permissions::authorize_mint`]). With `--auth none` callers are not checked.
//!
//! # `GenerateDisposableToken`
//! - `expires.valid_for_seconds` is required, 1..=[`MAX_DISPOSABLE_TOKEN_SECONDS`]
//!   (`INVALID_ARGUMENT` otherwise: disposable tokens must expire, within an hour);
//! - `token_id` at most [`MAX_TOKEN_ID_LEN`] characters; it becomes the token's `jti`
//!   (random hex when empty);
//! - `permissions` must be explicit and valid ([`crate::permissions::Scope::from_permissions`]);
//!   `super_user` is refused (a disposable token is never a super user);
//! - answers `api_key` = the new JWT (the SDKs wrap it into a v1 key themselves), `endpoint` =
//!   the server's `host:port` (as in its v1 keys), `valid_until` = expiry, epoch seconds.
//!
//! The new token's claims: `sub` = the caller's `sub`, `iat`, `exp`, `p` = the encoded
//! permissions, `jti` = token id.

use momento_proto::permission_messages::Permissions;
use momento_proto::rpc::RpcRequest;
use momento_proto::token::{GenerateDisposableTokenRequest, GenerateDisposableTokenResponse};
use tonic::{Request, Response, Status};

use crate::grpc::token::token_server::Token;
use crate::permissions::{self, Scope};
use crate::token::{self, Claims, TokenKind, TokenSigner};

/// Longest lifetime of a disposable token, in seconds (one hour, as Momento).
pub const MAX_DISPOSABLE_TOKEN_SECONDS: u32 = 60 * 60;

/// Longest `token_id`, in characters (the SDKs' limit).
pub const MAX_TOKEN_ID_LEN: usize = 64;

/// Mints tokens for the Auth and Token services: the signer, the endpoint written into
/// responses, and whether callers are authenticated.
#[derive(Debug, Clone)]
pub struct Issuer {
    signer: TokenSigner,
    endpoint: String,
    check_callers: bool,
}

impl Issuer {
    /// An issuer signing with `signer`, answering `endpoint` (`host:port`); `check_callers` is
    /// false with `--auth none`.
    pub fn new(signer: TokenSigner, endpoint: String, check_callers: bool) -> Self {
        Self {
            signer,
            endpoint,
            check_callers,
        }
    }

    /// The signer.
    pub fn signer(&self) -> &TokenSigner {
        &self.signer
    }

    /// The endpoint written into responses.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Authenticates the caller from `body_credential`, or the `authorization` header when the
    /// body is empty: its claims and kind. `None` when callers are not checked (`--auth none`).
    pub fn caller<T>(
        &self,
        request: &Request<T>,
        body_credential: &str,
    ) -> Result<Option<(Claims, TokenKind)>, Status> {
        if !self.check_callers {
            return Ok(None);
        }
        let credential = if body_credential.trim().is_empty() {
            request
                .metadata()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
        } else {
            body_credential
        };
        if credential.trim().is_empty() {
            return Err(Status::unauthenticated(
                "Missing credential: auth_token (request body) and authorization header are both \
                 empty",
            ));
        }
        let token = token::credential_token(credential);
        let claims = self
            .signer
            .verify(&token)
            .map_err(|e| Status::unauthenticated(e.to_string()))?;
        Ok(Some((claims, TokenKind::of(&token))))
    }

    /// Authenticates the caller, validates the `requested` permissions (`INVALID_ARGUMENT`) and
    /// checks that the caller may mint them ([`permissions::authorize_mint`]). Returns the
    /// caller's claims (`None` with `--auth none`) and the requested scope.
    pub fn minter<T: RpcRequest>(
        &self,
        request: &Request<T>,
        body_credential: &str,
        requested: Option<&Permissions>,
    ) -> Result<(Option<Claims>, Scope), Status> {
        let caller = self.caller(request, body_credential)?;
        let (claims, kind) = caller.map_or((None, TokenKind::V1), |(c, k)| (Some(c), k));
        let scope = requested
            .ok_or_else(|| {
                Status::invalid_argument("Invalid permissions: permissions are required")
            })
            .and_then(|p| {
                Scope::from_permissions(p).map_err(|e| Status::invalid_argument(e.to_string()))
            });
        // Who may mint comes first, so that callers who may not learn nothing of validation.
        permissions::authorize_mint(claims.as_ref(), kind, scope.as_ref().ok(), T::RPC)?;
        Ok((claims, scope?))
    }

    /// Signs a token for `caller` (subject taken from it) with `permissions` (`None` in the
    /// claim for super user) and `token_id`, valid for `valid_for_seconds` (`None` = never
    /// expires). Returns the JWT and its claims.
    pub fn mint(
        &self,
        caller: Option<&Claims>,
        permissions: &Permissions,
        token_id: &str,
        valid_for_seconds: Option<u64>,
    ) -> Result<(String, Claims), Status> {
        Scope::from_permissions(permissions)
            .map_err(|e| Status::invalid_argument(e.to_string()))?;
        // Super-user keys keep their permissions in `p` too, which sets them apart from root keys
        // ([`permissions::authorize_mint`]).
        let p = Some(permissions::encode_claim(permissions));
        let sub = caller.map_or(token::ROOT_SUBJECT, |c| c.sub.as_str());
        let jti = (!token_id.is_empty()).then(|| token_id.to_owned());
        let claims = Claims::new(sub, valid_for_seconds, p, jti);
        let token = self.sign(&claims)?;
        Ok((token, claims))
    }

    /// Signs `claims` (`INTERNAL` on the impossible serialization failure).
    pub fn sign(&self, claims: &Claims) -> Result<String, Status> {
        self.signer
            .sign(claims)
            .map_err(|e| Status::internal(format!("signing the token failed: {e}")))
    }
}

/// `INVALID_ARGUMENT` unless `token_id` has at most [`MAX_TOKEN_ID_LEN`] characters.
pub fn check_token_id(token_id: &str) -> Result<(), Status> {
    let len = token_id.chars().count();
    if len > MAX_TOKEN_ID_LEN {
        return Err(Status::invalid_argument(format!(
            "Invalid token_id: at most {MAX_TOKEN_ID_LEN} characters, got {len}"
        )));
    }
    Ok(())
}

/// The `token.Token` service.
#[derive(Debug, Clone)]
pub struct TokenService {
    issuer: Issuer,
}

impl TokenService {
    /// A token service minting with `issuer`.
    pub fn new(issuer: Issuer) -> Self {
        Self { issuer }
    }
}

#[tonic::async_trait]
impl Token for TokenService {
    async fn generate_disposable_token(
        &self,
        request: Request<GenerateDisposableTokenRequest>,
    ) -> Result<Response<GenerateDisposableTokenResponse>, Status> {
        let (caller, scope) = self.issuer.minter(
            &request,
            &request.get_ref().auth_token,
            request.get_ref().permissions.as_ref(),
        )?;
        let body = request.into_inner();
        let seconds = body.expires.map_or(0, |e| e.valid_for_seconds);
        if seconds == 0 {
            return Err(Status::invalid_argument(
                "Invalid expiry: disposable tokens must expire (expires.valid_for_seconds > 0)",
            ));
        }
        if seconds > MAX_DISPOSABLE_TOKEN_SECONDS {
            return Err(Status::invalid_argument(format!(
                "Invalid expiry: disposable tokens must expire within \
                 {MAX_DISPOSABLE_TOKEN_SECONDS} seconds, got {seconds}"
            )));
        }
        check_token_id(&body.token_id)?;
        let permissions = body.permissions.unwrap_or_default();
        if scope.is_super_user() {
            return Err(Status::invalid_argument(
                "Invalid permissions: disposable tokens cannot have super-user permissions",
            ));
        }
        let (api_key, claims) = self.issuer.mint(
            caller.as_ref(),
            &permissions,
            &body.token_id,
            Some(u64::from(seconds)),
        )?;
        crate::log_info!(
            "event=disposable_token_minted sub={:?} jti={:?} exp={:?}",
            claims.sub,
            claims.jti,
            claims.exp
        );
        Ok(Response::new(GenerateDisposableTokenResponse {
            api_key,
            endpoint: self.issuer.endpoint().to_owned(),
            valid_until: claims.exp.unwrap_or_default(),
        }))
    }
}
