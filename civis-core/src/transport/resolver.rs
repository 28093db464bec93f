//! Host name resolution for the client's ureq agent, without a lookup thread per request.
//!
//! ureq resolves the URL's host before every request, also when a pooled keep-alive connection
//! is then reused, and when any timeout is configured (this client always sets them) its
//! default resolver does so on a new thread so the lookup can be abandoned. That thread and
//! lookup cost more than the rest of a call to a nearby server (profiled in BENCHMARKS.md).
//! This resolver gives the same answers without that cost:
//!
//! - an IP address in the URL is returned as it is (the default resolver parses it too, on a
//!   thread);
//! - a host name is resolved by ureq's default resolver, with the same timeout, and its
//!   addresses are reused for the pool's idle age (`max_idle_age`, 15 s): no longer than a
//!   pooled connection to them may be reused anyway. Failures are not remembered.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use ureq::config::{Config, IpFamily};
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// See the module documentation.
#[derive(Debug, Default)]
pub(crate) struct CachingResolver {
    default: DefaultResolver,
    /// Per `host:port` and IP family: the addresses and when they were resolved.
    cache: Mutex<HashMap<(String, u8), (Instant, ResolvedSocketAddrs)>>,
}

fn family_key(family: IpFamily) -> u8 {
    match family {
        IpFamily::Any => 0,
        IpFamily::Ipv4Only => 4,
        IpFamily::Ipv6Only => 6,
    }
}

/// The host and port of an `http`/`https` URL, the port defaulted by scheme.
fn host_and_port(uri: &Uri) -> Option<(&str, u16)> {
    let default_port = match uri.scheme_str()? {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = uri.authority()?;
    Some((
        authority.host(),
        authority.port_u16().unwrap_or(default_port),
    ))
}

impl Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let Some((host, port)) = host_and_port(uri) else {
            return self.default.resolve(uri, config, timeout);
        };
        // An IPv6 address is written in brackets in a URL.
        let literal = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = literal.parse::<IpAddr>() {
            let mut result = self.empty();
            for addr in config
                .ip_family()
                .keep_wanted(std::iter::once(SocketAddr::new(ip, port)))
            {
                result.push(addr);
            }
            return if result.is_empty() {
                Err(ureq::Error::HostNotFound)
            } else {
                Ok(result)
            };
        }
        let key = (format!("{host}:{port}"), family_key(config.ip_family()));
        let max_age = config.max_idle_age();
        if let Some((at, addrs)) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            if at.elapsed() < max_age {
                return Ok(addrs);
            }
        }
        let addrs = self.default.resolve(uri, config, timeout)?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, (Instant::now(), addrs.clone()));
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ureq::unversioned::transport::time::Duration;
    use ureq::Timeout;

    fn resolve(url: &str, config: &Config) -> Result<Vec<SocketAddr>, ureq::Error> {
        let timeout = NextTimeout {
            after: Duration::from_secs(5),
            reason: Timeout::Resolve,
            per_read: None,
            per_write: None,
        };
        let uri: Uri = url.parse().unwrap();
        CachingResolver::default()
            .resolve(&uri, config, timeout)
            .map(|addrs| addrs.iter().copied().collect())
    }

    #[test]
    fn ip_addresses_resolve_to_themselves_as_the_default_resolver_has_them() {
        let config = Config::default();
        assert_eq!(
            resolve("http://127.0.0.1:8080/users/me", &config).unwrap(),
            vec!["127.0.0.1:8080".parse().unwrap()]
        );
        assert_eq!(
            resolve("https://[::1]/x", &config).unwrap(),
            vec!["[::1]:443".parse().unwrap()]
        );
        assert_eq!(
            resolve("http://10.0.0.1/", &config).unwrap(),
            vec!["10.0.0.1:80".parse().unwrap()]
        );
        let v4_only = Config::builder().ip_family(IpFamily::Ipv4Only).build();
        assert!(matches!(
            resolve("http://[::1]:80/", &v4_only),
            Err(ureq::Error::HostNotFound)
        ));
    }

    #[test]
    fn host_names_are_resolved_once_per_idle_age() {
        let resolver = CachingResolver::default();
        let config = Config::default();
        let uri: Uri = "http://localhost:9/".parse().unwrap();
        let timeout = || NextTimeout {
            after: Duration::from_secs(5),
            reason: Timeout::Resolve,
            per_read: None,
            per_write: None,
        };
        let first = resolver.resolve(&uri, &config, timeout()).unwrap();
        assert!(first.iter().all(|a| a.port() == 9 && a.ip().is_loopback()));
        assert_eq!(resolver.cache.lock().unwrap().len(), 1);
        let second = resolver.resolve(&uri, &config, timeout()).unwrap();
        assert_eq!(first, second);
    }
}
