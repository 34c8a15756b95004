// Counts React's work in the page without timing it, so a busy host cannot skew it: a stand-in for the React
// DevTools hook (React calls onCommitFiberRoot after every commit, production builds included) walks the
// committed tree and counts the components that rendered in that commit, by where they sit: the rate
// charts (data-testid="rate-charts"), the real-server board (.lane) or the rest of the page. A component
// counts when React marked it as having performed work and its props or state are not the ones counted
// last time (a subtree React skipped keeps its old marks). The walk itself costs time: use these counts,
// not the timings, from a run with this probe.
export const renderProbeScript = `(() => {
  const PERFORMED_WORK = 1;
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const counts = { commits: 0, charts: 0, board: 0, other: 0 };
  const names = {};
  window.__benchRenderNames = names;
  const seen = new WeakMap();
  window.__benchRenders = counts;
  const areaOf = (fiber, area) => {
    const node = fiber.stateNode;
    if (fiber.tag !== 5 || !node || !node.getAttribute) return area;
    if (node.getAttribute('data-testid') === 'rate-charts') return 'charts';
    if (node.classList.contains('lane')) return 'board';
    return area;
  };
  const walk = (root) => {
    const stack = [[root, 'other']];
    while (stack.length > 0) {
      const [fiber, parentArea] = stack.pop();
      const area = areaOf(fiber, parentArea);
      if (COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0) {
        const last = seen.get(fiber);
        if (!last || last[0] !== fiber.memoizedProps || last[1] !== fiber.memoizedState) {
          counts[area] += 1;
          const type = fiber.type && (fiber.type.type ?? fiber.type.render ?? fiber.type);
          const name = area + ' ' + ((type && (type.displayName || type.name)) || '?');
          names[name] = (names[name] ?? 0) + 1;
          seen.set(fiber, [fiber.memoizedProps, fiber.memoizedState]);
        }
      }
      for (let child = fiber.child; child; child = child.sibling) stack.push([child, area]);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      counts.commits += 1;
      walk(root.current);
    },
  };
})();`;
