//! `sortedSetUnionStore`: `/cache_client.Scs/SortedSetUnionStore` stores the weighted union of the source sorted
//! sets in the destination (overwriting it), combining shared elements with SUM, MIN or MAX → Success with the
//! destination's length. The destination gets the collection TTL's duration (the RPC has no refresh flag).

use momento_proto::cache_client::{
    sorted_set_union_store_request::{AggregateFunction, Source},
    SortedSetUnionStoreRequest as Proto,
};

use crate::core::collection::collection_request;
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;
use crate::core::rpc::{success_with, unary};

/// How scores of an element present in several sources combine (JS `SortedSetAggregate`: SUM = 0, MIN, MAX).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortedSetAggregate {
    /// Sum of the weighted scores; the default.
    #[default]
    Sum,
    /// Smallest weighted score.
    Min,
    /// Largest weighted score.
    Max,
}

/// One source of a union: a sorted set and the weight its scores are multiplied by.
#[derive(Debug, Clone, PartialEq)]
pub struct SortedSetSource {
    /// The source sorted set's name.
    pub name: String,
    /// The multiplier (sent as a 32-bit float, the wire type).
    pub weight: f64,
}

collection_request! {
    /// A validated `sortedSetUnionStore` request.
    SortedSetUnionStoreRequest: SortedSet, destination {
        sources: Vec<SortedSetSource>,
        aggregate: SortedSetAggregate,
        ttl: CollectionTtl,
    }
    check check_sources(&sources);
    "Validates the names and the sources with the official texts (`validateSortedSetSources`): each source \
     name must be non-empty and each weight finite; of the collection TTL only the TTL is sent."
}

/// The official `validateSortedSetSources`.
fn check_sources(sources: &[SortedSetSource]) -> Result<(), MomentoError> {
    for source in sources {
        if source.name.is_empty() {
            return Err(MomentoError::invalid_argument(
                "sortedSetName must be a non-empty string",
            ));
        }
        if !source.weight.is_finite() {
            return Err(MomentoError::invalid_argument(
                "weight must be a finite number",
            ));
        }
    }
    Ok(())
}

success_with! {
    /// The result of `sortedSetUnionStore`.
    SortedSetUnionStoreResponse: "The union is stored (an empty union deletes the destination)." => length: u32, "The destination's number of elements."
}

unary! {
    SortedSetUnionStoreRequest: Proto => SortedSetUnionStoreResponse, cache;
    |self| {
        let aggregate = match self.aggregate {
            SortedSetAggregate::Sum => AggregateFunction::Sum,
            SortedSetAggregate::Min => AggregateFunction::Min,
            SortedSetAggregate::Max => AggregateFunction::Max,
        };
        Proto {
            set_name: self.destination.into_bytes(),
            sources: self
                .sources
                .into_iter()
                .map(|s| Source {
                    set_name: s.name.into_bytes(),
                    weight: s.weight as f32,
                })
                .collect(),
            aggregate: aggregate as i32,
            ttl_milliseconds: self.ttl.ttl_ms,
        }
    };
    |reply| Ok(SortedSetUnionStoreResponse::Success {
        length: reply.length,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::SortedSetUnionStoreResponse as ProtoResponse;

    fn source(name: &str, weight: f64) -> SortedSetSource {
        SortedSetSource {
            name: name.into(),
            weight,
        }
    }

    #[test]
    fn encodes_sources_aggregate_and_ttl() {
        let ttl = CollectionTtl::new(Some(4.0), false, 1_000).unwrap();
        let p = SortedSetUnionStoreRequest::new(
            "c".into(),
            "dest".into(),
            vec![source("a", 1.0), source("b", -0.5)],
            SortedSetAggregate::Max,
            ttl,
        )
        .unwrap()
        .into_proto();
        assert_eq!(p.set_name, b"dest");
        assert_eq!(
            p.sources,
            vec![
                Source {
                    set_name: b"a".to_vec(),
                    weight: 1.0
                },
                Source {
                    set_name: b"b".to_vec(),
                    weight: -0.5
                }
            ]
        );
        assert_eq!((p.aggregate, p.ttl_milliseconds), (2, 4_000));
    }

    #[test]
    fn validates_sources_with_the_official_texts() {
        let ttl = CollectionTtl::new(None, true, 1_000).unwrap();
        let new = |sources| {
            SortedSetUnionStoreRequest::new(
                "c".into(),
                "d".into(),
                sources,
                SortedSetAggregate::Sum,
                ttl,
            )
        };
        assert_eq!(
            new(vec![source("", 1.0)]).unwrap_err().message,
            "sortedSetName must be a non-empty string"
        );
        assert_eq!(
            new(vec![source("a", f64::INFINITY)]).unwrap_err().message,
            "weight must be a finite number"
        );
        assert!(new(vec![]).is_ok(), "an empty list passes, as officially");
        assert!(SortedSetUnionStoreRequest::new(
            "c".into(),
            " ".into(),
            vec![],
            SortedSetAggregate::Sum,
            ttl
        )
        .is_err());
    }

    #[test]
    fn answers_the_length() {
        assert_reply::<SortedSetUnionStoreRequest>(
            ProtoResponse { length: 5 },
            SortedSetUnionStoreResponse::Success { length: 5 },
        );
    }
}
