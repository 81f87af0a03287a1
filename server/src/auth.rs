//! The authentication layer: every request's token is checked before it reaches a service.
//!
//! Tokens are described in [`crate::token`]; a signed token whose `p` claim is not a valid scope
//! ([`crate::permissions::Scope::from_claim`]) is "Malformed token" here too.

use momento_proto::rpc::Service;

use crate::permissions::Scope;
use crate::token::{AuthError, Claims, TokenSigner};

/// Whether calls at `path` carry the caller's credential in the `authorization` header: true
/// unless every RPC of the path's service takes it elsewhere
/// ([`momento_proto::rpc::Access::header_credential`]). `auth.Auth` and `token.Token` carry it in
/// the request body (the Node SDK sends no `authorization` header) and authenticate it
/// themselves; `cache_client.Ping` needs none (the official web SDK calls it with no
/// `authorization` header, and Momento answers it).
pub fn header_authenticated(path: &str) -> bool {
    Service::from_path(path)
        .is_none_or(|service| service.rpcs().any(|def| def.access.header_credential()))
}

/// Verifies `token` (signature, expiry) and its scope: the claims of a request's caller. Also
/// what the HTTP API ([`crate::http_api`]) checks.
pub fn authenticate(signer: &TokenSigner, token: &str) -> Result<Claims, AuthError> {
    let claims = signer.verify(token)?;
    match Scope::from_claim(claims.p.as_deref()) {
        Ok(_) => Ok(claims),
        Err(_) => Err(AuthError::Malformed),
    }
}

/// Tower layer that authenticates every request before it reaches a service.
///
/// With a signer, a request without a valid token gets a gRPC `UNAUTHENTICATED` answer (which
/// the gRPC-web layer outside it translates for browsers); a valid token's [`crate::token::Claims`] are put
/// into the request extensions for the permission checks of [`crate::permissions`]. Without a
/// signer (`--auth none`) everything passes and no claims are inserted (the permission checks
/// then allow everything). Calls whose credential is not in the header ([`header_authenticated`]:
/// the Auth and Token services, Ping) are passed through.
#[derive(Debug, Clone)]
pub struct AuthLayer {
    signer: Option<TokenSigner>,
}

impl AuthLayer {
    /// Requires tokens signed by `signer`.
    pub fn required(signer: TokenSigner) -> Self {
        Self {
            signer: Some(signer),
        }
    }

    /// Accepts every request (`--auth none`).
    pub fn disabled() -> Self {
        Self { signer: None }
    }
}

layer_service!(
    /// The service produced by [`AuthLayer`].
    AuthLayer => AuthService { signer: Option<TokenSigner> }
);

impl<S, ReqBody, ResBody> tower_service::Service<http::Request<ReqBody>> for AuthService<S>
where
    S: tower_service::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ResBody: Default + Send + 'static,
{
    forward_service_items!(S::Response);

    fn call(&mut self, mut request: http::Request<ReqBody>) -> Self::Future {
        let path = request.uri().path().to_owned();
        crate::log_debug!("rpc path={path}");
        if let Some(signer) = self.signer.as_ref().filter(|_| header_authenticated(&path)) {
            let token = request
                .headers()
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            match authenticate(signer, token) {
                Ok(claims) => {
                    request.extensions_mut().insert(claims);
                }
                Err(error) => {
                    crate::log_warn!("unauthenticated path={path} reason=\"{error}\"");
                    let response = tonic::Status::unauthenticated(error.to_string()).into_http();
                    return Box::pin(std::future::ready(Ok(response)));
                }
            }
        }
        Box::pin(self.inner.call(request))
    }
}
