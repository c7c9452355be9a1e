/**
 * The chat's text box: Enter sends, Shift+Enter starts a new line, and an Enter that picks a
 * word in an input method (pinyin) only picks the word. The box grows with its text, up to a
 * few lines.
 */
export function composer(input: HTMLTextAreaElement, send: () => void): { fit: () => void } {
  const fit = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
  };
  input.addEventListener('keydown', (event) => {
    // 229: the key an input method is still composing with (Safari reports no isComposing).
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    send();
  });
  input.addEventListener('input', fit);
  return { fit };
}
