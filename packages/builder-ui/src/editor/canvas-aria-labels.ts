import { useMemo } from 'react';
import type { AriaLabelConfig } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The arrow keys' directions as React Flow names them in its live message. */
const DIRECTIONS = new Set(['up', 'down', 'left', 'right']);

/**
 * React Flow's own texts for screen readers (how to select and move a node or an edge with the
 * keyboard, where a node moved to, the zoom buttons', minimap's and handles' names), said by
 * `t` in its language. React Flow knows them in English only; every key of its config is here.
 */
export function canvasAriaLabels(t: TFunction): AriaLabelConfig {
  return {
    'node.a11yDescription.default': t('canvas.nodeHelp'),
    // React Flow shows this one when the keyboard may move nodes (the key's name says otherwise).
    'node.a11yDescription.keyboardDisabled': t('canvas.nodeKeyboardHelp'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      t('canvas.nodeMoved', {
        direction: DIRECTIONS.has(direction) ? t(`canvas.direction.${direction}`) : direction,
        x,
        y,
      }),
    'edge.a11yDescription.default': t('canvas.edgeHelp'),
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
 * a new config when the language switches (React Flow then shows it), else the same one.
 */
export function useCanvasAriaLabels(): AriaLabelConfig {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => canvasAriaLabels(i18n.getFixedT(language)), [i18n, language]);
}
