mod client {
    civis::civis_api!(resources = "all", flavour = "spicy");
}

fn main() {}
