//! The commands beside the spec's operations (civis-python's extra commands, `spec`, `mock`,
//! `sql`, ...) as rows of one table, `EXTRAS` in `main.rs`. A row says where its command sits,
//! how its clap definition is built and what runs it; the clap tree, the commands that need no
//! spec and the dispatch are all read from the rows, so a new command is one row, and a row
//! cannot be written without its handler.

use clap::{ArgMatches, Command};

use crate::output::Format;
use civis::Error;

/// What runs an extra command: given its own matches (not its parent's) and the output format
/// chosen on the command line.
pub type Handler = fn(&ArgMatches, Format) -> Result<(), Error>;

/// Where an extra command sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At the top, beside the resources (`civis sql`).
    Top,
    /// Under a group of this program's own, made with this help text when the first of its
    /// rows is added (`civis spec download`).
    Group {
        /// The group's name.
        name: &'static str,
        /// Its one-line help.
        about: &'static str,
    },
    /// Under a resource of the spec, beside its methods (`civis jobs run`); made, without help
    /// text, when the spec has no such resource.
    Resource(&'static str),
    /// Under a command of this program's own at the top, which an earlier row adds (`civis sql
    /// check` under `civis sql`): the parent runs when no subcommand is named.
    Under(&'static str),
}

/// One extra command: a row of the table.
pub struct Extra {
    /// Where it sits.
    pub place: Place,
    /// Its name on the command line, under its place.
    pub name: &'static str,
    /// Adds its help and arguments to `Command::new(name)`, which it is given so that the name
    /// is written once.
    pub define: fn(Command) -> Command,
    /// Runs it.
    pub run: Handler,
}

/// `program` with the commands of `extras` added, in the table's order (the order `--help`
/// lists them in).
pub fn add(mut program: Command, extras: &[Extra]) -> Command {
    for extra in extras {
        let command = (extra.define)(Command::new(extra.name));
        program = match extra.place {
            Place::Top => program.subcommand(command),
            Place::Group { name, about } => {
                under(program, name, command, |parent| parent.about(about))
            }
            Place::Resource(name) => under(program, name, command, |parent| parent),
            Place::Under(name) => {
                assert!(
                    program.find_subcommand(name).is_some(),
                    "the row of `{name}` comes before the rows under it"
                );
                program.mut_subcommand(name, |parent| {
                    parent
                        .subcommand(command)
                        .subcommand_negates_reqs(true)
                        .args_conflicts_with_subcommands(true)
                })
            }
        };
    }
    program
}

/// `program` with `command` added to its subcommand `parent`, which is made (with `made`
/// applied) when it has none.
fn under(
    program: Command,
    parent: &'static str,
    command: Command,
    made: impl FnOnce(Command) -> Command,
) -> Command {
    if program.find_subcommand(parent).is_some() {
        program.mut_subcommand(parent, |parent| parent.subcommand(command))
    } else {
        program.subcommand(
            made(Command::new(parent))
                .subcommand_required(true)
                .subcommand(command),
        )
    }
}

/// The row of `extras` that `matches` (the whole program's) name, with the command's own
/// matches; `None` for an operation of the spec.
pub fn chosen<'a>(
    extras: &'a [Extra],
    matches: &'a ArgMatches,
) -> Option<(&'a Extra, &'a ArgMatches)> {
    let (top, below) = matches.subcommand()?;
    // A row below the command named comes first: `civis sql check` is not `civis sql`.
    let nested = extras.iter().find_map(|extra| match extra.place {
        Place::Group { name, .. } | Place::Resource(name) | Place::Under(name) if name == top => {
            match below.subcommand() {
                Some((sub, own)) if sub == extra.name => Some((extra, own)),
                _ => None,
            }
        }
        _ => None,
    });
    nested.or_else(|| {
        extras
            .iter()
            .find(|extra| extra.place == Place::Top && extra.name == top)
            .map(|extra| (extra, below))
    })
}

