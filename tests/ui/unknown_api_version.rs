mod client {
    civis::civis_api!(api_version = "2.0");
}

fn main() {}
