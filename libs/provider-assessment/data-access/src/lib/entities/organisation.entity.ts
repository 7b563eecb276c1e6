import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organisation' })
@Index('organisation_ods_code_idx', ['odsCode'], { unique: true })
@Index('organisation_name_id_idx', ['name', 'id'])
export class OrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'ods_code', type: 'text' })
  odsCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity({ name: 'organisation_site' })
@Index('organisation_site_code_idx', ['code'], { unique: true })
@Index('organisation_site_organisation_idx', ['organisationId'])
export class OrganisationSiteEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;
}
