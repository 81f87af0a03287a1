//! `leaderboard.Leaderboard`: leaderboards of `(u32 id, f64 score)` elements.
//!
//! # Addressing
//! The cache comes from the `cache` header (missing → `INVALID_ARGUMENT`, unknown →
//! `NOT_FOUND` "Cache not found: …"); the leaderboard name is field 2 of the requests (field 1
//! of `GetCompetitionRank`) and must not be empty or blank (`INVALID_ARGUMENT`). Leaderboards
//! live in their cache: deleting the cache deletes them (a recreated cache starts empty);
//! `FlushCache` does not touch them. A leaderboard exists while it has elements: reading a
//! missing one gives an empty answer (length 0), and deleting or removing from one succeeds.
//!
//! # Ordering and ranks
//! Ranks are 0-based positions in the requested order: `ASCENDING` (rank 0 = lowest score) or
//! `DESCENDING` (rank 0 = highest score). Elements with equal scores are ordered by **id
//! ascending in both orders**, so ordinal ranks are deterministic. `GetCompetitionRank` gives
//! tied elements the same rank, the lowest position of their group, and skips the following
//! ranks ("1224" ranking, 0-based: scores 30, 20, 20, 10 descending rank 0, 1, 1, 3); its
//! `order` defaults to `DESCENDING` when unset. `-0.0` is stored as `0.0`; infinite scores are
//! accepted, NaN is not.
//!
//! # Limits and validation (`INVALID_ARGUMENT` unless noted)
//! - `UpsertElements`: 1 to 8192 elements, no NaN score; all or nothing; a repeated id takes
//!   the last score.
//! - `RemoveElements`, `GetRank`, `GetCompetitionRank`: 1 to 8192 ids; unknown ids are ignored
//!   (omitted from rank answers); answers follow the order of the requested ids, each id once.
//! - `GetByRank`: `start_inclusive < end_exclusive`, at most 8192 ranks (an unset range is
//!   `0..8192`); ranks past the end are simply absent.
//! - `GetByScore`: bounds must be finite and `min_inclusive <= max_exclusive` (unset = unbounded);
//!   `offset` skips matching elements; `limit_elements` 0 means 8192, more than 8192 is
//!   rejected. Returned ranks are positions in the whole leaderboard, not within the range.
//! - `order` must be a known `_Order` value.
//!
//! # Permissions
//! After validation, [`crate::permissions::authorize_cache`] checks the caller's token with the
//! leaderboard name as the key, for the access class of the RPC table: read access for the
//! length, rank and fetch RPCs, write access for upsert, remove and delete (`PERMISSION_DENIED`
//! otherwise).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use momento_proto::common::Empty;
use momento_proto::leaderboard::{
    score_range, DeleteLeaderboardRequest, Element, GetByRankRequest, GetByRankResponse,
    GetByScoreRequest, GetByScoreResponse, GetCompetitionRankRequest, GetCompetitionRankResponse,
    GetLeaderboardLengthRequest, GetLeaderboardLengthResponse, GetRankRequest, GetRankResponse,
    Order, RankedElement, RemoveElementsRequest, UpsertElementsRequest,
};
use momento_proto::rpc::RpcRequest;
use tonic::{Request, Response, Status};

use super::{cache_name, cache_not_found};
use crate::grpc::leaderboard::leaderboard_server::Leaderboard;
use crate::permissions::authorize_cache;
use crate::store::sorted_set::Score;
use crate::store::Store;
use crate::token::Claims;

/// Most elements (or ids, or ranks) one request may carry or ask for.
pub const MAX_BATCH: usize = 8192;

/// One leaderboard: scores by id plus the two orders, each as `(key, id)` where the key is the
/// score (ascending) or the negated score (descending), so ties sort by id in both.
#[derive(Debug, Default)]
pub struct Board {
    scores: HashMap<u32, f64>,
    ascending: BTreeSet<(Score, u32)>,
    descending: BTreeSet<(Score, u32)>,
}

impl Board {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether the leaderboard has no elements.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// Inserts or updates an element (the score must not be NaN).
    pub fn upsert(&mut self, id: u32, score: f64) {
        let score = Score::new(score).0;
        if let Some(old) = self.scores.insert(id, score) {
            self.ascending.remove(&(Score::new(old), id));
            self.descending.remove(&(Score::new(-old), id));
        }
        self.ascending.insert((Score::new(score), id));
        self.descending.insert((Score::new(-score), id));
    }

