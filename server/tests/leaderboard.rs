//! Leaderboards (`leaderboard.Leaderboard`) over h2c with the tonic client.

use crate::common;

use common::{request, start};
use momento_proto::common::Unbounded;
use momento_proto::control_client::DeleteCacheRequest;
use momento_proto::leaderboard::{
    score_range, DeleteLeaderboardRequest, Element, GetByRankRequest, GetByScoreRequest,
    GetCompetitionRankRequest, GetLeaderboardLengthRequest, GetRankRequest, Order, RankRange,
    RankedElement, RemoveElementsRequest, ScoreRange, UpsertElementsRequest,
};
use momento_server::grpc::control_client::scs_control_client::ScsControlClient;
use momento_server::grpc::leaderboard::leaderboard_client::LeaderboardClient;
use momento_server::RunningServer;
use tonic::transport::Channel;
use tonic::{Code, Status};

const ASC: Order = Order::Ascending;
const DESC: Order = Order::Descending;

struct Client {
    lb: LeaderboardClient<Channel>,
    control: ScsControlClient<Channel>,
    token: String,
    cache: String,
}

async fn client(server: &RunningServer, cache: &str) -> Client {
    let channel = common::channel(server).await;
    let mut c = Client {
        lb: LeaderboardClient::new(channel.clone()),
        control: ScsControlClient::new(channel),
        token: server.auth_token().to_owned(),
        cache: cache.to_owned(),
    };
    c.create_cache().await;
    c
}

/// `(id, score, rank)` triples.
fn triples(elements: &[RankedElement]) -> Vec<(u32, f64, u32)> {
    elements.iter().map(|e| (e.id, e.score, e.rank)).collect()
}

fn range(min: Option<f64>, max: Option<f64>) -> ScoreRange {
    ScoreRange {
        min: Some(
            min.map_or(score_range::Min::UnboundedMin(Unbounded {}), |v| {
                score_range::Min::MinInclusive(v)
            }),
        ),
        max: Some(
            max.map_or(score_range::Max::UnboundedMax(Unbounded {}), |v| {
                score_range::Max::MaxExclusive(v)
            }),
        ),
    }
}

impl Client {
    fn req<T>(&self, message: T) -> tonic::Request<T> {
        request(message, Some(&self.cache), Some(&self.token))
    }

    async fn create_cache(&mut self) {
        self.control
            .create_cache(common::create_cache_request(&self.cache, &self.token))
            .await
            .unwrap();
    }

    async fn delete_cache(&mut self) {
        self.control
            .delete_cache(request(
                DeleteCacheRequest {
                    cache_name: self.cache.clone(),
                },
                None,
                Some(&self.token),
            ))
            .await
            .unwrap();
    }

    async fn try_upsert(&mut self, board: &str, elements: &[(u32, f64)]) -> Result<(), Status> {
        let message = UpsertElementsRequest {
            leaderboard: board.to_owned(),
            elements: elements
                .iter()
                .map(|&(id, score)| Element { id, score })
                .collect(),
        };
        self.lb.upsert_elements(self.req(message)).await.map(|_| ())
    }

    async fn upsert(&mut self, board: &str, elements: &[(u32, f64)]) {
        self.try_upsert(board, elements).await.unwrap();
    }

    async fn try_by_rank(
        &mut self,
        board: &str,
        rank: Option<(u32, u32)>,
        order: Order,
    ) -> Result<Vec<(u32, f64, u32)>, Status> {
        let message = GetByRankRequest {
            leaderboard: board.to_owned(),
            rank_range: rank.map(|(start_inclusive, end_exclusive)| RankRange {
                start_inclusive,
                end_exclusive,
            }),
            order: order as i32,
        };
        let response = self.lb.get_by_rank(self.req(message)).await?;
        Ok(triples(&response.into_inner().elements))
    }

