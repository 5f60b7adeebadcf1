/**
 * The one backpropagation routine, shared by tensors and the scalar `Value` engine: visit the graph
 * in reverse topological order (every node after all nodes that use it), calling each node's step.
 *
 * Example: for (const node of reverseTopologicalOrder(loss)) node.backwardFn?.();
 */
export interface GraphNode<T> {
  readonly parents: readonly T[];
}

/** Nodes reachable from `root`, each listed before its parents (root first). Iterative DFS. */
export function reverseTopologicalOrder<T extends GraphNode<T>>(root: T): T[] {
  const order: T[] = [];
  const visited = new Set<T>();
  const stack: { node: T; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      order.push(top.node);
      continue;
    }
    if (visited.has(top.node)) continue;
    visited.add(top.node);
    stack.push({ node: top.node, expanded: true });
    for (const parent of top.node.parents)
      if (!visited.has(parent)) stack.push({ node: parent, expanded: false });
  }
  return order.reverse();
}
