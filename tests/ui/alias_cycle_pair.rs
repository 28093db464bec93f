mod client {
    civis::civis_api!("../../../../tests/ui/specs/alias_cycle_pair.json");
}

fn main() {}