    async fn by_rank(&mut self, board: &str, order: Order) -> Vec<(u32, f64, u32)> {
        self.try_by_rank(board, Some((0, 8192)), order)
            .await
            .unwrap()
    }

    async fn try_by_score(
        &mut self,
        board: &str,
        range: Option<ScoreRange>,
        offset: u32,
        limit: u32,
        order: Order,
    ) -> Result<Vec<(u32, f64, u32)>, Status> {
        let message = GetByScoreRequest {
            leaderboard: board.to_owned(),
            score_range: range,
            offset,
            limit_elements: limit,
            order: order as i32,
        };
        let response = self.lb.get_by_score(self.req(message)).await?;
        Ok(triples(&response.into_inner().elements))
    }

    async fn rank(&mut self, board: &str, ids: &[u32], order: Order) -> Vec<(u32, f64, u32)> {
        let message = GetRankRequest {
            leaderboard: board.to_owned(),
            ids: ids.to_vec(),
            order: order as i32,
        };
        triples(
            &self
                .lb
                .get_rank(self.req(message))
                .await
                .unwrap()
                .into_inner()
                .elements,
        )
    }

    async fn competition(
        &mut self,
        board: &str,
        ids: &[u32],
        order: Option<Order>,
    ) -> Vec<(u32, f64, u32)> {
        let message = GetCompetitionRankRequest {
            leaderboard: board.to_owned(),
            ids: ids.to_vec(),
            order: order.map(|o| o as i32),
        };
        triples(
            &self
                .lb
                .get_competition_rank(self.req(message))
                .await
                .unwrap()
                .into_inner()
                .elements,
        )
    }

    async fn length(&mut self, board: &str) -> u32 {
        let message = GetLeaderboardLengthRequest {
            leaderboard: board.to_owned(),
        };
        self.lb
            .get_leaderboard_length(self.req(message))
            .await
            .unwrap()
            .into_inner()
            .count
    }

    async fn remove(&mut self, board: &str, ids: &[u32]) -> Result<(), Status> {
        let message = RemoveElementsRequest {
            leaderboard: board.to_owned(),
            ids: ids.to_vec(),
        };
        self.lb.remove_elements(self.req(message)).await.map(|_| ())
    }

    async fn delete(&mut self, board: &str) {
        let message = DeleteLeaderboardRequest {
            leaderboard: board.to_owned(),
        };
        self.lb.delete_leaderboard(self.req(message)).await.unwrap();
    }
}

#[tokio::test]
async fn upsert_and_fetch_by_rank_in_both_orders() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    c.upsert("lb", &[(123, 100.0), (456, 200.0), (789, 300.0)])
        .await;
    assert_eq!(
        c.by_rank("lb", ASC).await,
        [(123, 100.0, 0), (456, 200.0, 1), (789, 300.0, 2)]
    );
    assert_eq!(
        c.by_rank("lb", DESC).await,
        [(789, 300.0, 0), (456, 200.0, 1), (123, 100.0, 2)]
    );

    // Updates move elements; new ones are inserted.
    c.upsert("lb", &[(1234, 800.0), (5678, 900.0), (123, 500.0)])
        .await;
    assert_eq!(
        c.by_rank("lb", ASC).await,
        [
            (456, 200.0, 0),
            (789, 300.0, 1),
            (123, 500.0, 2),
            (1234, 800.0, 3),
            (5678, 900.0, 4)
        ]
    );
    // Sub-ranges, past the end, and the default range.
    assert_eq!(
        c.try_by_rank("lb", Some((1, 3)), DESC).await.unwrap(),
        [(1234, 800.0, 1), (123, 500.0, 2)]
    );
    assert_eq!(
        c.try_by_rank("lb", Some((3, 100)), ASC).await.unwrap(),
        [(1234, 800.0, 3), (5678, 900.0, 4)]
    );
    assert_eq!(c.try_by_rank("lb", Some((10, 20)), ASC).await.unwrap(), []);
    assert_eq!(c.try_by_rank("lb", None, ASC).await.unwrap().len(), 5);
    // A missing leaderboard is empty.
    assert_eq!(c.by_rank("nothing", ASC).await, []);

    for bad in [(0, 0), (10, 5), (0, 8193)] {
        let status = c.try_by_rank("lb", Some(bad), ASC).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{bad:?}");
    }
    assert_eq!(
        c.try_by_rank("lb", Some((100, 8292)), ASC).await.unwrap(),
        []
    );
}