    /// Removes an element if present.
    pub fn remove(&mut self, id: u32) {
        if let Some(old) = self.scores.remove(&id) {
            self.ascending.remove(&(Score::new(old), id));
            self.descending.remove(&(Score::new(-old), id));
        }
    }

    /// `(id, score)` in `order`, with the rank as position.
    fn ordered(&self, order: Order) -> impl Iterator<Item = (u32, f64)> + '_ {
        let (set, sign) = match order {
            Order::Ascending => (&self.ascending, 1.0),
            Order::Descending => (&self.descending, -1.0),
        };
        set.iter()
            .map(move |(key, id)| (*id, Score::new(key.0 * sign).0))
    }

    /// Elements at ranks `start..end` in `order`.
    pub fn by_rank(&self, order: Order, start: usize, end: usize) -> Vec<RankedElement> {
        self.ordered(order)
            .enumerate()
            .skip(start)
            .take(end.saturating_sub(start))
            .map(|(rank, (id, score))| ranked(id, rank, score))
            .collect()
    }

    /// Elements with `min <= score < max` (`None` = unbounded) in `order`, skipping `offset`
    /// of them and returning at most `limit`.
    pub fn by_score(
        &self,
        order: Order,
        min: Option<f64>,
        max: Option<f64>,
        offset: usize,
        limit: usize,
    ) -> Vec<RankedElement> {
        let in_range = |score: f64| min.is_none_or(|m| score >= m) && max.is_none_or(|m| score < m);
        self.ordered(order)
            .enumerate()
            .filter(|(_, (_, score))| in_range(*score))
            .skip(offset)
            .take(limit)
            .map(|(rank, (id, score))| ranked(id, rank, score))
            .collect()
    }

    /// Ordinal (`competition = false`) or competition ranks of `ids` in `order`, in the order of
    /// `ids`, each once, unknown ids omitted.
    pub fn ranks(&self, order: Order, ids: &[u32], competition: bool) -> Vec<RankedElement> {
        let wanted: HashSet<u32> = ids
            .iter()
            .copied()
            .filter(|id| self.scores.contains_key(id))
            .collect();
        let mut found: HashMap<u32, RankedElement> = HashMap::with_capacity(wanted.len());
        let mut group: Option<(f64, usize)> = None;
        for (position, (id, score)) in self.ordered(order).enumerate() {
            if found.len() == wanted.len() {
                break;
            }
            let rank = match group {
                Some((group_score, group_rank)) if competition && group_score == score => {
                    group_rank
                }
                _ => {
                    group = Some((score, position));
                    position
                }
            };
            if wanted.contains(&id) {
                found.insert(id, ranked(id, rank, score));
            }
        }
        ids.iter().filter_map(|id| found.remove(id)).collect()
    }
}

fn ranked(id: u32, rank: usize, score: f64) -> RankedElement {
    RankedElement {
        id,
        rank: u32::try_from(rank).unwrap_or(u32::MAX),
        score,
    }
}

/// The leaderboards of one incarnation of a cache.
#[derive(Debug)]
struct CacheBoards {
    epoch: Instant,
    boards: HashMap<String, Board>,
}

