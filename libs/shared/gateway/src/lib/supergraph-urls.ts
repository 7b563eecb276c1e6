/** The subgraph URLs composed into a supergraph (`join__graph(name:, url:)`), by subgraph name. */
export function supergraphSdlUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g)) {
    urls[match[1]] = match[2];
  }
  return urls;
}