#[tokio::test]
async fn ties_are_ordered_by_id_in_both_orders() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    c.upsert(
        "lb",
        &[(30, 5.0), (10, 5.0), (20, 1.0), (40, 9.0), (5, 5.0)],
    )
    .await;
    assert_eq!(
        c.by_rank("lb", ASC).await,
        [
            (20, 1.0, 0),
            (5, 5.0, 1),
            (10, 5.0, 2),
            (30, 5.0, 3),
            (40, 9.0, 4)
        ]
    );
    assert_eq!(
        c.by_rank("lb", DESC).await,
        [
            (40, 9.0, 0),
            (5, 5.0, 1),
            (10, 5.0, 2),
            (30, 5.0, 3),
            (20, 1.0, 4)
        ]
    );
}

#[tokio::test]
async fn fetch_by_score_with_ranges_offsets_and_limits() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    c.upsert(
        "lb",
        &[
            (123, 10.0),
            (234, 100.0),
            (345, 250.0),
            (456, 500.0),
            (567, 750.0),
            (678, 1000.0),
            (789, 1500.0),
            (890, 2000.0),
        ],
    )
    .await;
    // Unbounded with offset and count.
    assert_eq!(
        c.try_by_score("lb", None, 2, 2, ASC).await.unwrap(),
        [(345, 250.0, 2), (456, 500.0, 3)]
    );
    // [750, 1500): ranks are positions in the whole leaderboard.
    assert_eq!(
        c.try_by_score("lb", Some(range(Some(750.0), Some(1500.0))), 0, 0, ASC)
            .await
            .unwrap(),
        [(567, 750.0, 4), (678, 1000.0, 5)]
    );
    // Everything at once, descending.
    assert_eq!(
        c.try_by_score("lb", Some(range(Some(0.0), Some(800.0))), 2, 10, DESC)
            .await
            .unwrap(),
        [(345, 250.0, 5), (234, 100.0, 6), (123, 10.0, 7)]
    );
    // Half-unbounded ranges.
    assert_eq!(
        c.try_by_score("lb", Some(range(None, Some(100.0))), 0, 0, DESC)
            .await
            .unwrap(),
        [(123, 10.0, 7)]
    );
    assert_eq!(
        c.try_by_score("lb", Some(range(Some(1500.0), None)), 0, 0, DESC)
            .await
            .unwrap(),
        [(890, 2000.0, 0), (789, 1500.0, 1)]
    );
    // Empty results.
    assert_eq!(c.try_by_score("lb", None, 10, 0, ASC).await.unwrap(), []);
    assert_eq!(
        c.try_by_score("lb", Some(range(Some(5.0), Some(5.0))), 0, 0, ASC)
            .await
            .unwrap(),
        []
    );
    assert_eq!(
        c.try_by_score("nothing", None, 0, 0, ASC).await.unwrap(),
        []
    );

    // Invalid: min > max, non-finite bounds, limit over 8192, unknown order.
    for (r, limit) in [
        (range(Some(100.0), Some(50.0)), 0),
        (range(Some(f64::NAN), None), 0),
        (range(None, Some(f64::INFINITY)), 0),
        (range(None, None), 8193),
    ] {
        let status = c
            .try_by_score("lb", Some(r), 0, limit, ASC)
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{r:?} {limit}");
    }
    let unknown_order = GetByScoreRequest {
        leaderboard: "lb".to_owned(),
        order: 7,
        ..Default::default()
    };
    let refused = c.lb.get_by_score(c.req(unknown_order)).await;
    assert_eq!(common::code(refused), Code::InvalidArgument);
}

