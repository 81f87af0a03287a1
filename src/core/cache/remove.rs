//! The collections' item removals, a row each, Success also when the collection or the items do not exist (as in the
//! official SDKs): `dictionaryRemoveField(s)` (`/cache_client.Scs/DictionaryDelete` with `some` fields),
//! `setRemoveElement(s)` (`/cache_client.Scs/SetDifference` with a subtrahend set: Found and Missing both mean the
//! elements are gone) and `sortedSetRemoveElement(s)` (`/cache_client.Scs/SortedSetRemove` with `some` values). The
//! singular methods send one item.

use momento_proto::cache_client as pb;
use pb::dictionary_delete_request::{Delete, Some as SomeFields};
use pb::set_difference_request::subtrahend::{Set as SubtrahendElements, SubtrahendSet};
use pb::set_difference_request::{Difference, Subtrahend};
use pb::sorted_set_remove_request::{RemoveElements, Some as SomeValues};

use crate::core::collection::{Dictionary, ItemsRequest, Set, SortedSet};
use crate::core::rpc::success_rpc;

/// Defines the removals, a row each: `Request = Family => Response: "what Success means"; |self| proto message;`
/// (the request is an [`ItemsRequest`] of that family; its proto message is `cache_client::<Request>`).
macro_rules! removals {
    ($($(#[$doc:meta])* $request:ident = $family:ident => $response:ident: $success:literal; |$this:ident| $into:expr;)+) => {$(
        $(#[$doc])*
        pub type $request = ItemsRequest<$family, pb::$request>;

        success_rpc! {
            #[doc = concat!("The result of a [`", stringify!($request), "`].")]
            $response { $success } for $request: pb::$request, cache;
            |$this| $into
        }
    )+};
}

removals! {
    /// A validated `dictionaryRemoveFields` request (`dictionaryRemoveField` sends one field).
    DictionaryDeleteRequest = Dictionary => DictionaryDeleteResponse: "The fields are gone.";
    |self| pb::DictionaryDeleteRequest {
        dictionary_name: self.name,
        delete: Some(Delete::Some(SomeFields { fields: self.items })),
    };
    /// A validated `setRemoveElements` request (`setRemoveElement` sends one element).
    SetDifferenceRequest = Set => SetDifferenceResponse: "The elements are no longer in the set.";
    |self| pb::SetDifferenceRequest {
        set_name: self.name,
        difference: Some(Difference::Subtrahend(Subtrahend {
            subtrahend_set: Some(SubtrahendSet::Set(SubtrahendElements { elements: self.items })),
        })),
    };
    /// A validated `sortedSetRemoveElement(s)` request.
    SortedSetRemoveRequest = SortedSet => SortedSetRemoveResponse: "The elements are no longer in the sorted set.";
    |self| pb::SortedSetRemoveRequest {
        set_name: self.name,
        remove_elements: Some(RemoveElements::Some(SomeValues { values: self.items })),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::{assert_reply, UnaryRpc};
    use pb::set_difference_response::{Missing, Set as Reply};

    #[test]
    fn encodes_validates_and_maps() {
        let items = || vec![b"a".to_vec()];
        let p = DictionaryDeleteRequest::new("c".into(), "d".into(), items())
            .unwrap()
            .into_proto();
        assert_eq!(p.dictionary_name, b"d");
        assert_eq!(p.delete, Some(Delete::Some(SomeFields { fields: items() })));
        let p = SetDifferenceRequest::new("c".into(), "s".into(), items())
            .unwrap()
            .into_proto();
        assert_eq!(p.set_name, b"s");
        let subtrahend = Some(SubtrahendSet::Set(SubtrahendElements { elements: items() }));
        let difference = Difference::Subtrahend(Subtrahend {
            subtrahend_set: subtrahend,
        });
        assert_eq!(p.difference, Some(difference));
        let p = SortedSetRemoveRequest::new("c".into(), "z".into(), items())
            .unwrap()
            .into_proto();
        assert_eq!(p.set_name, b"z");
        assert_eq!(
            p.remove_elements,
            Some(RemoveElements::Some(SomeValues { values: items() }))
        );

        assert!(DictionaryDeleteRequest::new(" ".into(), "d".into(), vec![]).is_err());
        assert!(SetDifferenceRequest::new("".into(), "s".into(), vec![]).is_err());
        assert!(SortedSetRemoveRequest::new("c".into(), " ".into(), vec![]).is_err());

        assert_reply::<DictionaryDeleteRequest>(
            Default::default(),
            DictionaryDeleteResponse::Success,
        );
        let missing = pb::SetDifferenceResponse {
            set: Some(Reply::Missing(Missing {})),
        };
        assert_reply::<SetDifferenceRequest>(missing, SetDifferenceResponse::Success);
        assert_reply::<SortedSetRemoveRequest>(
            Default::default(),
            SortedSetRemoveResponse::Success,
        );
    }
}
