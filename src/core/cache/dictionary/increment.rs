//! `dictionaryIncrement`: `/cache_client.Scs/DictionaryIncrement` with the collection TTL → the field's new value
//! (a missing field starts at 0). Never retried: repeating it would add twice.

use momento_proto::cache_client::DictionaryIncrementRequest as Proto;

use crate::core::collection::collection_request;
use crate::core::collection_ttl::CollectionTtl;
use crate::core::rpc::{success_with, unary};

collection_request! {
    /// A validated `dictionaryIncrement` request.
    DictionaryIncrementRequest: Dictionary, dictionary {
        field: Vec<u8>,
        amount: i64 as f64 => crate::core::validation::increment_amount(amount)?,
        ttl: CollectionTtl,
    }
    "Validates the names; `amount` must be a safe integer (it may be negative or 0)."
}

success_with! {
    /// The result of a `dictionaryIncrement`.
    DictionaryIncrementResponse: "The field's value after incrementing." => value: i64, "The new value."
}

unary! {
    DictionaryIncrementRequest: Proto => DictionaryIncrementResponse, cache;
    |self| Proto {
        dictionary_name: self.dictionary.into_bytes(),
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
