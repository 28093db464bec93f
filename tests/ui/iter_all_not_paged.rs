mod client {
    civis::civis_api!("../../../../tests/ui/specs/minimal.json");
}

fn main() {
    let client = client::ApiClient::builder().api_key("k").build().unwrap();
    let _ = client.users().get_me().iter_all();
}