/// Every leaderboard of the server, by cache.
#[derive(Debug, Default)]
pub struct Leaderboards {
    caches: Mutex<HashMap<String, CacheBoards>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Leaderboards {
    /// Runs `f` on a leaderboard of `cache` (`None` if it has no elements and `create` is
    /// false). An emptied leaderboard is dropped afterwards. `NOT_FOUND` for an unknown cache.
    fn with_board<R>(
        &self,
        store: &Store,
        cache: &str,
        name: &str,
        create: bool,
        f: impl FnOnce(Option<&mut Board>) -> R,
    ) -> Result<R, Status> {
        let caches = store.list_caches();
        let epoch = caches
            .binary_search_by(|(n, _)| n.as_str().cmp(cache))
            .ok()
            .and_then(|i| caches.get(i))
            .map(|(_, info)| info.created_at)
            .ok_or_else(|| cache_not_found(cache))?;
        let mut all = lock(&self.caches);
        if create {
            // Forget the leaderboards of deleted caches (and of earlier incarnations).
            all.retain(|name, boards| {
                caches
                    .binary_search_by(|(n, _)| n.as_str().cmp(name))
                    .ok()
                    .and_then(|i| caches.get(i))
                    .is_some_and(|(_, info)| info.created_at == boards.epoch)
            });
        }
        let entry = match all.get_mut(cache) {
            Some(entry) if entry.epoch == epoch => Some(entry),
            Some(entry) => {
                entry.epoch = epoch;
                entry.boards.clear();
                Some(entry)
            }
            None if create => Some(all.entry(cache.to_owned()).or_insert(CacheBoards {
                epoch,
                boards: HashMap::new(),
            })),
            None => None,
        };
        let Some(entry) = entry else {
            return Ok(f(None));
        };
        if create && !entry.boards.contains_key(name) {
            entry.boards.insert(name.to_owned(), Board::default());
        }
        let result = f(entry.boards.get_mut(name));
        if entry.boards.get(name).is_some_and(Board::is_empty) {
            entry.boards.remove(name);
        }
        if entry.boards.is_empty() {
            all.remove(cache);
        }
        Ok(result)
    }

    /// Number of leaderboards with elements in `cache` (diagnostics and tests).
    pub fn count(&self, cache: &str) -> usize {
        lock(&self.caches)
            .get(cache)
            .map_or(0, |entry| entry.boards.len())
    }
}

/// The leaderboard service.
#[derive(Debug, Clone)]
pub struct LeaderboardService {
    store: Arc<Store>,
    leaderboards: Arc<Leaderboards>,
}

impl LeaderboardService {
    /// Leaderboards living in `store`'s caches.
    pub fn new(store: Arc<Store>, leaderboards: Arc<Leaderboards>) -> Self {
        Self {
            store,
            leaderboards,
        }
    }

    /// Reads the cache header, validates the leaderboard name, checks the caller's permission
    /// (the RPC's access class to the cache with the leaderboard name as the key) and runs `f` on
    /// the board (`create`: make it if missing).
    fn call<Req: Named, R>(
        &self,
        request: Request<Req>,
        create: bool,
        f: impl FnOnce(&Req, Option<&mut Board>) -> R,
    ) -> Result<R, Status> {
        let cache = cache_name(&request)?;
        let claims = request.extensions().get::<Claims>().cloned();
        let message = request.into_inner();
        let leaderboard = message.leaderboard();
        check_name(leaderboard)?;
        authorize_cache(claims.as_ref(), Req::RPC, &cache, [leaderboard.as_bytes()])?;
        self.leaderboards
            .with_board(&self.store, &cache, leaderboard, create, |board| {
                f(&message, board)
            })
    }

    /// [`Self::call`] for the writes, which answer `Empty`: `f` runs on the board when there is
    /// one (`create`: make it if missing).
    fn write<Req: Named>(
        &self,
        request: Request<Req>,
        create: bool,
        f: impl FnOnce(&Req, &mut Board),
    ) -> Result<Response<Empty>, Status> {
        self.call(request, create, |message, board| {
            if let Some(board) = board {
                f(message, board);
            }
        })?;
        Ok(Response::new(Empty {}))
    }