#[tokio::test]
async fn many_elements_default_limit() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    for batch in 0..2u32 {
        let elements: Vec<(u32, f64)> = (0..5000u32)
            .map(|i| (batch * 5000 + i, f64::from(batch * 5000 + i)))
            .collect();
        c.upsert("big", &elements).await;
    }
    assert_eq!(c.length("big").await, 10_000);
    let all = c.try_by_score("big", None, 0, 0, DESC).await.unwrap();
    assert_eq!(all.len(), 8192);
    assert_eq!(all[0], (9999, 9999.0, 0));
    assert_eq!(all[8191], (1808, 1808.0, 8191));
    let tail = c.try_by_score("big", None, 9990, 0, ASC).await.unwrap();
    assert_eq!(tail.len(), 10);
    assert_eq!(tail[9], (9999, 9999.0, 9999));
    assert_eq!(
        c.rank("big", &[0, 9999], DESC).await,
        [(0, 0.0, 9999), (9999, 9999.0, 0)]
    );
}

#[tokio::test]
async fn get_rank_keeps_request_order_and_omits_missing_ids() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    assert_eq!(c.rank("lb", &[123], ASC).await, []);
    c.upsert("lb", &[(123, 100.0), (456, 200.0), (789, 300.0)])
        .await;
    assert_eq!(
        c.rank("lb", &[123, 789], ASC).await,
        [(123, 100.0, 0), (789, 300.0, 2)]
    );
    assert_eq!(
        c.rank("lb", &[123, 789], DESC).await,
        [(123, 100.0, 2), (789, 300.0, 0)]
    );
    assert_eq!(
        c.rank("lb", &[789, 42, 456, 789], ASC).await,
        [(789, 300.0, 2), (456, 200.0, 1)]
    );
}

#[tokio::test]
async fn competition_rank_shares_ranks_between_ties() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    c.upsert(
        "lb",
        &[
            (1, 30.0),
            (2, 20.0),
            (3, 20.0),
            (4, 10.0),
            (5, 20.0),
            (6, 5.0),
        ],
    )
    .await;
    // Unset order = descending: 30 → 0; 20, 20, 20 → 1; 10 → 4; 5 → 5.
    assert_eq!(
        c.competition("lb", &[6, 5, 4, 3, 2, 1], None).await,
        [
            (6, 5.0, 5),
            (5, 20.0, 1),
            (4, 10.0, 4),
            (3, 20.0, 1),
            (2, 20.0, 1),
            (1, 30.0, 0)
        ]
    );
    assert_eq!(
        c.competition("lb", &[1, 3, 99], Some(DESC)).await,
        [(1, 30.0, 0), (3, 20.0, 1)]
    );
    // Ascending: 5 → 0; 10 → 1; 20 × 3 → 2; 30 → 5.
    assert_eq!(
        c.competition("lb", &[1, 2, 3, 4, 5, 6], Some(ASC)).await,
        [
            (1, 30.0, 5),
            (2, 20.0, 2),
            (3, 20.0, 2),
            (4, 10.0, 1),
            (5, 20.0, 2),
            (6, 5.0, 0)
        ]
    );
    // Ordinal ranks for comparison: ties are split by id.
    assert_eq!(
        c.rank("lb", &[2, 3, 5], DESC).await,
        [(2, 20.0, 1), (3, 20.0, 2), (5, 20.0, 3)]
    );
}

