//! `civis files upload` and `civis files download`, beside the generated `files` methods (as
//! civis-python's command line has them), with a progress bar on stderr when it is a terminal.

use std::io::IsTerminal;

use clap::{Arg, ArgAction, ArgMatches, Command};
use indicatif::{ProgressBar, ProgressStyle};

use super::client;
use civis::Error;

/// `files upload`, given `Command::new("upload")`.
pub fn upload_command(command: Command) -> Command {
    command
        .about("Upload a local file to Civis and print its file id")
        .long_about(
            "Upload a local file to Civis and print its file id.\n\n\
             Files past 50 MiB go in parts, four at a time. Without --expires-at or \
             --never-expires the file expires after 30 days.",
        )
        .arg(
            Arg::new("path")
                .value_name("PATH")
                .required(true)
                .help("The file to upload"),
        )
        .arg(
            Arg::new("name")
                .long("name")
                .value_name("TEXT")
                .help("Its name in Civis (default: the file's name)"),
        )
        .arg(
            Arg::new("description")
                .long("description")
                .value_name("TEXT")
                .help("A description, at most 512 characters"),
        )
        .arg(
            Arg::new("expires-at")
                .long("expires-at")
                .value_name("TIME")
                .help("When it expires: an ISO 8601 date or time (2027-01-01, 2027-01-01T12:00:00Z), or `never` (as --never-expires)"),
        )
        .arg(
            Arg::new("never-expires")
                .long("never-expires")
                .action(ArgAction::SetTrue)
                .conflicts_with("expires-at")
                .help("Keep it until deleted"),
        )
}

/// `files download`, given `Command::new("download")`.
pub fn download_command(command: Command) -> Command {
    command
        .about("Download a Civis file to a local path")
        .long_about(
            "Download a Civis file to a local path.\n\n\
             A dropped connection resumes from the last byte received.",
        )
        .arg(
            Arg::new("file_id")
                .value_name("FILE_ID")
                .required(true)
                .value_parser(clap::value_parser!(i64))
                .help("The file's id"),
        )
        .arg(
            Arg::new("path")
                .value_name("PATH")
                .required(true)
                .help("Where to write it (`-`: standard output)"),
        )
}

/// The text argument `name` of `matches`.
fn text(matches: &ArgMatches, name: &str) -> Option<String> {
    matches.get_one::<String>(name).cloned()
}

/// Runs `files upload` (`m` are its own matches).
pub fn upload(m: &ArgMatches) -> Result<(), Error> {
    let client = client()?;
    let path = text(m, "path").unwrap_or_default();
    let mut upload = client.upload_file(&path);
    if let Some(name) = text(m, "name") {
        upload = upload.name(name);
    }
    if let Some(description) = text(m, "description") {
        upload = upload.description(description);
    }
    match text(m, "expires-at") {
        // civis-python's `--expires-at never`.
        Some(at) if at.eq_ignore_ascii_case("never") => upload = upload.never_expires(),
        Some(at) if is_iso_8601(&at) => upload = upload.expires_at(at),
        Some(at) => {
            return Err(Error::Usage(format!(
                "--expires-at {at:?} is not an ISO 8601 date or time (2027-01-01, 2027-01-01T12:00:00Z) or `never`"
            )))
        }
        None => {}
    }
    if m.get_flag("never-expires") {
        upload = upload.never_expires();
    }
    let bar = progress_bar();
    if let Some(bar) = &bar {
        let bar = bar.clone();
        upload = upload.progress(move |done, total| show(&bar, done, total));
    }
    let id = upload.send();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    super::output::line(id?)
}

/// Runs `files download` (`m` are its own matches).
pub fn download(m: &ArgMatches) -> Result<(), Error> {
    let client = client()?;
    let id = m.get_one::<i64>("file_id").copied().unwrap_or_default();
    let path = text(m, "path").unwrap_or_default();
    let mut download = client.download_file(id);
    let bar = progress_bar();
    if let Some(bar) = &bar {
        let bar = bar.clone();
        download = download.progress(move |done, total| show(&bar, done, total));
    }
    let written = if path == "-" {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        download.to_writer(&mut out).and_then(|written| {
            std::io::Write::flush(&mut out).map_err(super::output::stdout_error)?;
            Ok(written)
        })
    } else {
        download.to_path(&path)
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    written.map(drop)
}

/// A progress bar on stderr, when stderr is a terminal: piped or redirected output stays clean.
fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

fn show(bar: &ProgressBar, done: u64, total: u64) {
    bar.set_length(total);
    bar.set_position(done);
}

/// Whether `text` is an ISO 8601 date (`2027-01-01`) or date and time (`2027-01-01T12:00`,
/// seconds, fractions and a zone optional: `Z`, `+02:00`, `-0500`), as the API reads
/// `expiresAt`.
fn is_iso_8601(text: &str) -> bool {
    civis::time::parse_iso_8601(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::is_iso_8601;

    #[test]
    fn expiry_times_are_iso_8601() {
        for good in [
            "2027-01-01",
            "2027-01-01T12:00:00Z",
            "2027-01-01T12:00",
            "2027-01-01T12:00:00.5+02:00",
            "2027-12-31 23:59:59-0500",
        ] {
            assert!(is_iso_8601(good), "{good}");
        }
        for bad in [
            "tomorrow",
            "2027-13-01",
            "2027-1-1",
            "2027-01-01T25:00",
            "01/02/2027",
            "2027-01-01Tnoon",
            "",
        ] {
            assert!(!is_iso_8601(bad), "{bad}");
        }
    }
}
