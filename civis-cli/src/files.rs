//! `civis files upload` and `civis files download`, beside the generated `files` methods (as
//! civis-python's command line has them), with a progress bar on stderr when it is a terminal.

use std::io::IsTerminal;

use clap::{Arg, ArgAction, ArgMatches, Command};
use indicatif::{ProgressBar, ProgressStyle};

use super::{client, extend};
use civis::Error;

const UPLOAD: &str = "upload";
const DOWNLOAD: &str = "download";

/// Adds `upload` and `download` to the `files` resource of `program`.
pub fn commands(program: Command) -> Command {
    extend(program, "files", |files| {
        files
            .subcommand(upload_command())
            .subcommand(download_command())
    })
}

fn upload_command() -> Command {
    Command::new(UPLOAD)
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
                .help("When it expires, e.g. 2027-01-01T00:00:00Z"),
        )
        .arg(
            Arg::new("never-expires")
                .long("never-expires")
                .action(ArgAction::SetTrue)
                .conflicts_with("expires-at")
                .help("Keep it until deleted"),
        )
}

fn download_command() -> Command {
    Command::new(DOWNLOAD)
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
                .help("Where to write it"),
        )
}

/// Whether `matches` (of `files`) name `upload` or `download`.
pub fn handles(matches: &ArgMatches) -> bool {
    matches!(matches.subcommand_name(), Some(UPLOAD | DOWNLOAD))
}

/// Runs `files upload` or `files download`.
pub fn run(matches: &ArgMatches) -> Result<(), Error> {
    let client = client()?;
    let text = |m: &ArgMatches, name: &str| m.get_one::<String>(name).cloned();
    match matches.subcommand() {
        Some((UPLOAD, m)) => {
            let path = text(m, "path").unwrap_or_default();
            let mut upload = client.upload_file(&path);
            if let Some(name) = text(m, "name") {
                upload = upload.name(name);
            }
            if let Some(description) = text(m, "description") {
                upload = upload.description(description);
            }
            if let Some(at) = text(m, "expires-at") {
                upload = upload.expires_at(at);
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
            println!("{}", id?);
            Ok(())
        }
        Some((DOWNLOAD, m)) => {
            let id = m.get_one::<i64>("file_id").copied().unwrap_or_default();
            let path = text(m, "path").unwrap_or_default();
            let mut download = client.download_file(id);
            let bar = progress_bar();
            if let Some(bar) = &bar {
                let bar = bar.clone();
                download = download.progress(move |done, total| show(&bar, done, total));
            }
            let written = download.to_path(&path);
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            written.map(drop)
        }
        _ => Err(Error::Usage("files: use `upload` or `download`".into())),
    }
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