#[tokio::test]
async fn remove_delete_and_length() {
    let server = start().await;
    let mut c = client(&server, "c").await;
    assert_eq!(c.length("lb").await, 0);
    c.upsert("lb", &[(123, 100.0), (456, 200.0), (789, 300.0)])
        .await;
    c.upsert("other", &[(1, 1.0)]).await;
    assert_eq!(c.length("lb").await, 3);

    c.remove("lb", &[123, 789, 999]).await.unwrap();
    assert_eq!(c.by_rank("lb", ASC).await, [(456, 200.0, 0)]);
    assert_eq!(c.length("lb").await, 1);
    c.remove("nothing", &[1]).await.unwrap();

    c.delete("lb").await;
    assert_eq!(c.length("lb").await, 0);
    assert_eq!(c.by_rank("lb", ASC).await, []);
    c.delete("lb").await;
    // Other leaderboards are untouched.
    assert_eq!(c.length("other").await, 1);

    let status = c.remove("lb", &[]).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn leaderboards_live_and_die_with_their_cache() {
    let server = start().await;
    let mut a = client(&server, "a").await;
    let mut b = client(&server, "b").await;
    a.upsert("lb", &[(1, 1.0), (2, 2.0)]).await;
    b.upsert("lb", &[(3, 3.0)]).await;
    assert_eq!(a.by_rank("lb", ASC).await, [(1, 1.0, 0), (2, 2.0, 1)]);
    assert_eq!(b.by_rank("lb", ASC).await, [(3, 3.0, 0)]);

    a.delete_cache().await;
    let status = a.try_by_rank("lb", None, ASC).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "Cache not found: a");
    a.create_cache().await;
    assert_eq!(a.length("lb").await, 0);
    assert_eq!(b.length("lb").await, 1);
}

#[tokio::test]
async fn validation_errors() {
    let server = start().await;
    let mut c = client(&server, "c").await;

    // Unknown cache, missing cache header.
    let mut missing = Client {
        cache: "missing".to_owned(),
        lb: c.lb.clone(),
        control: c.control.clone(),
        token: c.token.clone(),
    };
    let status = missing.try_upsert("lb", &[(1, 1.0)]).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    let status =
        c.lb.get_leaderboard_length(request(
            GetLeaderboardLengthRequest {
                leaderboard: "lb".to_owned(),
            },
            None,
            Some(&c.token),
        ))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);

    // Names, batches, scores.
    let status = c.try_upsert("", &[(1, 1.0)]).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.try_upsert("  ", &[(1, 1.0)]).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.try_upsert("lb", &[]).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let too_many: Vec<(u32, f64)> = (0..8193).map(|i| (i, 1.0)).collect();
    let status = c.try_upsert("lb", &too_many).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    c.upsert("lb", &too_many[..8192]).await;
    assert_eq!(c.length("lb").await, 8192);
    // NaN rejects the whole batch.
    let status = c
        .try_upsert("lb", &[(9000, 1.0), (9001, f64::NAN)])
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(c.length("lb").await, 8192);
    assert_eq!(c.rank("lb", &[9000], ASC).await, []);

    // Infinite scores and -0.0 are accepted; a repeated id keeps its last score.
    c.upsert(
        "special",
        &[
            (1, f64::INFINITY),
            (2, f64::NEG_INFINITY),
            (3, -0.0),
            (4, 1.0),
            (4, -1.0),
        ],
    )
    .await;
    let ranked = c.by_rank("special", ASC).await;
    assert_eq!(
        ranked,
        [
            (2, f64::NEG_INFINITY, 0),
            (4, -1.0, 1),
            (3, 0.0, 2),
            (1, f64::INFINITY, 3)
        ]
    );
    assert!(ranked[2].1.is_sign_positive());

    let status =
        c.lb.get_rank(c.req(GetRankRequest {
            leaderboard: "lb".to_owned(),
            ids: Vec::new(),
            order: 0,
        }))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status =
        c.lb.get_competition_rank(c.req(GetCompetitionRankRequest {
            leaderboard: "lb".to_owned(),
            ids: vec![1],
            order: Some(5),
        }))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
}
