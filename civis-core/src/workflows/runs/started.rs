//! A workflow started without waiting: its run at once, and what the blocking call returns
//! once the run is over (civis-python's `CivisFuture` with its `result()`).

use std::fmt;

use super::{FinishedRun, Run, RunSet};
use crate::data::error::Error;

/// What turns a finished run into the workflow's result (an export's file id, its rows, a
/// manifest, a query's rows).
type Finish<T> = Box<dyn FnOnce(&Run, FinishedRun) -> Result<T, Error> + Send>;

/// A workflow that is going: its [`Run`], and the result the blocking call would have returned,
/// read once the run is over.
///
/// The `start_*` forms of the SQL endings give one (`client.sql(..).start_rows()`,
/// [`start_to_civis_file`](crate::sql::SqlBuilder::start_to_civis_file), ...); the blocking
/// endings are written on top of them, so `start_x()?.wait()` returns what `x()` returns. Put
/// many in [`Started::wait_all`] to wait for them from one thread on one polling schedule, or
/// their runs in a [`RunSet`].
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let exports = ["east", "west"]
///     .map(|region| client.sql(format!("select * from sales_{region}"), 32).start_to_civis_file());
/// let mut started = Vec::new();
/// for export in exports {
///     started.push(export?);
/// }
/// for file_id in civis::runs::Started::wait_all(started) {
///     println!("exported to file {}", file_id?);
/// }
/// # Ok(()) }
/// ```
#[must_use = "a started workflow's result is read by waiting for it"]
pub struct Started<T> {
    run: Run,
    finish: Finish<T>,
}

impl<T> fmt::Debug for Started<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Started")
            .field("run", &self.run)
            .finish_non_exhaustive()
    }
}

impl<T> Started<T> {
    /// The workflow's `run`, whose end `finish` turns into its result.
    pub(crate) fn new(
        run: Run,
        finish: impl FnOnce(&Run, FinishedRun) -> Result<T, Error> + Send + 'static,
    ) -> Self {
        Self {
            run,
            finish: Box::new(finish),
        }
    }

    /// The same run, whose result is `then` of this one's: a typed query's records over an
    /// export's rows.
    #[cfg(feature = "typed-sql")]
    pub(crate) fn then<U>(
        self,
        then: impl FnOnce(T) -> Result<U, Error> + Send + 'static,
    ) -> Started<U>
    where
        T: 'static,
    {
        let finish = self.finish;
        Started::new(self.run, move |run, finished| then(finish(run, finished)?))
    }

    /// The run (for its id, its state, its log, a cancel).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let export = client.sql("select 1", 32).start_rows()?;
    /// println!("export run {} of job {}", export.run().run_id(), export.run().job_id());
    /// # Ok(()) }
    /// ```
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// Waits for the run ([`Run::wait`]: a failed run is
    /// [`Error::JobFailed`](crate::Error::JobFailed)) and returns the result.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let export = client.sql("select * from t", 32).start_to_civis_file()?;
    /// // ... other work while the export runs ...
    /// let file_id = export.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn wait(self) -> Result<T, Error> {
        let finished = self.run.wait()?;
        (self.finish)(&self.run, finished)
    }

    /// Waits for every one of `started` from this thread, each unfinished run polled once a
    /// round on one schedule and within the rate limit (see [`RunSet`]), and returns every
    /// result in the order given: one failure does not stop the wait for the others.
    /// civis-python's `concurrent.futures.wait` over its futures, then `result()` of each.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let started = vec![client.sql("select 1", 32).start_rows()?, client.sql("select 2", 32).start_rows()?];
    /// for rows in civis::runs::Started::wait_all(started) {
    ///     println!("{} rows", rows?.count());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn wait_all(started: impl IntoIterator<Item = Started<T>>) -> Vec<Result<T, Error>> {
        let mut finishes = Vec::new();
        let set = RunSet::new(started.into_iter().map(|started| {
            finishes.push(Some(started.finish));
            started.run
        }));
        set.wait_all()
            .into_iter()
            .map(|done| {
                let finish = finishes[done.index].take();
                match (done.outcome, finish) {
                    (Ok(finished), Some(finish)) => finish(&done.run, finished),
                    (Ok(_), None) => Err(Error::Usage(format!(
                        "run {} of the set was reported twice",
                        done.index
                    ))),
                    (Err(error), _) => Err(error),
                }
            })
            .collect()
    }
}
