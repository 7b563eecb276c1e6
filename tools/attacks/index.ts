// The independent attacker, for specs outside tools (the live attack of apps/supergraph-e2e).
export { attackFast, type FastAttackOptions, type FastAttackReport } from './fast-attacker';
export {
  placeKey,
  tableOfPlace,
  type AttackHierarchy,
  type AttackReport,
  type CellVerdict,
  type Knowledge,
  type Place,
  type Seen,
  type Table,
} from './lp-attacker';
