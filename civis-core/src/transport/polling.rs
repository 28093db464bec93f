//! How often a waiting run is polled.

use std::time::Duration;

/// civis-python's `_MAX_POLLING_INTERVAL`: no wait between two polls is longer.
const MAX_INTERVAL: Duration = Duration::from_secs(15);

/// The waits between two polls of a run: civis-python's geometric schedule by default
/// (1 s, then each wait 1.2 times the last, at most 15 s), or a fixed interval.
///
/// Set it for every run of a client with `ClientBuilder::polling`, or for one run with
/// [`Run::polling`](crate::runs::Run::polling). The waits are taken on the client's
/// [`Clock`](crate::config::Clock).
///
/// ```
/// # extern crate civis_core as civis;
/// use std::time::Duration;
/// use civis::runs::Polling;
///
/// let waits: Vec<Duration> = Polling::default().intervals().take(3).collect();
/// assert_eq!(waits[0], Duration::from_secs(1));
/// assert_eq!(Polling::every(Duration::from_secs(30)).intervals().nth(5), Some(Duration::from_secs(30)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Polling {
    first: Duration,
    factor: f64,
    max: Duration,
}

impl Default for Polling {
    /// civis-python's default: 1 s, 1.2 s, 1.44 s, ... up to 15 s (reached after about 87 s).
    fn default() -> Self {
        Self {
            first: Duration::from_secs(1),
            factor: 1.2,
            max: MAX_INTERVAL,
        }
    }
}

impl Polling {
    /// A fixed wait of `interval` between polls (civis-python's `polling_interval=`). A zero
    /// interval is raised to 1 ms, so a mistaken `every(Duration::ZERO)` cannot spin a core
    /// against the API's rate limit; civis-python raises `ValueError` instead.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use std::time::Duration;
    /// let polling = civis::runs::Polling::every(Duration::from_secs(10));
    /// ```
    pub fn every(interval: Duration) -> Self {
        let interval = interval.max(Duration::from_millis(1));
        Self {
            first: interval,
            factor: 1.0,
            max: interval,
        }
    }

    /// The waits in order, endless.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// let mut waits = civis::runs::Polling::default().intervals();
    /// assert_eq!(waits.next(), Some(std::time::Duration::from_secs(1)));
    /// ```
    pub fn intervals(&self) -> impl Iterator<Item = Duration> + use<> {
        let (factor, max) = (self.factor, self.max);
        std::iter::successors(Some(self.first.min(max)), move |last: &Duration| {
            Some(last.mul_f64(factor).min(max))
        })
    }
}
