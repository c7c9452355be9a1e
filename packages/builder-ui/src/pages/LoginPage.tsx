import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';

/** User name and password; the server sets the session cookie. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/auth/login', values);
      onLoggedIn();
    } catch (failure) {
      setError(errorText(failure, languageOf(i18n.language)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login">
      <Card title={t('login.title')} style={{ width: 360 }}>
        {error && <Alert type="error" message={error} data-testid="login-error" showIcon />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input autoComplete="username" data-testid="username" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="login">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
