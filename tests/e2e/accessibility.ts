/**
 * The page as assistive technology gets it, in Chromium: the accessibility
 * tree the browser builds (CDP `Accessibility.getFullAXTree`), shadow roots
 * (the card's closed one included) flattened into it as a screen reader
 * sees them. Firefox has no such protocol here; its tests check the DOM and
 * focus instead.
 *
 * @module
 */
import type { BrowserTab } from './harness';

/** One node of the accessibility tree, as much of it as the tests read. */
export interface AxNode {
  id: string;
  parentId: string | undefined;
  role: string;
  /** The accessible name. */
  name: string;
  /** The accessible description (`aria-describedby`). */
  description: string;
  focused: boolean;
  /** `polite` or `assertive` on a live region (and inside one). */
  live: string | undefined;
  /** The keys the node says it answers to (`aria-keyshortcuts`). */
  keyshortcuts: string | undefined;
  ignored: boolean;
}

interface RawAxValue {
  value?: unknown;
}
interface RawAxNode {
  nodeId: string;
  parentId?: string;
  ignored: boolean;
  role?: RawAxValue;
  name?: RawAxValue;
  description?: RawAxValue;
  properties?: { name: string; value: RawAxValue }[];
}

/** The whole tree of the tab's top document; `null` where the browser has no DevTools protocol (Firefox). */
export async function accessibilityTree(tab: BrowserTab): Promise<AxNode[] | null> {
  if (!tab.devtools) return null;
  const cdp = await tab.devtools();
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree', {})) as unknown as { nodes: RawAxNode[] };
  const text = (value: RawAxValue | undefined): string => (typeof value?.value === 'string' ? value.value : '');
  return nodes.map((node) => {
    const property = (name: string): unknown => node.properties?.find((p) => p.name === name)?.value.value;
    return {
      id: node.nodeId,
      parentId: node.parentId,
      role: text(node.role),
      name: text(node.name).replace(/\s+/g, ' ').trim(),
      description: text(node.description).replace(/\s+/g, ' ').trim(),
      focused: property('focused') === true,
      live: typeof property('live') === 'string' ? (property('live') as string) : undefined,
      keyshortcuts: typeof property('keyshortcuts') === 'string' ? (property('keyshortcuts') as string) : undefined,
      ignored: node.ignored,
    };
  });
}

/** The node with focus, if any: the innermost one (the document says it is focused too while something in it is). */
export function focusedNode(tree: readonly AxNode[]): AxNode | undefined {
  const focused = tree.filter((node) => node.focused && !node.ignored);
  return focused.find((node) => !focused.some((other) => other !== node && ancestry(tree, other).includes(node)));
}

/** `node` and its ancestors, nearest first. */
export function ancestry(tree: readonly AxNode[], node: AxNode): AxNode[] {
  const byId = new Map(tree.map((n) => [n.id, n]));
  const chain: AxNode[] = [];
  for (let n: AxNode | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined) chain.push(n);
  return chain;
}

/** The nodes under `root` (not itself), depth first. */
export function descendants(tree: readonly AxNode[], root: AxNode): AxNode[] {
  return tree.filter((n) => n !== root && ancestry(tree, n).includes(root));
}

/** The text a live region holds now: its static text nodes, joined. */
export function liveRegionTexts(tree: readonly AxNode[], politeness: 'polite' | 'assertive' = 'polite'): string[] {
  return tree
    .filter((n) => n.role === 'status' && n.live === politeness && !n.ignored)
    .map((region) =>
      descendants(tree, region)
        .filter((n) => n.role === 'StaticText')
        .map((n) => n.name)
        .join(' ')
        .trim(),
    );
}