    /// [`Self::call`] for the reads that list ranked elements: what `f` lists of the board, none
    /// when there is no board.
    fn elements<Req: Named>(
        &self,
        request: Request<Req>,
        f: impl FnOnce(&Req, &Board) -> Vec<RankedElement>,
    ) -> Result<Vec<RankedElement>, Status> {
        self.call(request, false, |message, board| {
            board.map_or_else(Vec::new, |board| f(message, board))
        })
    }
}

/// A leaderboard request: each names its leaderboard.
trait Named: RpcRequest {
    fn leaderboard(&self) -> &str;
}

macro_rules! named {
    ($($ty:ident),*) => {
        $(impl Named for $ty {
            fn leaderboard(&self) -> &str {
                &self.leaderboard
            }
        })*
    };
}

named!(
    DeleteLeaderboardRequest,
    UpsertElementsRequest,
    RemoveElementsRequest,
    GetLeaderboardLengthRequest,
    GetByRankRequest,
    GetRankRequest,
    GetByScoreRequest,
    GetCompetitionRankRequest
);

fn check_name(name: &str) -> Result<(), Status> {
    if name.trim().is_empty() {
        return Err(Status::invalid_argument(
            "Leaderboard name must not be empty",
        ));
    }
    Ok(())
}

fn check_batch(len: usize, what: &str) -> Result<(), Status> {
    if len == 0 {
        return Err(Status::invalid_argument(format!(
            "At least one {what} is required"
        )));
    }
    if len > MAX_BATCH {
        return Err(Status::invalid_argument(format!(
            "Too many {what}s: {len}, the limit is {MAX_BATCH}"
        )));
    }
    Ok(())
}

fn order(value: i32) -> Result<Order, Status> {
    Order::try_from(value)
        .map_err(|_| Status::invalid_argument(format!("Invalid leaderboard order: {value}")))
}

fn check_elements(elements: &[Element]) -> Result<(), Status> {
    check_batch(elements.len(), "element")?;
    if let Some(element) = elements.iter().find(|e| e.score.is_nan()) {
        return Err(Status::invalid_argument(format!(
            "Invalid score for element {}: NaN is not allowed",
            element.id
        )));
    }
    Ok(())
}

/// A finite score bound.
fn bound(value: f64, which: &str) -> Result<f64, Status> {
    if !value.is_finite() {
        return Err(Status::invalid_argument(format!(
            "Invalid score range: {which} must be a finite number"
        )));
    }
    Ok(value)
}

/// Validated `(min, max, offset, limit)` of a GetByScore request.
fn score_query(
    request: &GetByScoreRequest,
) -> Result<(Option<f64>, Option<f64>, usize, usize), Status> {
    let range = request.score_range.unwrap_or_default();
    let min = match range.min {
        Some(score_range::Min::MinInclusive(v)) => Some(bound(v, "min_inclusive")?),
        Some(score_range::Min::UnboundedMin(_)) | None => None,
    };
    let max = match range.max {
        Some(score_range::Max::MaxExclusive(v)) => Some(bound(v, "max_exclusive")?),
        Some(score_range::Max::UnboundedMax(_)) | None => None,
    };
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            return Err(Status::invalid_argument(format!(
                "Invalid score range: min_inclusive {min} is greater than max_exclusive {max}"
            )));
        }
    }
    let limit = match request.limit_elements as usize {
        0 => MAX_BATCH,
        n if n > MAX_BATCH => {
            return Err(Status::invalid_argument(format!(
                "limit_elements {n} exceeds the limit of {MAX_BATCH}"
            )))
        }
        n => n,
    };
    Ok((min, max, request.offset as usize, limit))
}

/// Validated `start..end` of a GetByRank request.
fn rank_query(request: &GetByRankRequest) -> Result<(usize, usize), Status> {
    let (start, end) = request.rank_range.map_or((0, MAX_BATCH), |r| {
        (r.start_inclusive as usize, r.end_exclusive as usize)
    });
    if start >= end {
        return Err(Status::invalid_argument(format!(
            "Invalid rank range: start_inclusive {start} must be less than end_exclusive {end}"
        )));
    }
    if end - start > MAX_BATCH {
        return Err(Status::invalid_argument(format!(
            "Invalid rank range: {start}..{end} spans more than {MAX_BATCH} ranks"
        )));
    }
    Ok((start, end))
}

#[tonic::async_trait]
impl Leaderboard for LeaderboardService {
    async fn delete_leaderboard(
        &self,
        request: Request<DeleteLeaderboardRequest>,
    ) -> Result<Response<Empty>, Status> {
        self.write(request, false, |_, board| *board = Board::default())
    }

    async fn upsert_elements(
        &self,
        request: Request<UpsertElementsRequest>,
    ) -> Result<Response<Empty>, Status> {
        check_elements(&request.get_ref().elements)?;
        self.write(request, true, |m, board| {
            for element in &m.elements {
                board.upsert(element.id, element.score);
            }
        })
    }

    async fn remove_elements(
        &self,
        request: Request<RemoveElementsRequest>,
    ) -> Result<Response<Empty>, Status> {
        check_batch(request.get_ref().ids.len(), "id")?;
        self.write(request, false, |m, board| {
            for id in &m.ids {
                board.remove(*id);
            }
        })
    }

    async fn get_leaderboard_length(
        &self,
        request: Request<GetLeaderboardLengthRequest>,
    ) -> Result<Response<GetLeaderboardLengthResponse>, Status> {
        let len = self.call(request, false, |_, board| board.map_or(0, |b| b.len()))?;
        Ok(Response::new(GetLeaderboardLengthResponse {
            count: u32::try_from(len).unwrap_or(u32::MAX),
        }))
    }

