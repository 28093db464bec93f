mod client {
    civis::civis_api!(42);
}

fn main() {}
