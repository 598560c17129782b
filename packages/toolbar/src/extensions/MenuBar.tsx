import { useLayoutEffect, useState } from 'preact/hooks';
import type { MenuBarStore, MenuBarView } from './menu-bar.ts';
import type { ExtensionStrings } from './strings.ts';

/**
 * The extensions' views in the toolbar's application menu bar (system.updateViewInApplicationMenuBar):
 * each its icon and label in its colours, the short label when space is scarce, the tooltip and who
 * put it there on hover.
 */
export function MenuBar(props: { menuBar: MenuBarStore; strings: ExtensionStrings }) {
  const { menuBar, strings } = props;
  const [views, setViews] = useState<readonly MenuBarView[]>(menuBar.list);
  useLayoutEffect(() => menuBar.subscribe(setViews), [menuBar]);
  if (views.length === 0) return null;
  return (
    <ul class="extension-menu-bar" aria-label={strings.menuBar}>
      {views.map((view) => (
        <li
          key={`${view.frameId}:${view.name}`}
          class="extension-menu-bar-view"
          data-menu-bar-view={view.name}
          title={[view.tooltip, strings.from.replace('{source}', view.source)].filter(Boolean).join(' · ')}
          style={{ background: view.backgroundColor, color: view.labelColor }}
        >
          {view.iconUrl !== undefined && <img src={view.iconUrl} alt="" referrerpolicy="no-referrer" width={16} height={16} />}
          <span class="extension-menu-bar-label">{view.label}</span>
          {view.shortLabel !== undefined && (
            <span class="extension-menu-bar-short" aria-hidden="true">
              {view.shortLabel}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
