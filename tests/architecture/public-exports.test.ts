import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The server's public API (issue 22): `@xiaoer/server` exports exactly these names. Adding one
 * is a deliberate change: add it here and to docs/server-api.md. Xiaoer's own tests, benchmarks
 * and scripts reach the rest through `@xiaoer/server/internal`, which is not an API.
 */
const PUBLIC_VALUES = [
  'DeliveryError',
  'DomainError',
  'ERROR_KINDS',
  'HTTP_STATUS',
  'INSTANCE_OUTCOMES',
  'ListenError',
  'LocalizedError',
  'ORDER_EVENT_TYPES',
  'RECEIVED_OUTCOMES',
  'RECOVERY_DEFAULTS',
  'SIGNATURE_HEADERS',
  'StoreError',
  'connectStore',
  'createApp',
  'createProgram',
  'createXiaoer',
  'launchStore',
  'parseConfig',
  'probeOf',
  'runCli',
  'signBody',
  'signCustomer',
  'signedHeaders',
  'startServer',
  'systemClock',
];
const PUBLIC_TYPES = [
  'ApiErrorBody',
  'AppOptions',
  'CallOutcome',
  'Cancel',
  'ChannelConfig',
  'Clock',
  'CloudEvent',
  'Connectors',
  'CustomerSignature',
  'DomainErrorOptions',
  'ErrorKind',
  'EventMapping',
  'EventPublisher',
  'EventSource',
  'EventTypeContract',
  'HealthReport',
  'HttpOrderSystemConfig',
  'InstanceEvent',
  'InstanceOutcome',
  'InstanceRecord',
  'InstanceStatus',
  'IntentClassification',
  'IntentRecognitionConfig',
  'IntentRecognizer',
  'IntentScore',
  'LaunchStoreOptions',
  'MessageChannel',
  'OpenAiCompatibleConfig',
  'OperationMapping',
  'OrderSystemConnector',
  'OutgoingMessage',
  'PublishedEvent',
  'ReceivedEventOutcome',
  'RunningServer',
  'RunningStore',
  'SmsChannelConfig',
  'SmtpChannelConfig',
  'SourceKind',
  'StartServerOptions',
  'StoreErrorCode',
  'StoreKind',
  'StoreProbe',
  'TaobaoTmcConfig',
  'WebhookChannelConfig',
  'WebhookPreset',
  'Xiaoer',
  'XiaoerConfig',
  'XiaoerOptions',
];

const source = (path: string) =>
  readFile(new URL(`../../packages/server/src/${path}`, import.meta.url), 'utf8');

/** The names an entry file re-exports, values and types apart; `star` for `export *` lines. */
async function exportsOf(path: string) {
  const file = ts.createSourceFile(path, await source(path), ts.ScriptTarget.Latest);
  const values: string[] = [];
  const types: string[] = [];
  const other: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) {
      if (!ts.isImportDeclaration(statement)) other.push(statement.getText(file).slice(0, 60));
      continue;
    }
    if (!ts.isNamedExports(statement.exportClause)) {
      other.push(statement.getText(file));
      continue;
    }
    for (const element of statement.exportClause.elements)
      (statement.isTypeOnly || element.isTypeOnly ? types : values).push(element.name.text);
  }
  return { values: values.sort(), types: types.sort(), other };
}

describe("the server's public exports", () => {
  it('should be exactly the pinned list (a new export is a deliberate change)', async () => {
    const { values, types, other } = await exportsOf('index.ts');
    expect(other).toEqual([]); // only named re-exports: no `export *`, nothing declared here
    expect(values).toEqual([...PUBLIC_VALUES].sort());
    expect(types).toEqual([...PUBLIC_TYPES].sort());
  });

  it('should load with exactly the pinned values at run time', async () => {
    const server = await import('@xiaoer/server');
    expect(Object.keys(server).sort()).toEqual([...PUBLIC_VALUES].sort());
  });

  it('should document every public name in docs/server-api.md', async () => {
    const doc = await readFile(new URL('../../docs/server-api.md', import.meta.url), 'utf8');
    const undocumented = [...PUBLIC_VALUES, ...PUBLIC_TYPES].filter(
      (name) => !doc.includes(`\`${name}\``),
    );
    expect(undocumented).toEqual([]);
  });

  it('should not offer a public name again from the internal entry', async () => {
    const internal = await exportsOf('internal.ts');
    const again = [...internal.values, ...internal.types].filter((name) =>
      [...PUBLIC_VALUES, ...PUBLIC_TYPES].includes(name),
    );
    expect(again).toEqual([]);
  });

  it("should call in docs/server-api.md's sample only what a RunningServer has", async () => {
    const doc = await readFile(new URL('../../docs/server-api.md', import.meta.url), 'utf8');
    const sample = /```ts\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const called = [...sample.matchAll(/\bserver\.(\w+)\(/g)].map((m) => m[1]);
    const path = 'server/start-server.ts';
    const file = ts.createSourceFile(path, await source(path), ts.ScriptTarget.Latest);
    const running = file.statements.find(
      (s): s is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(s) && s.name.text === 'RunningServer',
    );
    const members = running?.members.map((m) => m.name?.getText(file)) ?? [];
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((name) => !members.includes(name))).toEqual([]);
  });
});
