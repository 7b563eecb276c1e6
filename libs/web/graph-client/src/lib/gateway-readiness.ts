/** A readiness check for a web app: the gateway behind its graph endpoint answers its health check. */
export const gatewayReadiness = (graphqlUrl: string) => async (): Promise<void> => {
  const response = await fetch(new URL('/healthz', graphqlUrl));
  if (!response.ok) throw new Error(`gateway answered ${response.status}`);
};
