import { createRedactor, type Redactor } from '@nets/response/domain';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';

/**
 * One redactor per registry snapshot. Building it compiles every organisation and site name, so it is rebuilt
 * only when the registry copy changes: the organisation consumer marks it stale, and `refresh` (run on the
 * schedule) catches changes another replica of this service consumed.
 */
export class RedactorCache {
  private redactor: Redactor | undefined;
  private building: Promise<Redactor> | undefined;
  private generation = 0;
  private builtGeneration = -1;
  private registryVersion = '';

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replicas: ReplicaRepository,
  ) {}

  markStale(): void {
    this.generation += 1;
  }

  async current(): Promise<Redactor> {
    if (this.redactor && this.builtGeneration === this.generation) return this.redactor;
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Rebuilds when the registry copy changed since the last build. */
  async refresh(): Promise<void> {
    const version = await this.version();
    if (version !== this.registryVersion) this.markStale();
  }

  private async build(): Promise<Redactor> {
    const generation = this.generation;
    const version = await this.version();
    const names = await this.replicas.registryNames(this.unitOfWork.reads);
    this.redactor = createRedactor(names);
    this.registryVersion = version;
    this.builtGeneration = generation;
    return this.redactor;
  }

  private version(): Promise<string> {
    return this.replicas.registryVersion(this.unitOfWork.reads);
  }
}
