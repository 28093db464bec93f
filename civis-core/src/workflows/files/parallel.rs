//! Items worked on a few at a time, none started after one fails: what multipart uploads and
//! an unload's downloads share.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::data::error::Error;

/// Runs `work` on items `0..count`, at most `at_most` at once, each on a scoped thread. After a
/// failure the items in flight finish and no other starts; the error of the earliest item that
/// failed is given back with its index, whichever thread saw its own first.
pub(crate) fn each_at_most(
    count: usize,
    at_most: usize,
    work: impl Fn(usize) -> Result<(), Error> + Sync,
) -> Result<(), (usize, Error)> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let failed: Mutex<Option<(usize, Error)>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..count.min(at_most) {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        break;
                    }
                    if let Err(error) = work(index) {
                        stop.store(true, Ordering::Relaxed);
                        let mut failed = failed.lock().unwrap_or_else(|e| e.into_inner());
                        if failed.as_ref().is_none_or(|(first, _)| index < *first) {
                            *failed = Some((index, error));
                        }
                    }
                }
            });
        }
    });
    match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(failure) => Err(failure),
        None => Ok(()),
    }
}
