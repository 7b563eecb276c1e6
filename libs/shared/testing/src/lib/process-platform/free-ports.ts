import net from 'node:net';

/** Where `npm start` runs the platform (and its metrics): a private platform must not take them while it does. */
const NPM_START_PORTS = new Set([
  4000, 4101, 4102, 4103, 4104, 4105, 4200, 4300, 4400, 9000, 9101, 9102, 9103, 9104, 9105,
]);

/** Loopback ports the OS reports free, all held open at once so none is handed out twice, then released. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const server = await new Promise<net.Server>((resolve, reject) => {
        const candidate = net.createServer();
        candidate.once('error', reject);
        candidate.listen(0, '127.0.0.1', () => resolve(candidate));
      });
      servers.push(server);
      const port = (server.address() as net.AddressInfo).port;
      if (!NPM_START_PORTS.has(port)) ports.push(port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
