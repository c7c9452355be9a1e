// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Input,
  InputNumber,
  Select,
  Table,
  Tabs,
} from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { setUpI18n } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { renderInConsole } from '../testing/in-console.tsx';
import { ConsoleConfig } from './ConsoleConfig.tsx';
import { ConsoleIcon } from './ConsoleIcon.tsx';
import { SearchBox } from './SearchBox.tsx';
import { numberControls, pageArrows } from './antd-icons.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

const rows = Array.from({ length: 30 }, (_, i) => ({ key: i, name: `row ${i}` }));

/** The console's controls that draw Ant Design's own icons, in the console's set-up. */
async function showControls(language: Language) {
  await i18n.changeLanguage(language);
  return render(
    <ConsoleConfig language={language}>
      <SearchBox placeholder="q" allowClear defaultValue="x" />
      <Select options={[{ value: 'a', label: 'A' }]} allowClear defaultValue="a" />
      <DatePicker allowClear />
      <Input.Password defaultValue="secret" />
      <InputNumber controls={numberControls} defaultValue={1} />
      <Alert type="warning" showIcon title="!" />
      <Tabs items={[{ key: 'a', label: 'A', children: 'a' }]} />
      <Table
        dataSource={rows}
        columns={[{ title: 'Name', dataIndex: 'name' }]}
        pagination={{ pageSize: 5, itemRender: pageArrows }}
      />
      <Button icon={<ConsoleIcon icon={DownloadOutlined} />}>下载</Button>
    </ConsoleConfig>,
  );
}

/** Icons a screen reader reads, each by its label: those not hidden from it. */
const readIcons = (root: HTMLElement) =>
  [...root.querySelectorAll('.anticon')]
    .filter((icon) => !icon.closest('[aria-hidden="true"]'))
    .map((icon) => icon.getAttribute('aria-label'));

describe("Ant Design's icons in the console", () => {
  it.each([
    { language: 'zh', read: ['搜索', '清除', '清除', '显示密码', '警告', '更多'] },
    {
      language: 'en',
      read: ['Search', 'Clear', 'Clear', 'Show password', 'Warning', 'More'],
    },
  ] as const)(
    'should name the icons that mean something in $language and hide the others',
    async ({ language, read }) => {
      const { container } = await showControls(language);
      // The search button, the clear buttons (field, select), the password's eye, the
      // alert's kind, the tabs' more: nothing called "search", "left", "down" or "close-circle".
      expect(readIcons(container).sort()).toEqual([...read].sort());
    },
  );

  it("should leave the page arrows' names to the page items around them", async () => {
    const { container } = await showControls('zh');
    const previous = container.querySelector('.ant-pagination-prev');
    expect(previous?.getAttribute('title')).toBe('上一页');
    expect(previous?.querySelector('.anticon')?.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('should name the search button in the console language', async () => {
    await showControls('zh');
    expect(screen.getByRole('button', { name: '搜索' })).toBeTruthy();
    cleanup();
    await showControls('en');
    expect(screen.getByRole('button', { name: 'Search' })).toBeTruthy();
  });
});

describe("a number field's step buttons", () => {
  /** The step buttons' names, up then down, of every number field in `root`. */
  const stepNames = (root: HTMLElement) =>
    [...root.querySelectorAll('[role="button"][class*="input-number-action"]')].map((button) =>
      button.getAttribute('aria-label'),
    );

  it('should name them in the console language, for fields drawn later too', async () => {
    await i18n.changeLanguage('zh');
    function Later() {
      const [shown, show] = useState(false);
      return shown ? (
        <InputNumber defaultValue={2} />
      ) : (
        <Button onClick={() => show(true)}>more</Button>
      );
    }
    const { container, rerender } = render(
      <ConsoleConfig language="zh">
        <InputNumber controls={numberControls} defaultValue={1} />
        <Later />
      </ConsoleConfig>,
    );
    expect(stepNames(container)).toEqual(['增大数值', '减小数值']);
    fireEvent.click(screen.getByText('more'));
    await waitFor(() =>
      expect(stepNames(container)).toEqual(['增大数值', '减小数值', '增大数值', '减小数值']),
    );
    await i18n.changeLanguage('en');
    rerender(
      <ConsoleConfig language="en">
        <InputNumber controls={numberControls} defaultValue={1} />
        <Later />
      </ConsoleConfig>,
    );
    await waitFor(() =>
      expect(stepNames(container)).toEqual([
        'Increase value',
        'Decrease value',
        'Increase value',
        'Decrease value',
      ]),
    );
  });
});

describe("the console's dialogs", () => {
  /** A confirmation asked as the console asks (`modal.confirm` of Ant Design's App). */
  function Confirm() {
    const { modal } = AntApp.useApp();
    return <Button onClick={() => void modal.confirm({ title: '离开？' })}>ask</Button>;
  }

  it.each([
    { language: 'zh', kind: '警告' },
    { language: 'en', kind: 'Warning' },
  ] as const)("should name a confirmation's icon in $language", async ({ language, kind }) => {
    await renderInConsole(language, <Confirm />);
    fireEvent.click(screen.getByText('ask'));
    const icon = await screen.findByRole('img', { name: kind });
    expect(icon.closest('.ant-modal-confirm')).not.toBeNull();
  });
});

describe('ConsoleIcon', () => {
  it('should name an icon with its label, never its file name', () => {
    render(<ConsoleIcon icon={SearchOutlined} label="搜索" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('搜索');
  });

  it('should hide a decorative icon from screen readers', () => {
    const { container } = render(<ConsoleIcon icon={SearchOutlined} />);
    const icon = container.querySelector('.anticon');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(icon?.hasAttribute('aria-label')).toBe(false);
  });
});

describe("the console's buttons", () => {
  it('should not space out two Chinese characters (登录, not 登 录)', async () => {
    await i18n.changeLanguage('zh');
    render(
      <ConsoleConfig language="zh">
        <Button>登录</Button>
      </ConsoleConfig>,
    );
    expect(screen.getByRole('button').textContent).toBe('登录');
  });
});
