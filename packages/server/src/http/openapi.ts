import { routesOf, type RouteEntry } from './express-routes.ts';
import type { Express } from 'express';
import { workflowSchema } from '@xiaoer/engine';
import { scenarioSchema } from '@xiaoer/engine/testing';
import { cloudEventBodySchema } from '../intake/cloud-event.ts';
import { SIGNATURE_HEADERS } from '../intake/signature.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { articleInputSchema } from '../knowledge/article.schema.ts';
import { metadataOf, type RouteMetadata } from './route-metadata.ts';

/** What the routes cannot tell about themselves: a title, a group, and special answers. */
interface OperationNotes {
  summary: string;
  tag: string;
  /** The success status when it is not 200. */
  success?: number;
  /** Other success statuses, answered with the same schema, and what they mean. */
  also?: Record<number, string>;
  /** A body the route checks itself (signed bodies are parsed after the signature). */
  body?: Record<string, unknown>;
  /** Other answers worth naming, with what they mean. */
  errors?: Record<number, string>;
  /** How the caller proves who it is when it is not a login session. */
  security?: 'signature' | 'platform' | 'chat';
  /** Media types of the success answer when not JSON (the schema is `responds()`'s). */
  media?: string[];
  /** Request headers the route reads, with whether they are required and what they say. */
  headers?: Record<string, { required: boolean; description: string }>;
  /** The answer carries customers' personal data, masked for roles that may only read. */
  personalData?: true;
}

/** What a route with `personalData` says (http/customer-data-view.ts, docs/security.md). */
export const PERSONAL_DATA_NOTE =
  "Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式";

/** A costly console request over its per-user budget (http/console-budgets.ts). */
const budgeted = {
  429: "Over the user's budget of these a minute (`http.consoleBudgets`); `Retry-After` says when / 超出每位用户每分钟的次数上限",
};
const chatToken = { 403: 'Missing or wrong conversation token / 会话凭证错误' };

const shopifyHeaders = {
  'X-Shopify-Hmac-Sha256': {
    required: true,
    description: "Base64 HMAC-SHA256 of the raw body with the source's secret / 签名",
  },
  'X-Shopify-Topic': { required: true, description: 'e.g. orders/create / 事件主题' },
  'X-Shopify-Webhook-Id': {
    required: true,
    description: 'Delivery id; a redelivery with the same id is a duplicate / 投递 id（去重）',
  },
  'X-Shopify-Shop-Domain': { required: false, description: 'The shop / 店铺域名' },
};

const wooCommerceHeaders = {
  'X-WC-Webhook-Signature': {
    required: false,
    description:
      "Base64 HMAC-SHA256 of the raw body with the source's secret; only the creation ping (webhook_id=N) is unsigned / 签名",
  },
  'X-WC-Webhook-Topic': {
    required: false,
    description: 'e.g. order.updated; absent on the ping / 事件主题',
  },
  'X-WC-Webhook-Source': { required: false, description: 'The shop URL / 店铺地址' },
};

const signed = {
  401: 'Missing or wrong signature / 签名缺失或错误',
  403: "The topic makes an event type outside the source's eventTypes (`event-type-not-allowed`), or the chat's own event; nothing stored / 主题对应的事件类型超出来源可发送的范围，未记录",
  413: 'Body too large / 请求体过大',
};

