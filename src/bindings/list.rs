//! List methods of `CacheClientCore`. Every method funnels into one non-generic helper
//! ([`CacheClientCore::list_call`]), so the bundle carries one call site for the family. Options arrive already
//! normalized by the facade: a `CollectionTtl` becomes `ttlSeconds` + `refreshTtl`.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{self, set, tagged, uint8, uint8_array_list, IntoJs, Text};
use crate::core::cache::list::concatenate::{
    ListConcatenateBackRequest, ListConcatenateFrontRequest, ListConcatenateResponse,
};
use crate::core::cache::list::fetch::{ListFetchRequest, ListFetchResponse};
use crate::core::cache::list::length::{ListLengthRequest, ListLengthResponse};
use crate::core::cache::list::pop::{ListPopBackRequest, ListPopFrontRequest, ListPopResponse};
use crate::core::cache::list::push::{ListPushBackRequest, ListPushFrontRequest, ListPushResponse};
use crate::core::cache::list::remove_value::{ListRemoveValueRequest, ListRemoveValueResponse};
use crate::core::cache::list::retain::{ListRetainRequest, ListRetainResponse};

/// Which list RPC a call makes; `arg` of [`CacheClientCore::list_call`] depends on it.
enum Op {
    /// `ListPushFront`; `arg` is the value.
    PushFront,
    /// `ListPushBack`; `arg` is the value.
    PushBack,
    /// `ListConcatenateFront`; `arg` is the values array.
    ConcatenateFront,
    /// `ListConcatenateBack`; `arg` is the values array.
    ConcatenateBack,
    /// `ListPopFront` (no `arg`).
    PopFront,
    /// `ListPopBack` (no `arg`).
    PopBack,
    /// `ListFetch` (no `arg`; the slice is in the options).
    Fetch,
    /// `ListRetain` (no `arg`; the slice and TTL are in the options).
    Retain,
    /// `ListRemove`; `arg` is the value.
    RemoveValue,
    /// `ListLength` (no `arg`).
    Length,
}

impl CacheClientCore {
    /// Shared by every list method (non-generic on purpose: one copy in the bundle).
    #[inline(never)]
    fn list_call(
        &self,
        op: Op,
        cache_name: Text,
        list_name: Text,
        arg: JsValue,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let list_name = convert::text(&list_name, "list name")?;
            let ttl = || convert::collection_ttl(&options, self.default_ttl_ms);
            let number = |name: &str| convert::opt_number(&options, name);
            Ok(match op {
                Op::PushFront => prepare(ListPushFrontRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes(&arg, "value")?,
                    number("truncateBackToSize")?,
                    ttl()?,
                )?),
                Op::PushBack => prepare(ListPushBackRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes(&arg, "value")?,
                    number("truncateFrontToSize")?,
                    ttl()?,
                )?),
                Op::ConcatenateFront => prepare(ListConcatenateFrontRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes_list(&arg, "values")?,
                    number("truncateBackToSize")?,
                    ttl()?,
                )?),
                Op::ConcatenateBack => prepare(ListConcatenateBackRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes_list(&arg, "values")?,
                    number("truncateFrontToSize")?,
                    ttl()?,
                )?),
                Op::PopFront => prepare(ListPopFrontRequest::new(cache_name, list_name)?),
                Op::PopBack => prepare(ListPopBackRequest::new(cache_name, list_name)?),
                Op::Fetch => prepare(ListFetchRequest::new(
                    cache_name,
                    list_name,
                    number("startIndex")?,
                    number("endIndex")?,
                )?),
                Op::Retain => prepare(ListRetainRequest::new(
                    cache_name,
                    list_name,
                    number("startIndex")?,
                    number("endIndex")?,
                    ttl()?,
                )?),
                Op::RemoveValue => prepare(ListRemoveValueRequest::new(
                    cache_name,
                    list_name,
                    convert::bytes(&arg, "value")?,
                )?),
                Op::Length => prepare(ListLengthRequest::new(cache_name, list_name)?),
            })
        })
    }
}

