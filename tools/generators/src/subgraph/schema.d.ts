/** Options of the `subgraph` generator, as declared in schema.json. */
export interface SubgraphGeneratorSchema {
  /** kebab-case service name, e.g. `provider-assessment`. */
  name: string;
  port: number;
  /** Default `nets_<name with underscores>`. */
  database?: string;
  /** Default `nets.<name>.v1`. */
  topic?: string;
  /** PascalCase name of a first @key entity type. */
  entity?: string;
  skipCodegen?: boolean;
  skipFormat?: boolean;
}