    async fn get_by_rank(
        &self,
        request: Request<GetByRankRequest>,
    ) -> Result<Response<GetByRankResponse>, Status> {
        let order = order(request.get_ref().order)?;
        let (start, end) = rank_query(request.get_ref())?;
        let elements = self.elements(request, |_, board| board.by_rank(order, start, end))?;
        Ok(Response::new(GetByRankResponse { elements }))
    }

    async fn get_rank(
        &self,
        request: Request<GetRankRequest>,
    ) -> Result<Response<GetRankResponse>, Status> {
        let order = order(request.get_ref().order)?;
        check_batch(request.get_ref().ids.len(), "id")?;
        let elements = self.elements(request, |m, board| board.ranks(order, &m.ids, false))?;
        Ok(Response::new(GetRankResponse { elements }))
    }

    async fn get_by_score(
        &self,
        request: Request<GetByScoreRequest>,
    ) -> Result<Response<GetByScoreResponse>, Status> {
        let order = order(request.get_ref().order)?;
        let (min, max, offset, limit) = score_query(request.get_ref())?;
        let elements = self.elements(request, |_, board| {
            board.by_score(order, min, max, offset, limit)
        })?;
        Ok(Response::new(GetByScoreResponse { elements }))
    }

    async fn get_competition_rank(
        &self,
        request: Request<GetCompetitionRankRequest>,
    ) -> Result<Response<GetCompetitionRankResponse>, Status> {
        // Unset means DESCENDING (prost's `order()` accessor would say ASCENDING).
        let order = match request.get_ref().order {
            None => Order::Descending,
            Some(value) => order(value)?,
        };
        check_batch(request.get_ref().ids.len(), "id")?;
        let elements = self.elements(request, |m, board| board.ranks(order, &m.ids, true))?;
        Ok(Response::new(GetCompetitionRankResponse { elements }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn ids(elements: &[RankedElement]) -> Vec<(u32, u32)> {
        elements.iter().map(|e| (e.id, e.rank)).collect()
    }

    fn board(elements: &[(u32, f64)]) -> Board {
        let mut board = Board::default();
        for (id, score) in elements {
            board.upsert(*id, *score);
        }
        board
    }

    #[test]
    fn ordering_and_ties() {
        let b = board(&[(5, 20.0), (1, 10.0), (3, 20.0), (9, 30.0)]);
        assert_eq!(
            ids(&b.by_rank(Order::Ascending, 0, 10)),
            [(1, 0), (3, 1), (5, 2), (9, 3)]
        );
        assert_eq!(
            ids(&b.by_rank(Order::Descending, 0, 10)),
            [(9, 0), (3, 1), (5, 2), (1, 3)]
        );
        assert_eq!(
            ids(&b.ranks(Order::Descending, &[1, 5, 3, 42, 5], true)),
            [(1, 3), (5, 1), (3, 1)]
        );
        assert_eq!(
            ids(&b.ranks(Order::Ascending, &[5, 3, 9], true)),
            [(5, 1), (3, 1), (9, 3)]
        );
        assert_eq!(ids(&b.ranks(Order::Descending, &[5], false)), [(5, 2)]);
    }

    #[test]
    fn upsert_moves_and_remove() {
        let mut b = board(&[(1, 1.0), (2, 2.0)]);
        b.upsert(1, 3.0);
        assert_eq!(ids(&b.by_rank(Order::Ascending, 0, 5)), [(2, 0), (1, 1)]);
        b.remove(2);
        b.remove(7);
        assert_eq!(b.len(), 1);
        assert_eq!(b.ascending.len(), 1);
        assert_eq!(b.descending.len(), 1);
        b.upsert(1, -0.0);
        assert_eq!(
            b.by_rank(Order::Descending, 0, 1)[0].score.to_bits(),
            0.0f64.to_bits()
        );
    }

    #[test]
    fn score_ranges() {
        let b = board(&[(1, 10.0), (2, 20.0), (3, 30.0), (4, 40.0)]);
        let r = |order, min, max, offset, limit| ids(&b.by_score(order, min, max, offset, limit));
        assert_eq!(
            r(Order::Ascending, Some(20.0), Some(40.0), 0, 10),
            [(2, 1), (3, 2)]
        );
        assert_eq!(
            r(Order::Descending, Some(20.0), Some(40.0), 0, 10),
            [(3, 1), (2, 2)]
        );
        assert_eq!(r(Order::Descending, None, None, 1, 2), [(3, 1), (2, 2)]);
        assert_eq!(r(Order::Ascending, Some(20.0), Some(20.0), 0, 10), []);
    }
}