/** One entry per route, keyed by `METHOD /path`; a test fails when a route has none. */
const OPERATIONS: Record<string, OperationNotes> = {
  'GET /healthz': { summary: 'Liveness probe / 存活探针', tag: 'health' },
  'GET /readyz': {
    summary: 'Readiness probe, 503 while shutting down / 就绪探针（关闭中返回 503）',
    tag: 'health',
    errors: { 503: 'Not ready / 未就绪' },
  },
  'GET /metrics': {
    summary:
      'Prometheus metrics (text format); the metrics token or a login with read / Prometheus 指标（需指标令牌或具有读取权限的登录）',
    tag: 'health',
    media: ['text/plain'],
  },
  'GET /api/health': {
    summary: 'Server and store status / 服务与数据库状态',
    tag: 'health',
    errors: { 503: 'Store unreachable / 数据库不可达' },
  },
  'GET /api/docs': { summary: 'This OpenAPI document / 本 OpenAPI 文档', tag: 'health' },
  'GET /api/demo': {
    summary: 'Address of the demo order system / 演示订单系统地址',
    tag: 'health',
  },
  'POST /api/events': {
    summary: 'Send order-system events (CloudEvents, one or a batch) / 发送订单系统事件',
    tag: 'events',
    success: 202,
    also: { 200: 'Every event was a duplicate of one received before / 全部为重复事件' },
    body: cloudEventBodySchema,
    security: 'signature',
    headers: {
      [SIGNATURE_HEADERS.source]: {
        required: false,
        description: 'The event source, when signing / 事件来源（签名时必填）',
      },
      [SIGNATURE_HEADERS.timestamp]: {
        required: false,
        description: 'Unix seconds, within the replay window, when signing / 时间戳（签名时必填）',
      },
    },
    errors: {
      ...signed,
      403: "The chat's own events (`conversation.*`, `customer.*` naming a conversation): only the chat sends them (`chat-event-forbidden`); or a type outside the source's eventTypes (`event-type-not-allowed`, a batch refused whole); nothing stored / 聊天自身的事件，或超出来源可发送事件类型的事件，未记录",
      409: 'An event id recorded before with another type or data / 事件 ID 已用于其他事件',
      422: 'The data fits no trigger of the journeys its type starts, and nothing waits for it (`details.problems`); nothing stored / 数据不符合旅程触发器，未记录',
    },
  },
  'GET /api/events': {
    summary:
      'Received events and what became of each, newest first; sources no journey hears / 收到的事件及其结果',
    tag: 'events',
    personalData: true,
    errors: { 400: 'A bad filter / 筛选参数不合法' },
  },
  'POST /api/webhooks/shopify/{source}': {
    summary: 'Shopify webhook (X-Shopify-Hmac-Sha256) / Shopify 回调',
    tag: 'events',
    success: 202,
    also: { 200: 'A duplicate delivery, or a topic Xiaoer ignores / 重复投递或忽略的主题' },
    security: 'platform',
    headers: shopifyHeaders,
    errors: signed,
  },
  'POST /api/webhooks/woocommerce/{source}': {
    summary: 'WooCommerce webhook (X-WC-Webhook-Signature) / WooCommerce 回调',
    tag: 'events',
    success: 202,
    also: { 200: 'A duplicate delivery, or a topic Xiaoer ignores / 重复投递或忽略的主题' },
    security: 'platform',
    headers: wooCommerceHeaders,
    errors: signed,
  },
  'POST /api/webhooks/youzan/{source}': {
    summary: 'Youzan push (Event-Sign, Client-Id) / 有赞消息推送',
    tag: 'events',
    success: 200,
    security: 'platform',
    errors: signed,
  },
  'GET /api/event-types': {
    summary: 'Event types and the JSON Schema of their data / 事件类型及其数据格式',
    tag: 'events',
  },
  'POST /api/webhooks/mapped/{source}': {
    summary: "An ERP's own JSON, mapped by the source's configuration / 按配置映射的 ERP 消息",
    tag: 'events',
    success: 202,
    security: 'signature',
    errors: {
      ...signed,
      403: "The mapping made the chat's own events (`chat-event-forbidden`) or a type outside the source's eventTypes (`event-type-not-allowed`); nothing stored / 映射出聊天自身的事件或超出来源可发送范围的事件类型，未记录",
    },
  },
  'POST /api/auth/login': {
    summary: 'Log in; sets the session cookie and returns a token / 登录',
    tag: 'auth',
    errors: {
      401: 'Wrong name or password / 用户名或密码错误',
      429: '`too-many-logins`: too many attempts from this address a minute; `account-login-locked`: too many failed logins of this user name from any address (`http.loginLockout`), every login refused, the right password too, until `Retry-After` or an admin ends the lock / 尝试过多，或该账号登录失败过多已锁定',
    },
  },
  'POST /api/auth/logout': { summary: 'Log out / 退出登录', tag: 'auth' },
  'GET /api/auth/me': { summary: 'The current user / 当前用户', tag: 'auth' },
  'GET /api/users': { summary: 'List users / 用户列表', tag: 'auth' },
  'POST /api/users': {
    summary: 'Create a user / 创建用户',
    tag: 'auth',
    success: 201,
    errors: { 409: 'Name taken / 用户名已存在' },
  },
  'PATCH /api/users/{id}': { summary: 'Change role, password or status / 修改用户', tag: 'auth' },
  'POST /api/users/{id}/login-lock/end': {
    summary: "End a user's login lock early (admins) / 提前解除账号的登录锁定",
    tag: 'auth',
    errors: {
      404: 'No such user / 没有该用户',
      409: "The user's logins are not locked / 该用户的登录未被锁定",
    },
  },
  'GET /api/api-keys': { summary: 'List API keys / API 密钥列表', tag: 'auth' },
  'POST /api/api-keys': {
    summary: 'Create an intake API key (shown once) / 创建事件接入密钥',
    tag: 'auth',
    success: 201,
    errors: { 409: 'Name taken / 名称已存在' },
  },
  'DELETE /api/api-keys/{name}': { summary: 'Revoke an API key / 吊销密钥', tag: 'auth' },
  'GET /api/audit': {
    summary: 'Who did what by hand, newest first (admins) / 操作审计日志',
    tag: 'auth',
    errors: { 400: 'Bad limit / limit 不合法' },
  },
  'GET /api/templates': {
    summary:
      'Journeys to start a new one from: starters and the shipped journeys (read-only) / 旅程模板',
    tag: 'workflows',
  },
  'GET /api/templates/{id}': {
    summary: "A template's workflow document, to copy into a new draft / 模板的旅程文档",
    tag: 'workflows',
    errors: { 404: 'No such template / 没有该模板' },
  },
  'GET /api/workflows': { summary: 'List workflow drafts / 流程草稿列表', tag: 'workflows' },
  'POST /api/workflows': {
    summary: 'Create a draft (saved with its problems) / 新建草稿',
    tag: 'workflows',
    success: 201,
    errors: { 409: 'Id taken / id 已存在' },
  },
  'POST /api/workflows/import': {
    summary: 'Import a workflow file as a draft / 导入流程',
    tag: 'workflows',
    success: 201,
    errors: { 409: 'Id taken / id 已存在' },
  },
  'POST /api/workflows/validate': {
    summary: 'Validate a workflow without saving / 校验流程',
    tag: 'workflows',
  },
  'GET /api/workflows/{id}': { summary: 'Read a draft / 读取草稿', tag: 'workflows' },
  'GET /api/workflows/{id}/export': { summary: 'Export as a file / 导出', tag: 'workflows' },
  'PUT /api/workflows/{id}': {
    summary: 'Save a draft at its revision / 按修订号保存草稿',
    tag: 'workflows',
    errors: { 409: 'Saved by someone else meanwhile / 已被他人修改' },
  },
  'DELETE /api/workflows/{id}': {
    summary: 'Delete a draft (archive once published) / 删除草稿',
    tag: 'workflows',
  },
  'POST /api/workflows/{id}/publish': {
    summary: 'Publish an immutable version / 发布版本',
    tag: 'workflows',
    success: 201,
    errors: { 422: 'The draft has problems / 草稿有错误' },
  },
  'POST /api/workflows/{id}/replay': {
    summary: 'Replay recent instances through the draft / 用草稿重放近期实例',
    tag: 'workflows',
    personalData: true,
    errors: budgeted,
  },
  'GET /api/workflows/{id}/versions': {
    summary: 'Published versions / 已发布版本',
    tag: 'workflows',
  },
  'GET /api/workflows/{id}/versions/{version}': {
    summary: 'One published version / 某个版本',
    tag: 'workflows',
  },
  'GET /api/instances': {
    summary: 'List journey instances / 旅程实例列表',
    tag: 'instances',
    personalData: true,
  },
  'GET /api/instances/stream': {
    summary:
      'The instances list as server-sent events (`list`), at once and whenever it changed; the same filters / 实例列表实时推送（SSE）',
    tag: 'instances',
    personalData: true,
    media: ['text/event-stream'],
    errors: { 429: 'Too many live pages open for this user / 该用户打开的实时页面过多' },
  },
  'GET /api/instances/{id}': {
    summary: 'An instance with its timeline, effects and timers / 实例详情与时间线',
    tag: 'instances',
    personalData: true,
  },
  'GET /api/instances/{id}/stream': {
    summary:
      "An instance's detail as server-sent events (`instance`), at once and after each step / 实例详情实时推送（SSE）",
    tag: 'instances',
    personalData: true,
    media: ['text/event-stream'],
    errors: { 429: 'Too many live pages open for this user / 该用户打开的实时页面过多' },
  },
  'POST /api/chat/conversations': {
    summary: "Open a chat conversation (the customer's chat page) / 开始聊天会话",
    tag: 'chat',
    success: 201,
    errors: { 401: "The shop's customer signature is missing or wrong / 客户签名缺失或错误" },
  },
  'GET /api/chat/conversations/{id}/messages': {
    summary: 'Messages after `after` / 读取消息',
    tag: 'chat',
    security: 'chat',
    errors: chatToken,
  },
  'POST /api/chat/conversations/{id}/messages': {
    summary: 'The customer writes; the bot, a journey or an agent answers / 客户发消息',
    tag: 'chat',
    success: 201,
    security: 'chat',
    errors: { ...chatToken, 409: 'Conversation closed / 会话已结束' },
  },
  'GET /api/chat/conversations/{id}/stream': {
    summary:
      'New messages as server-sent events; resumes after Last-Event-ID / 实时消息（SSE，断线续传）',
    tag: 'chat',
    security: 'chat',
    media: ['text/event-stream'],
    errors: chatToken,
  },
  'POST /api/chat/conversations/{id}/close': {
    summary: 'The customer ends the conversation / 结束会话',
    tag: 'chat',
    security: 'chat',
    errors: { ...chatToken, 409: 'Already closed / 已结束' },
  },
  'GET /api/conversations': {
    summary: 'Recent conversations, by status / 会话列表',
    tag: 'chat',
    personalData: true,
  },
  'GET /api/conversations/{id}': {
    summary: 'A conversation with its messages / 会话详情',
    tag: 'chat',
    personalData: true,
  },
  'GET /api/conversations/stream': {
    summary:
      'New messages of several conversations on one server-sent event stream, for the desk’s unread marks / 多个会话的实时消息（SSE，客服台未读）',
    tag: 'chat',
    personalData: true,
    media: ['text/event-stream'],
    errors: {
      400: 'follow missing, malformed or over 50 conversations / follow 缺失、格式错误或超过 50 个会话',
      404: 'Unknown conversation / 会话不存在',
    },
  },
  'GET /api/conversations/{id}/stream': {
    summary:
      "A conversation's new messages as server-sent events, for the desk / 会话实时消息（SSE，客服台）",
    tag: 'chat',
    personalData: true,
    media: ['text/event-stream'],
  },
  'POST /api/conversations/{id}/messages': {
    summary: 'An agent answers in the chat / 客服回复',
    tag: 'chat',
    success: 201,
    errors: { 409: 'Conversation closed / 会话已结束' },
  },
  'POST /api/conversations/{id}/resolve': {
    summary: 'The agent is done; the bot (or the journey that handed over) goes on / 客服结束服务',
    tag: 'chat',
    errors: { 409: 'No agent has it / 不在人工手里' },
  },
  'POST /api/conversations/{id}/follow-ups': {
    summary: 'Create a follow-up task (the agent will come back) / 创建跟进任务',
    tag: 'quality',
    success: 201,
  },
  'GET /api/conversations/{id}/follow-ups': {
    summary: "A conversation's follow-up tasks / 会话的跟进任务",
    tag: 'quality',
    personalData: true,
    errors: { 403: 'Not your conversation / 不是分配给你的会话' },
  },
  'POST /api/conversations/{id}/close': {
    summary: 'Close a conversation / 结束会话',
    tag: 'chat',
    errors: { 409: 'Already closed / 已结束' },
  },
  'GET /api/workflows/{id}/scenarios': {
    summary: 'Simulation scenarios saved beside a workflow / 旅程的模拟场景',
    tag: 'workflows',
  },
  'GET /api/workflows/{id}/scenarios/{name}': {
    summary: 'One saved scenario / 单个模拟场景',
    tag: 'workflows',
  },
  'PUT /api/workflows/{id}/scenarios/{name}': {
    summary:
      'Save a scenario (the engine format `xiaoer simulate` reads; replaces one of that name) / 保存模拟场景',
    tag: 'workflows',
  },
  'DELETE /api/workflows/{id}/scenarios/{name}': {
    summary: 'Delete a saved scenario / 删除模拟场景',
    tag: 'workflows',
  },
  'GET /api/workflows/{id}/flow': {
    summary:
      'Live counts for the editor: active instances per node, steps per outcome since the minute of `since` (default 24 h, at most 31 days ago) / 实时计数',
    tag: 'instances',
    errors: { 404: 'No such journey / 没有这个旅程', ...budgeted },
  },
  'GET /api/workflows/{id}/flow/stream': {
    summary:
      'The live counts as server-sent events (`flow`), whenever they changed; the window keeps its length / 实时计数推送（SSE）',
    tag: 'instances',
    media: ['text/event-stream'],
    errors: {
      404: 'No such journey / 没有这个旅程',
      429: "Too many live pages open for this user, or over the user's budget of flow counts a minute (`http.consoleBudgets`) / 该用户打开的实时页面过多，或超出每分钟计数次数上限",
    },
  },
  'POST /api/instances/{id}/cancel': { summary: 'Cancel an instance / 取消实例', tag: 'instances' },
  'POST /api/instances/{id}/events': {
    summary: 'Send an instance an event by hand / 手动发送事件',
    tag: 'instances',
    errors: {
      403: "The role may not send this type by hand (a review, a shop fact, the customer's words, Xiaoer's own events) / 角色不能手动发送该类型的事件",
    },
  },
  'GET /api/dead-letters': {
    summary: 'Effects that gave up, newest first, `limit` at most 500 (the default) / 死信',
    tag: 'instances',
    personalData: true,
  },
  'POST /api/effects/{key}/retry': {
    summary: 'Retry a dead-lettered effect / 重试死信',
    tag: 'instances',
    success: 202,
  },
  'GET /api/skill-groups': { summary: 'Skill groups / 技能组列表', tag: 'routing' },
  'GET /api/skill-groups/{id}': { summary: 'One skill group / 单个技能组', tag: 'routing' },
  'POST /api/skill-groups': {
    summary: 'Create a skill group under a new id / 新建技能组',
    tag: 'routing',
    success: 201,
    errors: { 409: 'Id taken / id 已存在' },
  },
  'PUT /api/skill-groups/{id}': {
    summary: 'Create or replace a skill group (title, intents it serves) / 创建或替换技能组',
    tag: 'routing',
  },
  'GET /api/agents': { summary: 'Agents with skills and status / 客服列表', tag: 'routing' },
  'PUT /api/agents/{id}': {
    summary: 'Make a console user an agent or change skills and capacity / 设置客服',
    tag: 'routing',
    errors: { 400: 'Unknown skill group or invalid body / 技能组不存在或请求无效' },
  },
  'PATCH /api/agents/me': {
    summary: 'Set the name customers see for me / 设置我对客户显示的名字',
    tag: 'routing',
    errors: { 404: 'You are not an agent / 你不是客服' },
  },
  'POST /api/agents/me/status': {
    summary: 'Set my status: online, busy, away (online pulls waiting customers) / 设置我的状态',
    tag: 'routing',
    errors: { 404: 'You are not an agent / 你不是客服' },
  },
  'GET /api/agents/me/inbox': {
    summary: 'My active handoffs with their context / 我的会话收件箱',
    tag: 'routing',
    errors: { 404: 'You are not an agent / 你不是客服' },
  },
  'GET /api/agents/me/inbox/stream': {
    summary:
      'My inbox and the queues as server-sent events (`inbox`), at once and on each change / 收件箱与队列实时推送（SSE）',
    tag: 'routing',
    media: ['text/event-stream'],
    errors: { 404: 'You are not an agent / 你不是客服' },
  },
  'GET /api/conversations/{id}/customer-history': {
    summary: "The signed customer's earlier conversations and their orders / 客户的历史会话与订单",
    tag: 'routing',
    errors: { 403: 'Not your conversation / 不是分配给你的会话' },
  },
  'GET /api/connections': {
    summary: 'Configured sources and channels with their status (no secrets) / 来源与渠道状态',
    tag: 'admin',
  },
  'GET /api/sources': {
    summary:
      'Event sources, from the configuration file (read-only) and added in the console, with the last characters of their secrets / 事件来源列表',
    tag: 'admin',
  },
  'POST /api/sources': {
    summary:
      'Add a webhook sender (xiaoer or woocommerce); its secret is in this answer only / 新增事件来源（密钥只显示这一次）',
    tag: 'admin',
    errors: {
      409: "The id is taken, or is one of Xiaoer's own (chat, journeys) / 来源 id 已存在或为小二保留",
    },
  },
  'POST /api/sources/{id}/secret': {
    summary:
      "Rotate a console-added source's secret; the new one is in this answer only, the old one is still taken for graceHours (default 0: it stops at once) / 轮换来源密钥（旧密钥在 graceHours 小时内仍可用，默认立即失效）",
    tag: 'admin',
    errors: {
      404: 'No such source / 来源不存在',
      409: 'A source of the configuration file: change it there / 配置文件中的来源只能在文件中修改',
    },
  },
  'POST /api/sources/{id}/previous-secret/end': {
    summary:
      "End the grace of a console-added source's previous secret now (it leaked); the current secret is untouched, every process refuses the old one at once / 立即停用来源的旧密钥（当前密钥不变）",
    tag: 'admin',
    errors: {
      404: 'No such source / 来源不存在',
      409: 'No previous secret held, its grace already ended, or a source of the configuration file / 没有旧密钥、旧密钥已失效或来源定义在配置文件中',
    },
  },
  'PUT /api/sources/{id}/event-types': {
    summary:
      'Set the event types a console-added source may send (CloudEvent types or prefixes such as order.*; null: every type); deliveries of other types are refused with 403 event-type-not-allowed / 设置来源可发送的事件类型',
    tag: 'admin',
    errors: {
      404: 'No such source / 来源不存在',
      409: 'A source of the configuration file: change its eventTypes there / 配置文件中的来源只能在文件中修改',
    },
  },
  'GET /api/channels/deliveries': {
    summary:
      "Each channel's connector kind and delivery attempts of the last 24 h, last failure (no targets, secrets hidden) / 渠道投递状态",
    tag: 'instances',
  },
  'POST /api/channels/{channel}/test': {
    summary:
      'Send a test message through a channel; answers whether it was delivered / 渠道测试发送',
    tag: 'admin',
    errors: { 404: 'No such channel / 渠道不存在' },
  },
  'GET /api/quick-replies': {
    summary: 'Quick replies and the placeholders they may use / 快捷回复列表',
    tag: 'routing',
  },
  'POST /api/quick-replies': {
    summary: 'Create a quick reply (zh/en text, placeholders) / 新建快捷回复',
    tag: 'routing',
    success: 201,
    errors: { 400: 'Empty, or an unknown placeholder / 内容为空或占位符未知' },
  },
  'PUT /api/quick-replies/{id}': {
    summary: 'Replace a quick reply / 修改快捷回复',
    tag: 'routing',
    errors: { 404: 'No such quick reply / 快捷回复不存在' },
  },
  'DELETE /api/quick-replies/{id}': {
    summary: 'Delete a quick reply / 删除快捷回复',
    tag: 'routing',
    errors: { 404: 'No such quick reply / 快捷回复不存在' },
  },
  'GET /api/queues': {
    summary: 'Per skill group: waiting, oldest wait, online agents / 各技能组排队情况',
    tag: 'routing',
  },
  'GET /api/handoffs/{id}': {
    summary: 'A handoff and, while waiting, its queue position / 转人工会话及排队位置',
    tag: 'routing',
  },
  'POST /api/handoffs/{id}/resolve': {
    summary: 'Resolve an assigned handoff; the slot takes the next customer / 结束会话',
    tag: 'routing',
    errors: { 409: 'Not assigned / 不在处理中' },
  },
  'POST /api/handoffs/{id}/abandon': {
    summary: 'The customer left / 客户已离开',
    tag: 'routing',
    errors: { 409: 'Already ended / 已结束' },
  },
  'POST /api/handoffs/{id}/transfer': {
    summary: 'Move to another skill group; answers the new handoff / 转接到其他技能组',
    tag: 'routing',
    errors: { 409: 'Already ended / 已结束' },
  },
  'GET /api/knowledge/articles': {
    summary: 'List or search articles, 50 a page / 知识条目列表与搜索',
    tag: 'knowledge',
  },
  'POST /api/knowledge/articles': {
    summary: 'Create an article (Markdown answers, no HTML) / 新建知识条目',
    tag: 'knowledge',
    success: 201,
    errors: { 409: 'Id taken / id 已存在' },
  },
  'GET /api/knowledge/articles/{id}': {
    summary: 'Read an article / 读取知识条目',
    tag: 'knowledge',
  },
  'PUT /api/knowledge/articles/{id}': {
    summary: 'Save an article at its revision / 按修订号保存知识条目',
    tag: 'knowledge',
    errors: { 409: 'Changed by someone else meanwhile / 已被他人修改' },
  },
  'DELETE /api/knowledge/articles/{id}': {
    summary: 'Delete an article / 删除知识条目',
    tag: 'knowledge',
  },
  'POST /api/knowledge/search': {
    summary: 'Try a question: matches with scores and the answer threshold / 测试检索',
    tag: 'knowledge',
  },
  'GET /api/intents': {
    summary:
      'The intents with group, zh/en title and description, and examples / 意图列表（分组、说明、例句）',
    tag: 'knowledge',
  },
  'POST /api/intents': {
    summary:
      "Add an operator's intent: zh/en name, examples, what the chat does; the model is retrained / 新增自定义意图",
    tag: 'knowledge',
  },
  'PUT /api/intents/{id}': {
    summary: "Replace an operator's intent; the model is retrained / 修改自定义意图",
    tag: 'knowledge',
  },
  'DELETE /api/intents/{id}': {
    summary: "Delete an operator's intent; the model is retrained / 删除自定义意图",
    tag: 'knowledge',
  },
  'POST /api/intents/classify': {
    summary:
      'Try a customer message: intent, confidence, top 3 and entities / 测试一句顾客消息的意图识别',
    tag: 'knowledge',
    errors: budgeted,
  },
  'GET /api/knowledge/duplicates': {
    summary:
      'Articles that nearly duplicate each other (a question scores ≥ 0.85 against the other) / 近似重复的知识条目',
    tag: 'knowledge',
    errors: budgeted,
  },
  'GET /api/knowledge/export': {
    summary: 'Export every article as JSON or CSV / 导出知识库',
    tag: 'knowledge',
    media: ['application/json', 'text/csv'],
  },
  'POST /api/knowledge/import': {
    summary:
      'Import articles: a JSON array, or CSV with Content-Type text/csv; one bad row imports nothing / 导入知识库',
    tag: 'knowledge',
    body: { type: 'array', maxItems: 10_000, items: articleInputSchema },
    errors: {
      413: 'Body too large / 请求体过大',
      415: 'Neither JSON nor CSV (Content-Type) / 请求体既不是 JSON 也不是 CSV',
    },
  },
  'GET /api/analytics/dashboard': {
    summary:
      'Service dashboard for a period: volume heatmap, intents and spikes, rates, times, satisfaction, agents / 服务看板',
    tag: 'analytics',
    errors: { 400: 'Bad date, period or channel / 日期、范围或渠道不合法' },
  },
  'GET /api/analytics/journeys/{id}/funnel': {
    summary: "A journey's funnel: entries, drop-offs and time per node / 旅程漏斗",
    tag: 'analytics',
    errors: {
      400: 'Bad date or period / 日期或范围不合法',
      404: 'Unknown workflow / 工作流不存在',
    },
  },
  'GET /api/analytics/staffing': {
    summary: 'Agents needed per hour (Erlang C) against agents online / 排班建议',
    tag: 'analytics',
    errors: { 400: 'Bad date, group or target / 参数不合法' },
  },
  'POST /api/analytics/rollup': {
    summary: 'Roll up recorded facts now (runs every minute anyway) / 立即汇总',
    tag: 'analytics',
  },
  'GET /api/analytics/export/{table}': {
    summary:
      'CSV of a dashboard table: service.csv (key figures with p50/p90), volume.csv, intents.csv, agents.csv, funnel.csv, staffing.csv / 导出 CSV',
    tag: 'analytics',
    media: ['text/csv'],
    errors: {
      400: 'Bad parameters / 参数不合法',
      404: 'Unknown table or workflow / 表或工作流不存在',
    },
  },
  'GET /api/knowledge/unanswered': {
    summary: 'Frequent unanswered questions, grouped by similarity / 高频未解答问题',
    tag: 'knowledge',
    personalData: true,
  },
  'POST /api/knowledge/unanswered/promote': {
    summary: 'Turn a group of unanswered questions into an article / 将问题组转为知识条目',
    tag: 'knowledge',
    success: 201,
  },
  'GET /api/quality/rules': {
    summary: 'Quality rules and the ruleset version (defaults seeded on first read) / 质检规则',
    tag: 'quality',
  },
  'PUT /api/quality/rules': {
    summary:
      'Change some rules (enabled, weight, params), keyed by rule id; the next inspections use them / 修改质检规则',
    tag: 'quality',
  },
  'GET /api/quality/reports': {
    summary:
      'Quality reports, newest first; scans the collection, `limit` at most 200 (default 50) / 质检报告列表',
    tag: 'quality',
    personalData: true,
  },
  'GET /api/quality/reports/{handoffId}': {
    summary: "A resolved handoff's report: score, findings, override / 单个质检报告",
    tag: 'quality',
    personalData: true,
  },
  'PUT /api/quality/reports/{handoffId}/override': {
    summary: "An operator's score and note, kept beside the automatic score / 人工复核改分",
    tag: 'quality',
  },
  'GET /api/quality/agents': {
    summary: 'Average effective score and report count per agent / 客服质检均分',
    tag: 'quality',
  },
};

