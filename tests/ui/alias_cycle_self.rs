mod client {
    civis::civis_api!("../../../../tests/ui/specs/alias_cycle_self.json");
}

fn main() {}
