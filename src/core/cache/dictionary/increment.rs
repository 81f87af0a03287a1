//! `dictionaryIncrement`: `/cache_client.Scs/DictionaryIncrement` with the collection TTL → the field's new value
//! (a missing field starts at 0). Never retried: repeating it would add twice.

use momento_proto::cache_client::DictionaryIncrementRequest as Proto;

use crate::core::collection::{validate, Dictionary as Family};
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;
use crate::core::rpc::{success_with, unary};

/// A validated `dictionaryIncrement` request.
#[derive(Debug)]
pub struct DictionaryIncrementRequest {
    cache: String,
    dictionary: Vec<u8>,
    field: Vec<u8>,
    amount: i64,
    ttl: CollectionTtl,
}

impl DictionaryIncrementRequest {
    /// Validates the names; `amount` must be a safe integer (it may be negative or 0).
    pub fn new(
        cache: String,
        dictionary: String,
        field: Vec<u8>,
        amount: f64,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &dictionary)?;
        let amount = crate::core::validation::increment_amount(amount)?;
        Ok(Self {
            cache,
            dictionary: dictionary.into_bytes(),
            field,
            amount,
            ttl,
        })
    }
}

success_with! {
    /// The result of a `dictionaryIncrement`.
    DictionaryIncrementResponse: "The field's value after incrementing." => value: i64, "The new value."
}

unary! {
    DictionaryIncrementRequest: Proto => DictionaryIncrementResponse, cache;
    |self| Proto {
        dictionary_name: self.dictionary,
        field: self.field,
        amount: self.amount,
        ttl_milliseconds: self.ttl.ttl_ms,
        refresh_ttl: self.ttl.refresh,
    };
    |reply| Ok(DictionaryIncrementResponse::Success { value: reply.value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::DictionaryIncrementResponse as ProtoResponse;

    fn ttl() -> CollectionTtl {
        CollectionTtl::new(None, true, 9_000).unwrap()
    }

    #[test]
    fn encodes_amount_and_ttl() {
        let p = DictionaryIncrementRequest::new("c".into(), "d".into(), b"f".to_vec(), -7.0, ttl())
            .unwrap()
            .into_proto();
        assert_eq!(p.amount, -7);
        assert_eq!(p.field, b"f");
        assert_eq!((p.ttl_milliseconds, p.refresh_ttl), (9_000, true));
    }

    #[test]
    fn rejects_non_integer_amounts() {
        for bad in [1.5, f64::NAN, f64::INFINITY, 1e16] {
            let e = DictionaryIncrementRequest::new("c".into(), "d".into(), vec![], bad, ttl())
                .unwrap_err();
            assert_eq!(e.message, "amount must be a safe integer");
        }
        assert_eq!(
            DictionaryIncrementRequest::new("c".into(), "".into(), vec![], 1.0, ttl())
                .unwrap_err()
                .message,
            "dictionary name must not be empty"
        );
    }

    #[test]
    fn maps_value() {
        assert_reply::<DictionaryIncrementRequest>(
            ProtoResponse { value: 42 },
            DictionaryIncrementResponse::Success { value: 42 },
        );
    }
}
