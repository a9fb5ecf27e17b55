// proxy-from-env ships no types; this is the one function local-oss calls (its README: the proxy URL for a URL from
// the *_PROXY and NO_PROXY environment variables, or '' for none).
declare module 'proxy-from-env' {
  export function getProxyForUrl(url: string | URL): string;
}