const errorRef = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(route: RouteEntry, notes: OperationNotes | undefined) {
  const facts: RouteMetadata = Object.assign({}, ...route.handlers.map(metadataOf));
  const body = facts.body ?? notes?.body;
  const pathParams = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
  const schema = facts.response;
  const content = schema
    ? {
        content: Object.fromEntries(
          (notes?.media ?? ['application/json']).map((type) => [type, { schema }]),
        ),
      }
    : {};
  const responses: Record<string, unknown> = {
    [String(notes?.success ?? 200)]: { description: 'OK / 成功', ...content },
  };
  for (const [status, description] of Object.entries(notes?.also ?? {}))
    responses[status] = { description, ...content };
  const query = Object.entries(facts.query ?? {});
  if (body || pathParams.length > 0 || query.length > 0)
    responses['400'] = errorRef(
      'Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效',
    );
  if (facts.body)
    responses['415'] = errorRef('The body is not JSON (Content-Type) / 请求体不是 JSON');
  if (facts.permission) {
    responses['401'] = errorRef('Not logged in / 未登录');
    responses['403'] = errorRef(`Needs the "${facts.permission}" permission / 权限不足`);
  }
  if (pathParams.length > 0) responses['404'] = errorRef('Unknown id / 不存在');
  for (const [status, description] of Object.entries(notes?.errors ?? {}))
    responses[status] = errorRef(description);
  const security =
    notes?.security === 'signature'
      ? [{ signature: [] }, { bearer: [] }]
      : notes?.security === 'platform'
        ? []
        : notes?.security === 'chat'
          ? [{ chatToken: [] }]
          : facts.permission
            ? [{ bearer: [] }, { session: [] }]
            : [];
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: notes?.summary ?? route.path,
    ...(notes?.personalData
      ? { description: PERSONAL_DATA_NOTE, 'x-personal-data': 'masked-without-operate-or-handle' }
      : {}),
    tags: [notes?.tag ?? 'other'],
    ...(facts.permission ? { 'x-permission': facts.permission } : {}),
    // The audit log's action id a success writes (`audits`), e.g. `apiKey.create`.
    ...(facts.audit ? { 'x-audit-action': facts.audit } : {}),
    security,
    parameters: [
      ...pathParams.map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...Object.entries(notes?.headers ?? {}).map(([name, header]) => ({
        name,
        in: 'header',
        required: header.required,
        description: header.description,
        schema: { type: 'string' },
      })),
      ...query.map(([name, parameter]) => ({
        name,
        in: 'query',
        required: parameter.required ?? false,
        description: `${parameter.allowed.en} / ${parameter.allowed.zh}`,
        schema: parameter.schema,
      })),
    ],
    ...(body
      ? {
          requestBody: {
            required: !facts.bodyOptional,
            content: { 'application/json': { schema: body } },
          },
        }
      : {}),
    responses,
  };
}

