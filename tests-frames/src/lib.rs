//! Integration tests of typed results live in `tests/`; this library is empty. The crate is its
//! own so that the arrow and polars features stay out of `civis-tests`' trybuild cases.
