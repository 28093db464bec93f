mod client {
    civis::civis_api!(resources = "all", resources = "base");
}

fn main() {}
