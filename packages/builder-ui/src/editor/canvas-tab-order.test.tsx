// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { nodesBeforeEdges } from './canvas-tab-order.ts';

afterEach(cleanup);

/** A canvas as React Flow draws it: the connections first in the page, then the nodes. */
function drawCanvas() {
  const { container } = render(
    <div onKeyDown={nodesBeforeEdges}>
      <svg>
        {['a-b', 'b-c'].map((id) => (
          <g key={id} className="react-flow__edge" data-id={id} tabIndex={-1} />
        ))}
      </svg>
      {['a', 'b', 'c'].map((id) => (
        <div key={id} className="react-flow__node" data-id={id} tabIndex={0} />
      ))}
    </div>,
  );
  const byId = (id: string) => container.querySelector<HTMLElement>(`[data-id="${id}"]`)!;
  const press = (id: string, shiftKey = false) => {
    byId(id).focus();
    const notPrevented = fireEvent.keyDown(byId(id), { key: 'Tab', shiftKey });
    return { focused: document.activeElement?.getAttribute('data-id'), notPrevented };
  };
  return { press };
}

describe('the Tab key on a canvas', () => {
  it('should go from the last node to the first connection', () => {
    expect(drawCanvas().press('c')).toEqual({ focused: 'a-b', notPrevented: false });
  });

  it('should leave the nodes before the last to the browser (the next node)', () => {
    expect(drawCanvas().press('a')).toEqual({ focused: 'a', notPrevented: true });
  });

  it('should go from one connection to the next', () => {
    expect(drawCanvas().press('a-b')).toEqual({ focused: 'b-c', notPrevented: false });
  });

  it("should hand the last connection's Tab to the browser from the last node", () => {
    expect(drawCanvas().press('b-c')).toEqual({ focused: 'c', notPrevented: true });
  });

  it('should go back with Shift+Tab: a connection to the one before, the first to the last node', () => {
    const canvas = drawCanvas();
    expect(canvas.press('b-c', true)).toEqual({ focused: 'a-b', notPrevented: false });
    expect(canvas.press('a-b', true)).toEqual({ focused: 'c', notPrevented: false });
  });
});
