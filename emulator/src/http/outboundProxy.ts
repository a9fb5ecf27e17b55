// The requests the emulator itself sends out — an async fetch's GET of its URL (api/asyncFetch.ts) and an upload
// callback's POST (api/callbackSend.ts) — go through the proxy the emulator's environment names: HTTP_PROXY /
// HTTPS_PROXY / ALL_PROXY, minus NO_PROXY, as curl reads them (proxy-from-env decides, http(s)-proxy-agent send).
// Real OSS reaches the public internet itself; an emulator on a machine that reaches it only through a proxy, or
// whose `*.aliyuncs.com` URLs name the emulator (docs/sdk-suites.md: oss2's async fetch tests), needs this [I].
// Loopback targets are never proxied, as Go's net/http does (httpproxy: localhost and loopback addresses), so a proxy
// set for the machine cannot divert a callback server or source on this host [I].
import type { Agent } from 'node:http';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

const agents = new Map<string, Agent>();

/** The agent that sends a request for `url` through its proxy; undefined when the environment names none for it. */
export function proxyAgentFor(url: URL): Agent | undefined {
  if (isLoopback(url.hostname)) return undefined;
  const proxy = getProxyForUrl(url.href);
  if (proxy === '') return undefined;
  const https = url.protocol === 'https:';
  const key = `${https ? 'https' : 'http'} ${proxy}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    // HTTPS through the proxy is a CONNECT tunnel (the TLS is end to end); plain HTTP is an absolute-form request.
    agent = https ? new HttpsProxyAgent(proxy) : new HttpProxyAgent(proxy);
    agents.set(key, agent);
  }
  return agent;
}

function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1';
}
