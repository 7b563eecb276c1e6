import {
  BREAK,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationLimits {
  /** Fields one selection set may hold once its fragments are expanded in place. */
  maxSelections: number;
  /** Times one response name may occur in one (expanded, merged) selection set. */
  maxFieldRepeats: number;
  /** Pairs of same-named fields the merge check may compare, over the whole document. */
  maxFieldPairs: number;
  /** Fields of the whole document with every fragment spread expanded. */
  maxExpandedFields: number;
  /** Arguments of one field or directive. */
  maxArguments: number;
  /** Variables one operation may declare. */
  maxVariables: number;
  /** Fragment definitions and operations in one document. */
  maxDefinitions: number;
  /** Fields nested in one definition (the depth limit proper, through fragments, is graphql-armor's). */
  maxDepth: number;
  /** Directives in the whole document. */
  maxDirectives: number;
  /** Fields of one input object value, and nesting of list and object values. */
  maxObjectFields: number;
  maxValueDepth: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxSelections: 150,
  maxFieldRepeats: 12,
  maxFieldPairs: 2000,
  maxExpandedFields: 2000,
  maxArguments: 25,
  maxVariables: 100,
  maxDefinitions: 100,
  maxDepth: 12,
  maxDirectives: 50,
  maxObjectFields: 100,
  maxValueDepth: 16,
};

/**
 * Why a parsed document is refused before validation, or undefined when it is within bounds.
 *
 * graphql-js's OverlappingFieldsCanBeMerged compares every pair of same-named fields that merge into one
 * response (fragments included, recursively into their sub-selections), and graphql-armor's rules walk
 * fragments without memory: both run inside validation, before the cost limit can refuse anything. These
 * bounds keep validating any document the body and token limits allow to a few milliseconds. The measure is
 * itself linear: fragment sizes are remembered, and the merged walk only runs once the expanded size is known
 * to be small.
 */
export function operationShapeProblem(
  document: DocumentNode,
  limits: OperationLimits = DEFAULT_OPERATION_LIMITS,
): string | undefined {
  if (document.definitions.length > limits.maxDefinitions) {
    return `The document has more than ${limits.maxDefinitions} operations and fragments.`;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      (definition.variableDefinitions?.length ?? 0) > limits.maxVariables
    ) {
      return `An operation declares more than ${limits.maxVariables} variables.`;
    }
  }
  const textual = textualProblem(document, limits);
  if (textual) return textual;
  const roots = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION
      ? [definition.selectionSet]
      : [],
  );
  const counter = new ExpansionCounter(fragments, limits.maxExpandedFields);
  let total = 0;
  for (const root of roots) {
    total += counter.count(root);
    if (total > limits.maxExpandedFields) {
      return `The document selects more than ${limits.maxExpandedFields} fields once its fragments are expanded.`;
    }
  }
  const merge = new MergeWalk(fragments, limits);
  for (const root of roots) {
    const problem = merge.check([root]);
    if (problem) return problem;
  }
  return undefined;
}

/** One pass over the text as written: nesting of fields and values, directives, object sizes. */
function textualProblem(document: DocumentNode, limits: OperationLimits): string | undefined {
  let directives = 0;
  let problem: string | undefined;
  let fieldDepth = 0;
  let valueDepth = 0;
  const enterValue = () => {
    valueDepth += 1;
    if (valueDepth > limits.maxValueDepth)
      problem ??= `A value is nested more than ${limits.maxValueDepth} deep.`;
  };
  const leaveValue = () => {
    valueDepth -= 1;
  };
  visit(document, {
    enter() {
      return problem ? BREAK : undefined;
    },
    Field: {
      enter() {
        fieldDepth += 1;
        if (fieldDepth > limits.maxDepth)
          problem ??= `The operation exceeds the depth limit: fields nested more than ${limits.maxDepth} deep.`;
      },
      leave() {
        fieldDepth -= 1;
      },
    },
    Directive() {
      directives += 1;
      if (directives > limits.maxDirectives)
        problem ??= `The document has more than ${limits.maxDirectives} directives.`;
    },
    ListValue: { enter: enterValue, leave: leaveValue },
    ObjectValue: {
      enter(node) {
        enterValue();
        if (node.fields.length > limits.maxObjectFields) {
          problem ??= `An input object value has more than ${limits.maxObjectFields} fields.`;
        }
      },
      leave: leaveValue,
    },
  });
  return problem;
}

/** Fields under a selection set with fragment spreads expanded, remembered per fragment, saturating at the cap. */
class ExpansionCounter {
  private readonly sizes = new Map<string, number>();

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly cap: number,
  ) {}

  count(selectionSet: SelectionSetNode | undefined): number {
    let size = 0;
    for (const selection of selectionSet?.selections ?? []) {
      size += this.countSelection(selection);
      if (size > this.cap) return this.cap + 1;
    }
    return size;
  }

  private countSelection(selection: SelectionNode): number {
    switch (selection.kind) {
      case Kind.FIELD:
        return 1 + this.count(selection.selectionSet);
      case Kind.INLINE_FRAGMENT:
        return this.count(selection.selectionSet);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const known = this.sizes.get(name);
        if (known !== undefined) return known;
        // A cycle (refused later by validation) counts as nothing here rather than looping.
        this.sizes.set(name, 0);
        const size = this.count(this.fragments.get(name)?.selectionSet);
        this.sizes.set(name, size);
        return size;
      }
    }
  }
}

/**
 * Walks the response as it will be merged: the fields of same-named fields' sub-selections meet in one set.
 * Same-named fields at one merged level are what the overlap rule compares pairwise.
 */
class MergeWalk {
  private pairs = 0;

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly limits: OperationLimits,
  ) {}

  check(sets: readonly SelectionSetNode[]): string | undefined {
    const { limits } = this;
    const groups = new Map<string, FieldNode[]>();
    const level: SelectionNode[] = sets.flatMap((set) => set.selections);
    // Fragments in progress on this level: a cycle (refused by validation) is not followed here.
    const open = new Set<string>();
    let fields = 0;
    for (let selection = level.pop(); selection; selection = level.pop()) {
      for (const directive of selection.directives ?? []) {
        if ((directive.arguments?.length ?? 0) > limits.maxArguments) {
          return `A directive has more than ${limits.maxArguments} arguments.`;
        }
      }
      if (selection.kind === Kind.FIELD) {
        fields += 1;
        if (fields > limits.maxSelections) {
          return `A selection set selects more than ${limits.maxSelections} fields.`;
        }
        if ((selection.arguments?.length ?? 0) > limits.maxArguments) {
          return `A field has more than ${limits.maxArguments} arguments.`;
        }
        const responseName = selection.alias?.value ?? selection.name.value;
        const group = groups.get(responseName) ?? [];
        group.push(selection);
        groups.set(responseName, group);
        if (group.length > limits.maxFieldRepeats) {
          return `A selection set selects "${responseName}" more than ${limits.maxFieldRepeats} times.`;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        level.push(...selection.selectionSet.selections);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || open.has(name)) continue;
        open.add(name);
        level.push(...fragment.selectionSet.selections);
      }
    }
    for (const group of groups.values()) {
      this.pairs += (group.length * (group.length - 1)) / 2;
      if (this.pairs > limits.maxFieldPairs) {
        return `The operation repeats the same fields too often (more than ${limits.maxFieldPairs} pairs to merge).`;
      }
      const children = group.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
      if (children.length === 0) continue;
      const problem = this.check(children);
      if (problem) return problem;
    }
    return undefined;
  }
}
