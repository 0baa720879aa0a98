import * as vscode from 'vscode';

/** A tree, its items read back as plain data: for tests, since no public command returns a view's contents. */
export interface TreeSnapshotNode {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly contextValue?: string;
  readonly icon?: string;
  readonly command?: vscode.Command;
  readonly children?: readonly TreeSnapshotNode[];
}

export interface ViewSnapshot {
  readonly description?: string;
  readonly message?: string;
  readonly badge?: number;
  readonly nodes: readonly TreeSnapshotNode[];
}

/** Reads a tree `depth` levels deep through its own provider, as VS Code would render it. */
export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, depth: number, element?: T): Promise<TreeSnapshotNode[]> {
  const children = (await provider.getChildren(element)) ?? [];
  return Promise.all(
    children.map(async (child): Promise<TreeSnapshotNode> => {
      const item = await provider.getTreeItem(child);
      const expandable = item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
      return {
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        ...(typeof item.description === 'string' ? { description: item.description } : {}),
        ...(tooltip !== undefined ? { tooltip } : {}),
        ...(item.contextValue !== undefined ? { contextValue: item.contextValue } : {}),
        ...(item.iconPath instanceof vscode.ThemeIcon ? { icon: item.iconPath.id } : {}),
        ...(item.command ? { command: item.command } : {}),
        ...(expandable && depth > 1 ? { children: await snapshotTree(provider, depth - 1, child) } : {}),
      };
    }),
  );
}
