mod client {
    civis::civis_api!("../../../../tests/ui/specs/minimal.json", resources = "everything");
}

fn main() {}