/// Whether the top-level command `word` is one of this program's own (a command at the top or a
/// group), which needs no spec: the resources, those extended included, come from the spec.
pub fn is_own(extras: &[Extra], word: &str) -> bool {
    extras.iter().any(|extra| match extra.place {
        Place::Top => extra.name == word,
        Place::Group { name, .. } => name == word,
        Place::Resource(_) | Place::Under(_) => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EXTRAS;

    fn program() -> Command {
        crate::program(civis::ApiClient::operations(), &Default::default())
    }

    /// The row `args` name, as `(place, name)`.
    fn row_of(args: &[&str]) -> Option<(Place, &'static str)> {
        let matches = program()
            .try_get_matches_from(std::iter::once("civis").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        chosen(EXTRAS, &matches).map(|(extra, _)| (extra.place, extra.name))
    }

    #[test]
    fn every_row_is_in_the_tree_where_it_says() {
        let program = program();
        program.clone().debug_assert();
        for extra in EXTRAS {
            let found = match extra.place {
                Place::Top => program.find_subcommand(extra.name),
                Place::Group { name, .. } | Place::Resource(name) | Place::Under(name) => program
                    .find_subcommand(name)
                    .and_then(|parent| parent.find_subcommand(extra.name)),
            };
            assert!(found.is_some(), "{:?} {}", extra.place, extra.name);
        }
    }

    #[test]
    fn the_dispatch_finds_the_row_named() {
        assert_eq!(row_of(&["civis"]), Some((Place::Top, "civis")));
        assert_eq!(
            row_of(&["sql", "-d", "1", "-c", "select 1"]),
            Some((Place::Top, "sql"))
        );
        assert!(matches!(
            row_of(&["spec", "which", "--download"]),
            Some((Place::Group { name: "spec", .. }, "which"))
        ));
        assert_eq!(
            row_of(&["jobs", "follow-run-log", "1", "2"]),
            Some((Place::Resource("jobs"), "follow-run-log"))
        );
        assert_eq!(
            row_of(&["tables", "import", "a.csv", "1", "s.t"]),
            Some((Place::Resource("tables"), "import"))
        );
        assert_eq!(
            row_of(&["sql", "check", "-c", "select 1"]),
            Some((Place::Under("sql"), "check"))
        );
        assert_eq!(
            row_of(&["sql", "-d", "1", "-c", "check"]),
            Some((Place::Top, "sql"))
        );
        assert_eq!(
            row_of(&["tables", "pin", "--check"]),
            Some((Place::Resource("tables"), "pin"))
        );
        // The spec's own methods of an extended resource are not rows.
        assert_eq!(row_of(&["jobs", "list"]), None);
        assert_eq!(row_of(&["files", "get", "1"]), None);
    }

    #[test]
    fn the_commands_that_need_no_spec_are_the_own_top_level_ones() {
        for own in ["spec", "mock", "civis", "sql", "outputs"] {
            assert!(is_own(EXTRAS, own), "{own}");
        }
        for resource in ["jobs", "files", "notebooks", "tables", "users", "run"] {
            assert!(!is_own(EXTRAS, resource), "{resource}");
        }
    }

    #[test]
    fn a_resource_the_spec_lacks_is_made_for_its_rows() {
        let added = add(Command::new("civis"), EXTRAS);
        let tables = added.find_subcommand("tables").expect("tables is made");
        assert!(tables.is_subcommand_required_set());
        assert!(tables.find_subcommand("import").is_some());
        let spec = added.find_subcommand("spec").expect("spec is made");
        assert_eq!(
            spec.get_about().map(ToString::to_string).as_deref(),
            Some("The Civis API spec")
        );
        assert_eq!(
            spec.get_subcommands()
                .map(|sub| sub.get_name())
                .collect::<Vec<_>>(),
            ["download", "which"]
        );
    }
}