#[wasm_bindgen]
impl CacheClientCore {
    /// Adds `value` before the first element (creating the list), then keeps at most `truncateBackToSize`
    /// elements by dropping from the back: `{type: 'Success', listLength}`. Never retried.
    #[wasm_bindgen(js_name = listPushFront)]
    pub fn list_push_front(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] value: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "{ truncateBackToSize?: number; ttlSeconds?: number; refreshTtl?: boolean; abortSignal?: AbortSignal }"
        )]
        options: Option<Object>,
    ) -> PendingCall {
        self.list_call(Op::PushFront, cache_name, list_name, value, options)
    }

    /// Adds `value` after the last element (creating the list), then keeps at most `truncateFrontToSize`
    /// elements by dropping from the front: `{type: 'Success', listLength}`. Never retried.
    #[wasm_bindgen(js_name = listPushBack)]
    pub fn list_push_back(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] value: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "{ truncateFrontToSize?: number; ttlSeconds?: number; refreshTtl?: boolean; abortSignal?: AbortSignal }"
        )]
        options: Option<Object>,
    ) -> PendingCall {
        self.list_call(Op::PushBack, cache_name, list_name, value, options)
    }

    /// Puts `values`, in order, before the first element (`listConcatenateFront(l, ['a', 'b'])` on `[c]` gives
    /// `[a, b, c]`), then truncates from the back: `{type: 'Success', listLength}`. Never retried.
    #[wasm_bindgen(js_name = listConcatenateFront)]
    pub fn list_concatenate_front(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "Array<string | Uint8Array>")] values: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "{ truncateBackToSize?: number; ttlSeconds?: number; refreshTtl?: boolean; abortSignal?: AbortSignal }"
        )]
        options: Option<Object>,
    ) -> PendingCall {
        self.list_call(Op::ConcatenateFront, cache_name, list_name, values, options)
    }

    /// Puts `values`, in order, after the last element, then truncates from the front:
    /// `{type: 'Success', listLength}`. Never retried.
    #[wasm_bindgen(js_name = listConcatenateBack)]
    pub fn list_concatenate_back(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "Array<string | Uint8Array>")] values: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "{ truncateFrontToSize?: number; ttlSeconds?: number; refreshTtl?: boolean; abortSignal?: AbortSignal }"
        )]
        options: Option<Object>,
    ) -> PendingCall {
        self.list_call(Op::ConcatenateBack, cache_name, list_name, values, options)
    }

    /// Removes and returns the first element: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = listPopFront)]
    pub fn list_pop_front(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> PendingCall {
        self.list_call(
            Op::PopFront,
            cache_name,
            list_name,
            JsValue::UNDEFINED,
            options,
        )
    }

    /// Removes and returns the last element: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = listPopBack)]
    pub fn list_pop_back(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> PendingCall {
        self.list_call(
            Op::PopBack,
            cache_name,
            list_name,
            JsValue::UNDEFINED,
            options,
        )
    }

    /// Reads elements `startIndex` (inclusive) to `endIndex` (exclusive; negative counts from the end; both
    /// default to the whole list): `{type: 'Hit', values: Uint8Array[]}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = listFetch)]
    pub fn list_fetch(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(
            unchecked_param_type = "{ startIndex?: number; endIndex?: number; abortSignal?: AbortSignal }"
        )]
        options: Option<Object>,
    ) -> PendingCall {
        self.list_call(
            Op::Fetch,
            cache_name,
            list_name,
            JsValue::UNDEFINED,
            options,
        )
    }

    /// Keeps only elements `startIndex` (inclusive) to `endIndex` (exclusive): `{type: 'Success'}`.
    #[wasm_bindgen(js_name = listRetain)]
    pub fn list_retain(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(
            unchecked_param_type = "{ startIndex?: number; endIndex?: number; ttlSeconds?: number; refreshTtl?: boolean; abortSignal?: AbortSignal }"
        )]
        options: Option<Object>,
    ) -> PendingCall {
        self.list_call(
            Op::Retain,
            cache_name,
            list_name,
            JsValue::UNDEFINED,
            options,
        )
    }

    /// Removes every element equal to `value`: `{type: 'Success'}`.
    #[wasm_bindgen(js_name = listRemoveValue)]
    pub fn list_remove_value(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> PendingCall {
        self.list_call(Op::RemoveValue, cache_name, list_name, value, options)
    }

    /// The number of elements: `{type: 'Hit', length}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = listLength)]
    pub fn list_length(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = listName)] list_name: Text,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> PendingCall {
        self.list_call(
            Op::Length,
            cache_name,
            list_name,
            JsValue::UNDEFINED,
            options,
        )
    }
}

/// `{type: 'Success', listLength}` (shared by pushes and concatenations).
fn list_length_success(list_length: u32) -> JsValue {
    let o = tagged("Success");
    set(&o, "listLength", &JsValue::from(list_length));
    o.into()
}

impl IntoJs for ListPushResponse {
    fn into_js(self) -> JsValue {
        let ListPushResponse::Success { list_length } = self;
        list_length_success(list_length)
    }
}

impl IntoJs for ListConcatenateResponse {
    fn into_js(self) -> JsValue {
        let ListConcatenateResponse::Success { list_length } = self;
        list_length_success(list_length)
    }
}

impl IntoJs for ListPopResponse {
    fn into_js(self) -> JsValue {
        match self {
            ListPopResponse::Hit { value } => {
                let o = tagged("Hit");
                set(&o, "value", &uint8(&value));
                o.into()
            }
            ListPopResponse::Miss => tagged("Miss").into(),
        }
    }
}

impl IntoJs for ListFetchResponse {
    fn into_js(self) -> JsValue {
        match self {
            ListFetchResponse::Hit { values } => {
                let o = tagged("Hit");
                set(&o, "values", &uint8_array_list(&values));
                o.into()
            }
            ListFetchResponse::Miss => tagged("Miss").into(),
        }
    }
}

impl IntoJs for ListRetainResponse {
    fn into_js(self) -> JsValue {
        tagged("Success").into()
    }
}

impl IntoJs for ListRemoveValueResponse {
    fn into_js(self) -> JsValue {
        tagged("Success").into()
    }
}

impl IntoJs for ListLengthResponse {
    fn into_js(self) -> JsValue {
        match self {
            ListLengthResponse::Hit { length } => {
                let o = tagged("Hit");
                set(&o, "length", &JsValue::from(length));
                o.into()
            }
            ListLengthResponse::Miss => tagged("Miss").into(),
        }
    }
}
