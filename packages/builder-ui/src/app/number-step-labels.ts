/** What a number field's step buttons are called, in the console's language. */
export interface NumberStepLabels {
  up: string;
  down: string;
}

const STEPS = '.ant-input-number-action-up, .ant-input-number-action-down';

/**
 * Names the step buttons of Ant Design's number fields under `root` with `labels`, now and as
 * fields appear: rc-input-number calls them "Increase Value" and "Decrease Value" in English
 * whatever the locale, and neither the field nor a `ConfigProvider` lets them be named. React
 * never writes the attribute again (its value does not change), so each button is named once.
 * Returns a function that stops watching.
 */
export function labelNumberSteps(root: Element, labels: NumberStepLabels): () => void {
  const name = (button: Element) => {
    const label = button.matches('.ant-input-number-action-up') ? labels.up : labels.down;
    if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
  };
  const nameWithin = (node: Node) => {
    if (!(node instanceof Element)) return;
    if (node.matches(STEPS)) name(node);
    else node.querySelectorAll(STEPS).forEach(name);
  };
  nameWithin(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(nameWithin);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
