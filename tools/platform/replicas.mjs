// How many processes of each service `npm start` runs: REPLICAS_<SERVICE>=n (REPLICAS_RESPONSE=2,
// REPLICAS_PROVIDER_ASSESSMENT=2) or NETS_REPLICAS=response=2,analytics=2,gateway=2; 1 when unset. A service
// with several replicas keeps its usual port for a load balancer (balancer.mjs) and runs its replicas on
// port + 10 × n (response: 4113, 4123…), so at most MAX_REPLICAS each.
export const MAX_REPLICAS = 9;

const envName = (service) => `REPLICAS_${service.toUpperCase().replace(/-/g, '_')}`;

function count(value, source) {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_REPLICAS) {
    throw new Error(`${source}: a replica count is a whole number from 1 to ${MAX_REPLICAS}, not "${value}"`);
  }
  return Number(value);
}

/** Replica count per name of `names` (the services and `gateway`); throws on an unknown name or a bad count. */
export function replicaCounts(names, env = process.env) {
  const counts = Object.fromEntries(names.map((name) => [name, 1]));
  for (const entry of (env.NETS_REPLICAS ?? '').split(',').filter((part) => part.trim())) {
    const [name, value = ''] = entry.split('=').map((part) => part.trim());
    if (!(name in counts)) {
      throw new Error(`NETS_REPLICAS: unknown service "${name}" (one of ${names.join(', ')})`);
    }
    counts[name] = count(value, `NETS_REPLICAS ${name}`);
  }
  for (const name of names) {
    const value = env[envName(name)];
    if (value !== undefined && value !== '') counts[name] = count(value.trim(), envName(name));
  }
  return counts;
}

/** The ports of a service's replicas: its own port for one, port + 10 × n for several. */
export function replicaPorts(port, replicas) {
  return replicas === 1 ? [port] : Array.from({ length: replicas }, (_, index) => port + 10 * (index + 1));
}
