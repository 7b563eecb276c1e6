/** Behind the `providerAssessmentHealth` placeholder query; delete both once the service has real queries. */
export class HealthService {
  status(): string {
    return 'ok';
  }
}
