//! `itemGetType`: `/cache_client.Scs/ItemGetType` → Hit with the item's type, or Miss.

use momento_proto::cache_client::{item_get_type_response, ItemGetTypeRequest as Proto};

use super::KeyRequest;
use crate::core::error::MomentoError;
use crate::core::rpc::{found_or_missing, hit_or_miss, unary};

/// The type of a stored item (the official JS `ItemType` names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemType {
    /// A plain value.
    Scalar,
    /// A dictionary.
    Dictionary,
    /// A set.
    Set,
    /// A list.
    List,
    /// A sorted set.
    SortedSet,
}

impl ItemType {
    /// The JS `ItemType` string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scalar => "SCALAR",
            Self::Dictionary => "DICTIONARY",
            Self::Set => "SET",
            Self::List => "LIST",
            Self::SortedSet => "SORTED_SET",
        }
    }
}

/// A validated `itemGetType` request.
pub type ItemGetTypeRequest = KeyRequest<Proto>;

hit_or_miss! {
    /// The result of `itemGetType`.
    ItemGetTypeResponse: "The key exists with this type." => item_type: ItemType, "The item's type.", "The key does not exist."
}

unary! {
    ItemGetTypeRequest: Proto => ItemGetTypeResponse, cache;
    |self| Proto { cache_key: self.key };
    |reply| {
        use item_get_type_response::ItemType as P;
        found_or_missing!(
            reply.result,
            item_get_type_response::Result,
            "ItemGetType",
            |f| {
                let item_type = match P::try_from(f.item_type) {
                    Ok(P::Scalar) => ItemType::Scalar,
                    Ok(P::Dictionary) => ItemType::Dictionary,
                    Ok(P::Set) => ItemType::Set,
                    Ok(P::List) => ItemType::List,
                    Ok(P::SortedSet) => ItemType::SortedSet,
                    Err(_) => {
                        return Err(MomentoError::unknown_service(format!(
                            "unknown item type {}",
                            f.item_type
                        )))
                    }
                };
                Ok(ItemGetTypeResponse::Hit { item_type })
            },
            Ok(ItemGetTypeResponse::Miss)
        )
    }
}
