/** Behind the `concernsHealth` placeholder query; delete both once the service has real queries. */
export class HealthService {
  status(): string {
    return 'ok';
  }
}
