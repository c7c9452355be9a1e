import { useMemo } from 'react';
import type { AriaLabelConfig } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The arrow keys' directions as React Flow names them in its live message. */
const DIRECTIONS = new Set(['up', 'down', 'left', 'right']);

/**
 * What a canvas lets one do with the journey: `edit` it (the editor, with edit rights);
 * `inspect` it, selecting a node to see its settings (the editor read-only, for a viewer); or
 * only `view` it, nothing selectable (an instance's journey, a version's differences).
 */
export type CanvasUse = 'edit' | 'inspect' | 'view';

/** How to use a node and a connection with the keyboard, on a canvas used so. */
function keyboardHelp(t: TFunction, use: CanvasUse) {
  if (use === 'edit')
    return {
      node: t('canvas.nodeHelp'),
      nodeKeyboard: t('canvas.nodeKeyboardHelp'),
      edge: t('canvas.edgeHelp'),
    };
  // Read-only: only what can be done there (no moving, deleting or connecting).
  const node = t(`canvas.readOnly.${use}.node`);
  return { node, nodeKeyboard: node, edge: t(`canvas.readOnly.${use}.edge`) };
}

/**
 * React Flow's own texts for screen readers (how to use a node or an edge with the keyboard,
 * where a node moved to, the zoom buttons', minimap's and handles' names), said by `t` in its
 * language, the keyboard help for what the canvas lets one do (`use`). React Flow knows them in
 * English only; every key of its config is here.
 */
export function canvasAriaLabels(t: TFunction, use: CanvasUse): AriaLabelConfig {
  const help = keyboardHelp(t, use);
  return {
    'node.a11yDescription.default': help.node,
    // React Flow shows this one when the keyboard may move nodes (the key's name says otherwise).
    'node.a11yDescription.keyboardDisabled': help.nodeKeyboard,
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      t('canvas.nodeMoved', {
        direction: DIRECTIONS.has(direction) ? t(`canvas.direction.${direction}`) : direction,
        x,
        y,
      }),
    'edge.a11yDescription.default': help.edge,
    'controls.ariaLabel': t('canvas.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'controls.interactive.ariaLabel': t('canvas.interactive'),
    'minimap.ariaLabel': t('canvas.miniMap'),
    'handle.ariaLabel': t('canvas.handle'),
  };
}

/**
 * The canvas's screen-reader texts in the language shown, for `<ReactFlow ariaLabelConfig>`:
 * a new config when the language (or the use) changes (React Flow then shows it), else the same.
 */
export function useCanvasAriaLabels(use: CanvasUse): AriaLabelConfig {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => canvasAriaLabels(i18n.getFixedT(language), use), [i18n, language, use]);
}