/** Routes without an entry in the operation notes (a test keeps this empty). */
export function undocumentedRoutes(app: Express): string[] {
  return routesOf(app)
    .map((route) => `${route.method} ${route.path}`)
    .filter((key) => !OPERATIONS[key]);
}

/**
 * The OpenAPI 3.1 document of `app`, generated from its routes: paths, methods and path
 * parameters from Express, request bodies from the very schemas `validateBody` checks with,
 * success answers from the schemas `responds()` declares, permissions from `allow`. Served at `/api/docs`.
 */
export function openApiDocument(app: Express, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routesOf(app)) {
    const entry = (paths[route.path] ??= {});
    entry[route.method.toLowerCase()] = operation(
      route,
      OPERATIONS[`${route.method} ${route.path}`],
    );
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Xiaoer API / 店小二 API',
      version,
      description:
        'Durable e-commerce customer-service journeys. Every error has the body in `Error`. ' +
        '自动化电商客服旅程；所有错误使用 `Error` 结构。',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: {
                  type: 'object',
                  required: ['zh', 'en'],
                  properties: { zh: { type: 'string' }, en: { type: 'string' } },
                },
                detail: { type: 'string' },
                details: {
                  type: 'object',
                  properties: {
                    // A refused query parameter (`invalid-query`).
                    parameter: { type: 'string' },
                    problems: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          pointer: { type: 'string' },
                          // A body's problems: `message` in English, `text` in zh and en; a
                          // workflow's problems give `message` in zh and en.
                          message: {
                            anyOf: [
                              { type: 'string' },
                              {
                                type: 'object',
                                properties: { zh: { type: 'string' }, en: { type: 'string' } },
                              },
                            ],
                          },
                          // The reason in zh and en.
                          text: {
                            type: 'object',
                            properties: { zh: { type: 'string' }, en: { type: 'string' } },
                          },
                          // A knowledge import: the article (1 for the first) and, for a CSV,
                          // the line of the file its row starts on (the header is line 1).
                          row: { type: 'integer' },
                          line: { type: 'integer' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        Workflow: workflowSchema,
        Scenario: scenarioSchema,
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Session token or API key' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        chatToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Chat-Token',
          description:
            'The token returned when the conversation was opened (`?token=` on the event stream).',
        },
        signature: {
          type: 'apiKey',
          in: 'header',
          name: SIGNATURE_HEADERS.signature,
          description: `HMAC-SHA256 of "timestamp.body" with the source's secret, hex; also send ${SIGNATURE_HEADERS.source} and ${SIGNATURE_HEADERS.timestamp}.`,
        },
      },
    },
  };
}
