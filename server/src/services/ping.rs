//! `cache_client.Ping`.

use momento_proto::cache_client::{PingRequest, PingResponse};
use tonic::{Request, Response, Status};

use crate::grpc::cache_client::ping_server::Ping;

/// Answers `Ping` with an empty `_PingResponse`.
#[derive(Debug, Clone, Default)]
pub struct PingService;

#[tonic::async_trait]
impl Ping for PingService {
    async fn ping(&self, _request: Request<PingRequest>) -> Result<Response<PingResponse>, Status> {
        Ok(Response::new(PingResponse {}))
    }
}
