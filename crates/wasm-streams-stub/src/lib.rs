//! A stand-in for the `wasm-streams` crate (see the `[patch.crates-io]` note in the top
//! `Cargo.toml`): only the names server_fn's browser client uses, with no JS bindings of its
//! own. The app has no server functions, so none of this ever runs; if it did, it would fail
//! loudly (`from_stream`) or see an empty stream, never a wrong answer.
use futures_util::stream::{Empty, Stream, empty};
use wasm_bindgen::JsValue;

pub struct ReadableStream(web_sys::ReadableStream);

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self(raw)
    }
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str("streams are not supported")
    }
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0
    }
    pub fn into_stream(self) -> Empty<Result<JsValue, JsValue>> {
        empty()
    }
}
