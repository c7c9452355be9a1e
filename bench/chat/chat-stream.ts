/**
 * A customer's chat stream as the benches hold it: opened with the conversation's token, each
 * message's `data` handed to `onData` as it arrives. A decoder, not a TextDecoderStream: a web
 * stream pipeline per client cost the bench's shared process several seconds of the two cores
 * while 1,000 streams opened.
 */
export async function holdStream(
  url: string,
  conversation: { id: string; token: string },
  signal: AbortSignal,
  onData: (data: string) => void,
): Promise<void> {
  const response = await fetch(
    `${url}/api/chat/conversations/${conversation.id}/stream?token=${conversation.token}`,
    { signal },
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) onData(data);
      }
    }
  })();
}
