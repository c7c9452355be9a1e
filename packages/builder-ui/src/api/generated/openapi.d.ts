/**
 * The Xiaoer API's types, generated from its OpenAPI document by `npm run gen:api`
 * (scripts/gen-api-types.ts with openapi-typescript). Do not edit: change the route's
 * `responds()` schema and regenerate.
 */
export interface paths {
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Received events and what became of each, newest first; sources no journey hears / 收到的事件及其结果
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiEvents'];
    put?: never;
    /** Send order-system events (CloudEvents, one or a batch) / 发送订单系统事件 */
    post: operations['postApiEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/shopify/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Shopify webhook (X-Shopify-Hmac-Sha256) / Shopify 回调 */
    post: operations['postApiWebhooksShopifySource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/woocommerce/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** WooCommerce webhook (X-WC-Webhook-Signature) / WooCommerce 回调 */
    post: operations['postApiWebhooksWoocommerceSource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/youzan/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Youzan push (Event-Sign, Client-Id) / 有赞消息推送 */
    post: operations['postApiWebhooksYouzanSource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/mapped/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An ERP's own JSON, mapped by the source's configuration / 按配置映射的 ERP 消息 */
    post: operations['postApiWebhooksMappedSource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server and store status / 服务与数据库状态 */
    get: operations['getApiHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness probe / 存活探针 */
    get: operations['getHealthz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness probe, 503 while shutting down / 就绪探针（关闭中返回 503） */
    get: operations['getReadyz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics (text format); the metrics token or a login with read / Prometheus 指标（需指标令牌或具有读取权限的登录） */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a chat conversation (the customer's chat page) / 开始聊天会话 */
    post: operations['postApiChatConversations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages after `after` / 读取消息 */
    get: operations['getApiChatConversationsIdMessages'];
    put?: never;
    /** The customer writes; the bot, a journey or an agent answers / 客户发消息 */
    post: operations['postApiChatConversationsIdMessages'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/conversations/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The customer ends the conversation / 结束会话 */
    post: operations['postApiChatConversationsIdClose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/conversations/{id}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** New messages as server-sent events; resumes after Last-Event-ID / 实时消息（SSE，断线续传） */
    get: operations['getApiChatConversationsIdStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in; sets the session cookie and returns a token / 登录 */
    post: operations['postApiAuthLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out / 退出登录 */
    post: operations['postApiAuthLogout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current user / 当前用户 */
    get: operations['getApiAuthMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users / 用户列表 */
    get: operations['getApiUsers'];
    put?: never;
    /** Create a user / 创建用户 */
    post: operations['postApiUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/login-lock/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a user's login lock early (admins) / 提前解除账号的登录锁定 */
    post: operations['postApiUsersIdLoginLockEnd'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change role, password or status / 修改用户 */
    patch: operations['patchApiUsersId'];
    trace?: never;
  };
  '/api/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys / API 密钥列表 */
    get: operations['getApiApiKeys'];
    put?: never;
    /** Create an intake API key (shown once) / 创建事件接入密钥 */
    post: operations['postApiApiKeys'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/api-keys/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key / 吊销密钥 */
    delete: operations['deleteApiApiKeysName'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List workflow drafts / 流程草稿列表 */
    get: operations['getApiWorkflows'];
    put?: never;
    /** Create a draft (saved with its problems) / 新建草稿 */
    post: operations['postApiWorkflows'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import a workflow file as a draft / 导入流程 */
    post: operations['postApiWorkflowsImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate a workflow without saving / 校验流程 */
    post: operations['postApiWorkflowsValidate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a draft / 读取草稿 */
    get: operations['getApiWorkflowsId'];
    /** Save a draft at its revision / 按修订号保存草稿 */
    put: operations['putApiWorkflowsId'];
    post?: never;
    /** Delete a draft (archive once published) / 删除草稿 */
    delete: operations['deleteApiWorkflowsId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export as a file / 导出 */
    get: operations['getApiWorkflowsIdExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish an immutable version / 发布版本 */
    post: operations['postApiWorkflowsIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay recent instances through the draft / 用草稿重放近期实例
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    post: operations['postApiWorkflowsIdReplay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published versions / 已发布版本 */
    get: operations['getApiWorkflowsIdVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One published version / 某个版本 */
    get: operations['getApiWorkflowsIdVersionsVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/scenarios': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Simulation scenarios saved beside a workflow / 旅程的模拟场景 */
    get: operations['getApiWorkflowsIdScenarios'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/scenarios/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One saved scenario / 单个模拟场景 */
    get: operations['getApiWorkflowsIdScenariosName'];
    /** Save a scenario (the engine format `xiaoer simulate` reads; replaces one of that name) / 保存模拟场景 */
    put: operations['putApiWorkflowsIdScenariosName'];
    post?: never;
    /** Delete a saved scenario / 删除模拟场景 */
    delete: operations['deleteApiWorkflowsIdScenariosName'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Journeys to start a new one from: starters and the shipped journeys (read-only) / 旅程模板 */
    get: operations['getApiTemplates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A template's workflow document, to copy into a new draft / 模板的旅程文档 */
    get: operations['getApiTemplatesId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who did what by hand, newest first (admins) / 操作审计日志 */
    get: operations['getApiAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Event sources, from the configuration file (read-only) and added in the console, with the last characters of their secrets / 事件来源列表 */
    get: operations['getApiSources'];
    put?: never;
    /** Add a webhook sender (xiaoer or woocommerce); its secret is in this answer only / 新增事件来源（密钥只显示这一次） */
    post: operations['postApiSources'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sources/{id}/secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a console-added source's secret; the new one is in this answer only, the old one is still taken for graceHours (default 0: it stops at once) / 轮换来源密钥（旧密钥在 graceHours 小时内仍可用，默认立即失效） */
    post: operations['postApiSourcesIdSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sources/{id}/previous-secret/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the grace of a console-added source's previous secret now (it leaked); the current secret is untouched, every process refuses the old one at once / 立即停用来源的旧密钥（当前密钥不变） */
    post: operations['postApiSourcesIdPreviousSecretEnd'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sources/{id}/event-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the event types a console-added source may send (CloudEvent types or prefixes such as order.*; null: every type); deliveries of other types are refused with 403 event-type-not-allowed / 设置来源可发送的事件类型 */
    put: operations['putApiSourcesIdEventTypes'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recent conversations, by status / 会话列表
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiConversations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * New messages of several conversations on one server-sent event stream, for the desk’s unread marks / 多个会话的实时消息（SSE，客服台未读）
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiConversationsStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A conversation with its messages / 会话详情
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiConversationsId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A conversation's new messages as server-sent events, for the desk / 会话实时消息（SSE，客服台）
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiConversationsIdStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An agent answers in the chat / 客服回复 */
    post: operations['postApiConversationsIdMessages'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The agent is done; the bot (or the journey that handed over) goes on / 客服结束服务 */
    post: operations['postApiConversationsIdResolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a conversation / 结束会话 */
    post: operations['postApiConversationsIdClose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List journey instances / 旅程实例列表
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiInstances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The instances list as server-sent events (`list`), at once and whenever it changed; the same filters / 实例列表实时推送（SSE）
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiInstancesStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An instance with its timeline, effects and timers / 实例详情与时间线
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiInstancesId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An instance's detail as server-sent events (`instance`), at once and after each step / 实例详情实时推送（SSE）
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiInstancesIdStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel an instance / 取消实例 */
    post: operations['postApiInstancesIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send an instance an event by hand / 手动发送事件 */
    post: operations['postApiInstancesIdEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/flow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live counts for the editor: active instances per node, steps per outcome since the minute of `since` (default 24 h, at most 31 days ago) / 实时计数 */
    get: operations['getApiWorkflowsIdFlow'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflows/{id}/flow/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The live counts as server-sent events (`flow`), whenever they changed; the window keeps its length / 实时计数推送（SSE） */
    get: operations['getApiWorkflowsIdFlowStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Effects that gave up, newest first, `limit` at most 500 (the default) / 死信
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiDeadLetters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/effects/{key}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retry a dead-lettered effect / 重试死信 */
    post: operations['postApiEffectsKeyRetry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/skill-groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Skill groups / 技能组列表 */
    get: operations['getApiSkillGroups'];
    put?: never;
    /** Create a skill group under a new id / 新建技能组 */
    post: operations['postApiSkillGroups'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/skill-groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One skill group / 单个技能组 */
    get: operations['getApiSkillGroupsId'];
    /** Create or replace a skill group (title, intents it serves) / 创建或替换技能组 */
    put: operations['putApiSkillGroupsId'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agents with skills and status / 客服列表 */
    get: operations['getApiAgents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Make a console user an agent or change skills and capacity / 设置客服 */
    put: operations['putApiAgentsId'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Set the name customers see for me / 设置我对客户显示的名字 */
    patch: operations['patchApiAgentsMe'];
    trace?: never;
  };
  '/api/agents/me/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set my status: online, busy, away (online pulls waiting customers) / 设置我的状态 */
    post: operations['postApiAgentsMeStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents/me/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My active handoffs with their context / 我的会话收件箱 */
    get: operations['getApiAgentsMeInbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents/me/inbox/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My inbox and the queues as server-sent events (`inbox`), at once and on each change / 收件箱与队列实时推送（SSE） */
    get: operations['getApiAgentsMeInboxStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/queues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per skill group: waiting, oldest wait, online agents / 各技能组排队情况 */
    get: operations['getApiQueues'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/handoffs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A handoff and, while waiting, its queue position / 转人工会话及排队位置 */
    get: operations['getApiHandoffsId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/handoffs/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve an assigned handoff; the slot takes the next customer / 结束会话 */
    post: operations['postApiHandoffsIdResolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/handoffs/{id}/abandon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The customer left / 客户已离开 */
    post: operations['postApiHandoffsIdAbandon'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/handoffs/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move to another skill group; answers the new handoff / 转接到其他技能组 */
    post: operations['postApiHandoffsIdTransfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/articles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List or search articles, 50 a page / 知识条目列表与搜索 */
    get: operations['getApiKnowledgeArticles'];
    put?: never;
    /** Create an article (Markdown answers, no HTML) / 新建知识条目 */
    post: operations['postApiKnowledgeArticles'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/articles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read an article / 读取知识条目 */
    get: operations['getApiKnowledgeArticlesId'];
    /** Save an article at its revision / 按修订号保存知识条目 */
    put: operations['putApiKnowledgeArticlesId'];
    post?: never;
    /** Delete an article / 删除知识条目 */
    delete: operations['deleteApiKnowledgeArticlesId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a question: matches with scores and the answer threshold / 测试检索 */
    post: operations['postApiKnowledgeSearch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Articles that nearly duplicate each other (a question scores ≥ 0.85 against the other) / 近似重复的知识条目 */
    get: operations['getApiKnowledgeDuplicates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export every article as JSON or CSV / 导出知识库 */
    get: operations['getApiKnowledgeExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import articles: a JSON array, or CSV with Content-Type text/csv; one bad row imports nothing / 导入知识库 */
    post: operations['postApiKnowledgeImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/unanswered': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Frequent unanswered questions, grouped by similarity / 高频未解答问题
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiKnowledgeUnanswered'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/unanswered/promote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn a group of unanswered questions into an article / 将问题组转为知识条目 */
    post: operations['postApiKnowledgeUnansweredPromote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/intents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The intents with group, zh/en title and description, and examples / 意图列表（分组、说明、例句） */
    get: operations['getApiIntents'];
    put?: never;
    /** Add an operator's intent: zh/en name, examples, what the chat does; the model is retrained / 新增自定义意图 */
    post: operations['postApiIntents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/intents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace an operator's intent; the model is retrained / 修改自定义意图 */
    put: operations['putApiIntentsId'];
    post?: never;
    /** Delete an operator's intent; the model is retrained / 删除自定义意图 */
    delete: operations['deleteApiIntentsId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/intents/classify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a customer message: intent, confidence, top 3 and entities / 测试一句顾客消息的意图识别 */
    post: operations['postApiIntentsClassify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Service dashboard for a period: volume heatmap, intents and spikes, rates, times, satisfaction, agents / 服务看板 */
    get: operations['getApiAnalyticsDashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/journeys/{id}/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A journey's funnel: entries, drop-offs and time per node / 旅程漏斗 */
    get: operations['getApiAnalyticsJourneysIdFunnel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/staffing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agents needed per hour (Erlang C) against agents online / 排班建议 */
    get: operations['getApiAnalyticsStaffing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/rollup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Roll up recorded facts now (runs every minute anyway) / 立即汇总 */
    post: operations['postApiAnalyticsRollup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/export/{table}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** CSV of a dashboard table: service.csv (key figures with p50/p90), volume.csv, intents.csv, agents.csv, funnel.csv, staffing.csv / 导出 CSV */
    get: operations['getApiAnalyticsExportTable'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quality/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Quality rules and the ruleset version (defaults seeded on first read) / 质检规则 */
    get: operations['getApiQualityRules'];
    /** Change some rules (enabled, weight, params), keyed by rule id; the next inspections use them / 修改质检规则 */
    put: operations['putApiQualityRules'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quality/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Quality reports, newest first; scans the collection, `limit` at most 200 (default 50) / 质检报告列表
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiQualityReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quality/reports/{handoffId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A resolved handoff's report: score, findings, override / 单个质检报告
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiQualityReportsHandoffId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quality/reports/{handoffId}/override': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** An operator's score and note, kept beside the automatic score / 人工复核改分 */
    put: operations['putApiQualityReportsHandoffIdOverride'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quality/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Average effective score and report count per agent / 客服质检均分 */
    get: operations['getApiQualityAgents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A conversation's follow-up tasks / 会话的跟进任务
     * @description Customers' phone numbers, emails, names and addresses (fields and inside text) come masked (139****0000, a***@example.com, 张*, 广东省深圳市***) to users without the operate or handle permission (viewers); admins, operators and agents get them whole / 无 operate 或 handle 权限的用户（只读）看到的客户手机号、邮箱、姓名和地址为脱敏形式
     */
    get: operations['getApiConversationsIdFollowUps'];
    put?: never;
    /** Create a follow-up task (the agent will come back) / 创建跟进任务 */
    post: operations['postApiConversationsIdFollowUps'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quick-replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Quick replies and the placeholders they may use / 快捷回复列表 */
    get: operations['getApiQuickReplies'];
    put?: never;
    /** Create a quick reply (zh/en text, placeholders) / 新建快捷回复 */
    post: operations['postApiQuickReplies'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quick-replies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace a quick reply / 修改快捷回复 */
    put: operations['putApiQuickRepliesId'];
    post?: never;
    /** Delete a quick reply / 删除快捷回复 */
    delete: operations['deleteApiQuickRepliesId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/customer-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed customer's earlier conversations and their orders / 客户的历史会话与订单 */
    get: operations['getApiConversationsIdCustomerHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Configured sources and channels with their status (no secrets) / 来源与渠道状态 */
    get: operations['getApiConnections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each channel's connector kind and delivery attempts of the last 24 h, last failure (no targets, secrets hidden) / 渠道投递状态 */
    get: operations['getApiChannelsDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a test message through a channel; answers whether it was delivered / 渠道测试发送 */
    post: operations['postApiChannelsChannelTest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/event-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Event types and the JSON Schema of their data / 事件类型及其数据格式 */
    get: operations['getApiEventTypes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This OpenAPI document / 本 OpenAPI 文档 */
    get: operations['getApiDocs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        code: string;
        message: {
          zh: string;
          en: string;
        };
        detail?: string;
        details?: {
          parameter?: string;
          problems?: {
            pointer?: string;
            message?:
              | string
              | {
                  zh?: string;
                  en?: string;
                };
            text?: {
              zh?: string;
              en?: string;
            };
            row?: number;
            line?: number;
          }[];
        };
      };
    };
    /** Xiaoer journey */
    Workflow: {
      $schema?: string;
      id: string;
      name: string;
      version: number;
      description?: string;
      nodes: {
        id: string;
        type: string;
        label?: string;
        position: {
          x: number;
          y: number;
        };
        config: Record<string, never>;
      }[];
      edges: {
        id: string;
        source: string;
        sourceHandle: string;
        target: string;
      }[];
    };
    Scenario: {
      name?: string;
      startAt?: string;
      startNode?: string;
      autoConfirmSends?: boolean;
      /** @enum {unknown} */
      early?: 'throw' | 'park';
      trigger: Record<string, never>;
      steps: (
        | {
            advance: string;
          }
        | {
            event: string;
            data?: Record<string, never>;
          }
        | {
            reply: string;
          }
        | {
            callSucceeded: string;
            data?: Record<string, never>;
          }
        | {
            callFailed: string;
            error?: {
              code: string;
              message: string;
            };
            retryable?: boolean;
          }
        | {
            /** @constant */
            sendSucceeded: true;
          }
        | {
            /** @constant */
            sendFailed: true;
          }
        | {
            expectNode: string;
          }
      )[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getApiEvents: {
    parameters: {
      query?: {
        /** @description 1–100 lower-case letters, digits or "-" / 1–100 个小写字母、数字或 "-" */
        source?: string;
        /** @description 1–100 letters, digits or "_./-" / 1–100 个字母、数字或 "_./-" */
        type?: string;
        /** @description one of started, routed, parked, early, unmatched, invalid, ignored, duplicate, topic-ignored, failed / 其中之一：started、routed、parked、early、unmatched、invalid、ignored、duplicate、topic-ignored、failed */
        outcome?:
          | 'started'
          | 'routed'
          | 'parked'
          | 'early'
          | 'unmatched'
          | 'invalid'
          | 'ignored'
          | 'duplicate'
          | 'topic-ignored'
          | 'failed';
        /** @description 1–200 characters without "$" / 1–200 个字符，不含 "$" */
        order?: string;
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        from?: string;
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        to?: string;
        /** @description the previous page's next / 上一页答复中的 next */
        cursor?: string;
        /** @description a whole number from 1 to 200 / 1 到 200 之间的整数 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: {
              id: string;
              /** Format: date-time */
              at: string;
              source: string;
              type: string;
              /** @enum {string} */
              outcome:
                | 'started'
                | 'routed'
                | 'parked'
                | 'early'
                | 'unmatched'
                | 'invalid'
                | 'ignored'
                | 'duplicate'
                | 'topic-ignored'
                | 'failed';
              refs: string[];
              instances: string[];
              waiting: {
                instanceId: string;
                node: string;
              }[];
              early: string[];
              reasons: string[];
              problems: {
                pointer: string;
                message: string;
                text?: {
                  zh: string;
                  en: string;
                };
              }[];
              key?: string;
              late?: boolean;
              recovered?: boolean;
              reasonTexts?: {
                zh: string;
                en: string;
              }[];
            }[];
            next: string | null;
            unheard: {
              id: string;
              kind: string;
              message: {
                zh: string;
                en: string;
              };
            }[];
          };
        };
      };
      /** @description A bad filter / 筛选参数不合法 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description The event source, when signing / 事件来源（签名时必填） */
        'x-xiaoer-source'?: string;
        /** @description Unix seconds, within the replay window, when signing / 时间戳（签名时必填） */
        'x-xiaoer-timestamp'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              id: string;
              type: string;
              source: string;
              /** Format: date-time */
              time?: string;
              specversion?: string;
              data?: Record<string, never>;
            }
          | {
              id: string;
              type: string;
              source: string;
              /** Format: date-time */
              time?: string;
              specversion?: string;
              data?: Record<string, never>;
            }[];
      };
    };
    responses: {
      /** @description Every event was a duplicate of one received before / 全部为重复事件 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: {
              id: string;
              /** @enum {string} */
              status: 'accepted' | 'duplicate';
            }[];
          };
        };
      };
      /** @description OK / 成功 */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: {
              id: string;
              /** @enum {string} */
              status: 'accepted' | 'duplicate';
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong signature / 签名缺失或错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The chat's own events (`conversation.*`, `customer.*` naming a conversation): only the chat sends them (`chat-event-forbidden`); or a type outside the source's eventTypes (`event-type-not-allowed`, a batch refused whole); nothing stored / 聊天自身的事件，或超出来源可发送事件类型的事件，未记录 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An event id recorded before with another type or data / 事件 ID 已用于其他事件 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body too large / 请求体过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The data fits no trigger of the journeys its type starts, and nothing waits for it (`details.problems`); nothing stored / 数据不符合旅程触发器，未记录 */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWebhooksShopifySource: {
    parameters: {
      query?: never;
      header: {
        /** @description Base64 HMAC-SHA256 of the raw body with the source's secret / 签名 */
        'X-Shopify-Hmac-Sha256': string;
        /** @description e.g. orders/create / 事件主题 */
        'X-Shopify-Topic': string;
        /** @description Delivery id; a redelivery with the same id is a duplicate / 投递 id（去重） */
        'X-Shopify-Webhook-Id': string;
        /** @description The shop / 店铺域名 */
        'X-Shopify-Shop-Domain'?: string;
      };
      path: {
        source: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A duplicate delivery, or a topic Xiaoer ignores / 重复投递或忽略的主题 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                events: {
                  id: string;
                  /** @enum {string} */
                  status: 'accepted' | 'duplicate';
                }[];
              }
            | {
                ignored: string;
              };
        };
      };
      /** @description OK / 成功 */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                events: {
                  id: string;
                  /** @enum {string} */
                  status: 'accepted' | 'duplicate';
                }[];
              }
            | {
                ignored: string;
              };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong signature / 签名缺失或错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The topic makes an event type outside the source's eventTypes (`event-type-not-allowed`), or the chat's own event; nothing stored / 主题对应的事件类型超出来源可发送的范围，未记录 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body too large / 请求体过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWebhooksWoocommerceSource: {
    parameters: {
      query?: never;
      header?: {
        /** @description Base64 HMAC-SHA256 of the raw body with the source's secret; only the creation ping (webhook_id=N) is unsigned / 签名 */
        'X-WC-Webhook-Signature'?: string;
        /** @description e.g. order.updated; absent on the ping / 事件主题 */
        'X-WC-Webhook-Topic'?: string;
        /** @description The shop URL / 店铺地址 */
        'X-WC-Webhook-Source'?: string;
      };
      path: {
        source: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A duplicate delivery, or a topic Xiaoer ignores / 重复投递或忽略的主题 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                events: {
                  id: string;
                  /** @enum {string} */
                  status: 'accepted' | 'duplicate';
                }[];
              }
            | {
                ignored: string;
              }
            | {
                ping: boolean;
              };
        };
      };
      /** @description OK / 成功 */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                events: {
                  id: string;
                  /** @enum {string} */
                  status: 'accepted' | 'duplicate';
                }[];
              }
            | {
                ignored: string;
              }
            | {
                ping: boolean;
              };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong signature / 签名缺失或错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The topic makes an event type outside the source's eventTypes (`event-type-not-allowed`), or the chat's own event; nothing stored / 主题对应的事件类型超出来源可发送的范围，未记录 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body too large / 请求体过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWebhooksYouzanSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        source: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: number;
            msg: string;
            events?: Record<string, never>[];
            ignored?: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong signature / 签名缺失或错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The topic makes an event type outside the source's eventTypes (`event-type-not-allowed`), or the chat's own event; nothing stored / 主题对应的事件类型超出来源可发送的范围，未记录 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body too large / 请求体过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWebhooksMappedSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        source: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                events: {
                  id: string;
                  /** @enum {string} */
                  status: 'accepted' | 'duplicate';
                }[];
              }
            | {
                ignored: string;
              };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong signature / 签名缺失或错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The mapping made the chat's own events (`chat-event-forbidden`) or a type outside the source's eventTypes (`event-type-not-allowed`); nothing stored / 映射出聊天自身的事件或超出来源可发送范围的事件类型，未记录 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body too large / 请求体过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok' | 'degraded';
            store: {
              kind: string;
              reachable: boolean;
              writable?: boolean;
              error?: string;
            };
            version: string;
          };
        };
      };
      /** @description Store unreachable / 数据库不可达 */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getHealthz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'alive';
          };
        };
      };
    };
  };
  getReadyz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ready' | 'not-ready';
          };
        };
      };
      /** @description Not ready / 未就绪 */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiChatConversations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          customer: {
            id: string;
            /** @enum {unknown} */
            tier?: 'normal' | 'vip' | 'svip';
            /** @enum {unknown} */
            language?: 'zh' | 'en';
            name?: string;
          };
          orderId?: string;
          channel?: string;
          signature?: {
            expires: number;
            value: string;
          };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            token: string;
            customer: {
              id: string;
              /** @enum {string} */
              tier: 'svip' | 'vip' | 'normal';
              /** @enum {string} */
              language: 'zh' | 'en';
              name?: string;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The shop's customer signature is missing or wrong / 客户签名缺失或错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiChatConversationsIdMessages: {
    parameters: {
      query?: {
        /** @description a whole number from 0 to 9007199254740991 / 0 到 9007199254740991 之间的整数 */
        after?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'open' | 'queued' | 'withAgent' | 'closed';
            messages: {
              seq: number;
              /** @enum {string} */
              from: 'customer' | 'bot' | 'agent' | 'system';
              text: string;
              /** Format: date-time */
              at: string;
              options?: {
                id: string;
                label: string;
              }[];
              agent?: string;
              agentName?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong conversation token / 会话凭证错误 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiChatConversationsIdMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          text: string;
          clientId?: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: {
              seq: number;
              /** @enum {string} */
              from: 'customer' | 'bot' | 'agent' | 'system';
              text: string;
              /** Format: date-time */
              at: string;
              options?: {
                id: string;
                label: string;
              }[];
              agent?: string;
              agentName?: string;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong conversation token / 会话凭证错误 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conversation closed / 会话已结束 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiChatConversationsIdClose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            status: 'closed';
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong conversation token / 会话凭证错误 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Already closed / 已结束 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiChatConversationsIdStream: {
    parameters: {
      query?: {
        /** @description the token given when the conversation was opened / 开始会话时拿到的凭证 */
        token?: string;
        /** @description a whole number from 0 to 9007199254740991 / 0 到 9007199254740991 之间的整数 */
        after?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or wrong conversation token / 会话凭证错误 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiAuthLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            token: string;
            user: {
              id: string;
              /** @enum {string} */
              role: 'admin' | 'operator' | 'agent' | 'viewer';
              disabled: boolean;
              /** Format: date-time */
              createdAt: string;
            };
            /** Format: date-time */
            expiresAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Wrong name or password / 用户名或密码错误 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description `too-many-logins`: too many attempts from this address a minute; `account-login-locked`: too many failed logins of this user name from any address (`http.loginLockout`), every login refused, the right password too, until `Retry-After` or an admin ends the lock / 尝试过多，或该账号登录失败过多已锁定 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiAuthLogout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            loggedOut: boolean;
          };
        };
      };
    };
  };
  getApiAuthMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'user' | 'apiKey';
            id: string;
            /** @enum {string} */
            role?: 'admin' | 'operator' | 'agent' | 'viewer';
            source?: string;
            /**
             * @description Whether customers' phone numbers, emails, names and addresses reach this user whole or masked (roles without operate/handle) / 客户个人信息对该用户是完整还是脱敏显示
             * @enum {string}
             */
            personalData?: 'whole' | 'masked';
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: {
              id: string;
              /** @enum {string} */
              role: 'admin' | 'operator' | 'agent' | 'viewer';
              disabled: boolean;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              loginLockedUntil?: string;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          password: string;
          /** @enum {unknown} */
          role: 'admin' | 'operator' | 'agent' | 'viewer';
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            role: 'admin' | 'operator' | 'agent' | 'viewer';
            disabled: boolean;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Name taken / 用户名已存在 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiUsersIdLoginLockEnd: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            loginLockEnded: boolean;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such user / 没有该用户 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The user's logins are not locked / 该用户的登录未被锁定 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchApiUsersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password?: string;
          /** @enum {unknown} */
          role?: 'admin' | 'operator' | 'agent' | 'viewer';
          disabled?: boolean;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            role: 'admin' | 'operator' | 'agent' | 'viewer';
            disabled: boolean;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            apiKeys: {
              name: string;
              source: string;
              prefix: string;
              createdBy: string;
              /** Format: date-time */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          source: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            key: string;
            name: string;
            source: string;
            prefix: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Name taken / 名称已存在 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiApiKeysName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: boolean;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflows: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workflows: {
              id: string;
              name: string;
              revision: number;
              publishedVersion: number;
              archived: boolean;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
              problems: number;
              runningInstances: number;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWorkflows: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            revision: number;
            publishedVersion: number;
            archived: boolean;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            document: components['schemas']['Workflow'];
            problems: {
              code: string;
              pointer: string;
              message: {
                zh: string;
                en: string;
              };
              nodeId?: string;
              edgeId?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Id taken / id 已存在 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWorkflowsImport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            revision: number;
            publishedVersion: number;
            archived: boolean;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            document: components['schemas']['Workflow'];
            problems: {
              code: string;
              pointer: string;
              message: {
                zh: string;
                en: string;
              };
              nodeId?: string;
              edgeId?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Id taken / id 已存在 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWorkflowsValidate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            valid: boolean;
            problems: {
              code: string;
              pointer: string;
              message: {
                zh: string;
                en: string;
              };
              nodeId?: string;
              edgeId?: string;
            }[];
            document?: components['schemas']['Workflow'];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            revision: number;
            publishedVersion: number;
            archived: boolean;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            document: components['schemas']['Workflow'];
            problems: {
              code: string;
              pointer: string;
              message: {
                zh: string;
                en: string;
              };
              nodeId?: string;
              edgeId?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiWorkflowsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description A workflow (components/schemas/Workflow) */
          document: Record<string, never>;
          revision: number;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            revision: number;
            publishedVersion: number;
            archived: boolean;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            document: components['schemas']['Workflow'];
            problems: {
              code: string;
              pointer: string;
              message: {
                zh: string;
                en: string;
              };
              nodeId?: string;
              edgeId?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Saved by someone else meanwhile / 已被他人修改 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiWorkflowsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: boolean;
            archived: boolean;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workflow'];
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWorkflowsIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: number;
            hash: string;
            note: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "publish" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The draft has problems / 草稿有错误 */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiWorkflowsIdReplay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 50 */
          limit?: number;
          version?: number;
          /** @description An unsaved workflow to replay instead of the saved draft */
          document?: Record<string, never>;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workflowId: string;
            version: number;
            draftRevision: number | null;
            replayed: number;
            same: number;
            different: number;
            skipped: number;
            instances: {
              instanceId: string;
              correlation: string;
              status: string;
              /** @enum {string} */
              skipped?: 'history-pruned' | 'no-steps';
              same?: boolean;
              steps?: number;
              recordedNode?: string;
              draftNode?: string;
              difference?: Record<string, never>;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Over the user's budget of these a minute (`http.consoleBudgets`); `Retry-After` says when / 超出每位用户每分钟的次数上限 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            versions: {
              version: number;
              hash: string;
              note: string;
              /** Format: date-time */
              publishedAt: string;
              publishedBy: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdVersionsVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: number;
            hash: string;
            note: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
            document: components['schemas']['Workflow'];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdScenarios: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            scenarios: {
              name: string;
              scenario: components['schemas']['Scenario'];
              /** Format: date-time */
              savedAt: string;
              savedBy: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdScenariosName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            name: string;
            scenario: components['schemas']['Scenario'];
            /** Format: date-time */
            savedAt: string;
            savedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiWorkflowsIdScenariosName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          startAt?: string;
          startNode?: string;
          autoConfirmSends?: boolean;
          /** @enum {unknown} */
          early?: 'throw' | 'park';
          trigger: Record<string, never>;
          steps: (
            | {
                advance: string;
              }
            | {
                event: string;
                data?: Record<string, never>;
              }
            | {
                reply: string;
              }
            | {
                callSucceeded: string;
                data?: Record<string, never>;
              }
            | {
                callFailed: string;
                error?: {
                  code: string;
                  message: string;
                };
                retryable?: boolean;
              }
            | {
                /** @constant */
                sendSucceeded: true;
              }
            | {
                /** @constant */
                sendFailed: true;
              }
            | {
                expectNode: string;
              }
          )[];
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            name: string;
            scenario: components['schemas']['Scenario'];
            /** Format: date-time */
            savedAt: string;
            savedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiWorkflowsIdScenariosName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiTemplates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            templates: {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              kind: 'starter' | 'shipped';
              nodes: number;
              trigger: string;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiTemplatesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workflow'];
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such template / 没有该模板 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAudit: {
    parameters: {
      query?: {
        /** @description a whole number from 1 to 999 / 1 到 999 之间的整数 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: Record<string, never>[];
          };
        };
      };
      /** @description Bad limit / limit 不合法 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiSources: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            sources: {
              id: string;
              kind: string;
              /** @enum {string} */
              origin: 'config' | 'stored';
              secretSet: boolean;
              secretHint?: string;
              /** Format: date-time */
              createdAt?: string;
              createdBy?: string;
              /** Format: date-time */
              rotatedAt?: string;
              rotatedBy?: string;
              previousSecretHint?: string;
              /** Format: date-time */
              previousSecretUntil?: string;
              eventTypes?: string[];
              intakePath?: string;
              lastEvent?: {
                type: string;
                /** Format: date-time */
                receivedAt: string;
              };
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiSources: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          /** @enum {unknown} */
          kind: 'xiaoer' | 'woocommerce';
          eventTypes?: string[];
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              id: string;
              kind: string;
              /** @enum {string} */
              origin: 'config' | 'stored';
              secretSet: boolean;
              secretHint?: string;
              /** Format: date-time */
              createdAt?: string;
              createdBy?: string;
              /** Format: date-time */
              rotatedAt?: string;
              rotatedBy?: string;
              previousSecretHint?: string;
              /** Format: date-time */
              previousSecretUntil?: string;
              eventTypes?: string[];
              intakePath?: string;
              lastEvent?: {
                type: string;
                /** Format: date-time */
                receivedAt: string;
              };
            };
            secret: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The id is taken, or is one of Xiaoer's own (chat, journeys) / 来源 id 已存在或为小二保留 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiSourcesIdSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          graceHours?: number;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              id: string;
              kind: string;
              /** @enum {string} */
              origin: 'config' | 'stored';
              secretSet: boolean;
              secretHint?: string;
              /** Format: date-time */
              createdAt?: string;
              createdBy?: string;
              /** Format: date-time */
              rotatedAt?: string;
              rotatedBy?: string;
              previousSecretHint?: string;
              /** Format: date-time */
              previousSecretUntil?: string;
              eventTypes?: string[];
              intakePath?: string;
              lastEvent?: {
                type: string;
                /** Format: date-time */
                receivedAt: string;
              };
            };
            secret: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such source / 来源不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A source of the configuration file: change it there / 配置文件中的来源只能在文件中修改 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiSourcesIdPreviousSecretEnd: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              id: string;
              kind: string;
              /** @enum {string} */
              origin: 'config' | 'stored';
              secretSet: boolean;
              secretHint?: string;
              /** Format: date-time */
              createdAt?: string;
              createdBy?: string;
              /** Format: date-time */
              rotatedAt?: string;
              rotatedBy?: string;
              previousSecretHint?: string;
              /** Format: date-time */
              previousSecretUntil?: string;
              eventTypes?: string[];
              intakePath?: string;
              lastEvent?: {
                type: string;
                /** Format: date-time */
                receivedAt: string;
              };
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such source / 来源不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No previous secret held, its grace already ended, or a source of the configuration file / 没有旧密钥、旧密钥已失效或来源定义在配置文件中 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiSourcesIdEventTypes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          eventTypes: string[] | null;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              id: string;
              kind: string;
              /** @enum {string} */
              origin: 'config' | 'stored';
              secretSet: boolean;
              secretHint?: string;
              /** Format: date-time */
              createdAt?: string;
              createdBy?: string;
              /** Format: date-time */
              rotatedAt?: string;
              rotatedBy?: string;
              previousSecretHint?: string;
              /** Format: date-time */
              previousSecretUntil?: string;
              eventTypes?: string[];
              intakePath?: string;
              lastEvent?: {
                type: string;
                /** Format: date-time */
                receivedAt: string;
              };
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such source / 来源不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A source of the configuration file: change its eventTypes there / 配置文件中的来源只能在文件中修改 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConversations: {
    parameters: {
      query?: {
        /** @description one of open, queued, withAgent, closed / 其中之一：open、queued、withAgent、closed */
        status?: 'open' | 'queued' | 'withAgent' | 'closed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversations: {
              _id: string;
              customer: {
                id: string;
                /** @enum {string} */
                tier: 'svip' | 'vip' | 'normal';
                /** @enum {string} */
                language: 'zh' | 'en';
                name?: string;
              };
              /** @enum {string} */
              status: 'open' | 'queued' | 'withAgent' | 'closed';
              lastSeq: number;
              intents: {
                intent: string;
                confidence: number;
                /** Format: date-time */
                at?: string;
              }[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              channel?: string;
              orderId?: string;
              handoffId?: string;
              agentId?: string;
              /** Format: date-time */
              closedAt?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConversationsStream: {
    parameters: {
      query: {
        /** @description conversation-id:message-number pairs separated by commas, at most 50 / “会话编号:消息序号”，以逗号分隔，最多 50 个 */
        follow: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description follow missing, malformed or over 50 conversations / follow 缺失、格式错误或超过 50 个会话 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown conversation / 会话不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConversationsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: {
              _id: string;
              customer: {
                id: string;
                /** @enum {string} */
                tier: 'svip' | 'vip' | 'normal';
                /** @enum {string} */
                language: 'zh' | 'en';
                name?: string;
              };
              /** @enum {string} */
              status: 'open' | 'queued' | 'withAgent' | 'closed';
              lastSeq: number;
              intents: {
                intent: string;
                confidence: number;
                /** Format: date-time */
                at?: string;
              }[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              channel?: string;
              orderId?: string;
              handoffId?: string;
              agentId?: string;
              /** Format: date-time */
              closedAt?: string;
            };
            messages: {
              seq: number;
              /** @enum {string} */
              from: 'customer' | 'bot' | 'agent' | 'system';
              text: string;
              /** Format: date-time */
              at: string;
              options?: {
                id: string;
                label: string;
              }[];
              agent?: string;
              agentName?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConversationsIdStream: {
    parameters: {
      query?: {
        /** @description a whole number from 0 to 9007199254740991 / 0 到 9007199254740991 之间的整数 */
        after?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiConversationsIdMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          text: string;
          clientId?: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: {
              seq: number;
              /** @enum {string} */
              from: 'customer' | 'bot' | 'agent' | 'system';
              text: string;
              /** Format: date-time */
              at: string;
              options?: {
                id: string;
                label: string;
              }[];
              agent?: string;
              agentName?: string;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conversation closed / 会话已结束 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiConversationsIdResolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {unknown} */
          outcome?: 'resolved' | 'abandoned';
          article?: {
            question: string;
            answer: string;
          };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            handoffId: string;
            /** @enum {string} */
            outcome: 'resolved' | 'abandoned';
            proposedArticle?: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No agent has it / 不在人工手里 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiConversationsIdClose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            status: 'closed';
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Already closed / 已结束 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiInstances: {
    parameters: {
      query?: {
        /** @description 1–100 letters, digits, "_" or "-" / 1–100 个字母、数字、"_" 或 "-" */
        workflow?: string;
        /** @description a whole number from 1 to 999999999 / 1 到 999999999 之间的整数 */
        version?: number;
        /** @description one of active, done, completed, failed, cancelled / 其中之一：active、done、completed、failed、cancelled */
        status?: 'active' | 'done' | 'completed' | 'failed' | 'cancelled';
        /** @description 1–100 letters, digits, "_" or "-" / 1–100 个字母、数字、"_" 或 "-" */
        node?: string;
        /** @description 1–200 characters without "$" / 1–200 个字符，不含 "$" */
        correlation?: string;
        /** @description a whole number from 1 to 9999999 / 1 到 9999999 之间的整数 */
        page?: number;
        /** @description a whole number from 1 to 200 / 1 到 200 之间的整数 */
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            instances: {
              id: string;
              workflowId: string;
              version: number;
              correlation: string;
              /** @enum {string} */
              status: 'active' | 'done' | 'cancelled';
              node: string;
              revision: number;
              /** Format: date-time */
              startedAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** @enum {string} */
              outcome?: 'completed' | 'failed' | 'cancelled';
              alarms?: ('failed-effect' | 'empty-recipient' | 'empty-text')[];
            }[];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiInstancesStream: {
    parameters: {
      query?: {
        /** @description 1–100 letters, digits, "_" or "-" / 1–100 个字母、数字、"_" 或 "-" */
        workflow?: string;
        /** @description a whole number from 1 to 999999999 / 1 到 999999999 之间的整数 */
        version?: number;
        /** @description one of active, done, completed, failed, cancelled / 其中之一：active、done、completed、failed、cancelled */
        status?: 'active' | 'done' | 'completed' | 'failed' | 'cancelled';
        /** @description 1–100 letters, digits, "_" or "-" / 1–100 个字母、数字、"_" 或 "-" */
        node?: string;
        /** @description 1–200 characters without "$" / 1–200 个字符，不含 "$" */
        correlation?: string;
        /** @description a whole number from 1 to 9999999 / 1 到 9999999 之间的整数 */
        page?: number;
        /** @description a whole number from 1 to 200 / 1 到 200 之间的整数 */
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many live pages open for this user / 该用户打开的实时页面过多 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiInstancesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            workflowId: string;
            version: number;
            correlation: string;
            /** @enum {string} */
            status: 'active' | 'done' | 'cancelled';
            node: string;
            revision: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            updatedAt: string;
            data: Record<string, never>;
            parked: Record<string, never>[];
            timeline: {
              revision: number;
              /** Format: date-time */
              at: string;
              event: {
                type: string;
                key?: string;
                at?: string;
                data?: Record<string, never>;
                actor?: string;
              };
              from: string | null;
              to: string;
              path: {
                nodeId: string;
                outcome: string;
                target: string;
              }[];
              effects: {
                kind: string;
              }[];
              /** @enum {string} */
              status: 'active' | 'done' | 'cancelled';
              dataChanges?: {
                key: string;
                before?: unknown;
                after?: unknown;
              }[];
            }[];
            effects: {
              _id: string;
              effect: {
                kind: string;
              };
              status: string;
              attempts: number;
              retries: number;
              lastError?: {
                code: string;
                message: string;
              };
            }[];
            timers: {
              timerId: string;
              /** Format: date-time */
              dueAt: string;
              status: string;
              /** Format: date-time */
              firedAt?: string;
            }[];
            deadLetters: {
              _id: string;
              instanceId: string;
              kind: string;
              nodeId: string;
              error: {
                code: string;
                message: string;
              };
              attempts: number;
              /** Format: date-time */
              at: string;
            }[];
            /** @enum {string} */
            outcome?: 'completed' | 'failed' | 'cancelled';
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiInstancesIdStream: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many live pages open for this user / 该用户打开的实时页面过多 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiInstancesIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            status: 'active' | 'done' | 'cancelled';
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiInstancesIdEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          type: string;
          data?: Record<string, never>;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            result: 'applied' | 'ignored' | 'parked' | 'duplicate';
            node: string;
            /** @enum {string} */
            status: 'active' | 'done' | 'cancelled';
            reason?: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role may not send this type by hand (a review, a shop fact, the customer's words, Xiaoer's own events) / 角色不能手动发送该类型的事件 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdFlow: {
    parameters: {
      query?: {
        /** @description an ISO 8601 time with its zone, e.g. 2026-11-30T00:00:00Z / 带时区的 ISO 8601 时间，例如 2026-11-30T00:00:00Z */
        since?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workflow: string;
            /** Format: date-time */
            since: string;
            nodes: {
              [key: string]: number;
            };
            outcomes: {
              [key: string]: number;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such journey / 没有这个旅程 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Over the user's budget of these a minute (`http.consoleBudgets`); `Retry-After` says when / 超出每位用户每分钟的次数上限 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiWorkflowsIdFlowStream: {
    parameters: {
      query?: {
        /** @description an ISO 8601 time with its zone, e.g. 2026-11-30T00:00:00Z / 带时区的 ISO 8601 时间，例如 2026-11-30T00:00:00Z */
        since?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such journey / 没有这个旅程 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many live pages open for this user, or over the user's budget of flow counts a minute (`http.consoleBudgets`) / 该用户打开的实时页面过多，或超出每分钟计数次数上限 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiDeadLetters: {
    parameters: {
      query?: {
        /** @description a whole number from 1 to 500 / 1 到 500 之间的整数 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deadLetters: {
              _id: string;
              instanceId: string;
              kind: string;
              nodeId: string;
              error: {
                code: string;
                message: string;
              };
              attempts: number;
              /** Format: date-time */
              at: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiEffectsKeyRetry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            key: string;
            status: string;
            retries: number;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiSkillGroups: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            skillGroups: {
              _id: string;
              title: {
                zh: string;
                en: string;
              };
              intents: string[];
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiSkillGroups: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          title: {
            zh: string;
            en: string;
          };
          intents: (
            | 'productQuestion'
            | 'sizeSpec'
            | 'stock'
            | 'promotion'
            | 'coupon'
            | 'orderStatus'
            | 'modifyOrder'
            | 'cancelOrder'
            | 'changeAddress'
            | 'deliveryTime'
            | 'logistics'
            | 'logisticsProblem'
            | 'returnExchange'
            | 'exchange'
            | 'refund'
            | 'refundStatus'
            | 'warranty'
            | 'invoice'
            | 'paymentProblem'
            | 'account'
            | 'complaint'
            | 'human'
            | 'other'
            | 'greeting'
            | 'thanks'
            | 'chitChat'
            | 'abuse'
          )[];
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            title: {
              zh: string;
              en: string;
            };
            intents: string[];
            /** Format: date-time */
            updatedAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Id taken / id 已存在 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiSkillGroupsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            title: {
              zh: string;
              en: string;
            };
            intents: string[];
            /** Format: date-time */
            updatedAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiSkillGroupsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: {
            zh: string;
            en: string;
          };
          intents: (
            | 'productQuestion'
            | 'sizeSpec'
            | 'stock'
            | 'promotion'
            | 'coupon'
            | 'orderStatus'
            | 'modifyOrder'
            | 'cancelOrder'
            | 'changeAddress'
            | 'deliveryTime'
            | 'logistics'
            | 'logisticsProblem'
            | 'returnExchange'
            | 'exchange'
            | 'refund'
            | 'refundStatus'
            | 'warranty'
            | 'invoice'
            | 'paymentProblem'
            | 'account'
            | 'complaint'
            | 'human'
            | 'other'
            | 'greeting'
            | 'thanks'
            | 'chitChat'
            | 'abuse'
          )[];
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            title: {
              zh: string;
              en: string;
            };
            intents: string[];
            /** Format: date-time */
            updatedAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAgents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agents: {
              _id: string;
              displayName: string;
              skills: string[];
              /** @enum {string} */
              status: 'online' | 'busy' | 'away';
              maxConcurrent: number;
              /** Format: date-time */
              lastActiveAt: string;
              seenAt?: string | null;
              awayReason?: ('no-desk' | 'off-duty') | null;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiAgentsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName?: string;
          skills?: string[];
          maxConcurrent?: number;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            displayName: string;
            skills: string[];
            /** @enum {string} */
            status: 'online' | 'busy' | 'away';
            maxConcurrent: number;
            /** Format: date-time */
            lastActiveAt: string;
            seenAt?: string | null;
            awayReason?: ('no-desk' | 'off-duty') | null;
          };
        };
      };
      /** @description Unknown skill group or invalid body / 技能组不存在或请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchApiAgentsMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            displayName: string;
            skills: string[];
            /** @enum {string} */
            status: 'online' | 'busy' | 'away';
            maxConcurrent: number;
            /** Format: date-time */
            lastActiveAt: string;
            seenAt?: string | null;
            awayReason?: ('no-desk' | 'off-duty') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description You are not an agent / 你不是客服 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiAgentsMeStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {unknown} */
          status: 'online' | 'busy' | 'away';
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            displayName: string;
            skills: string[];
            /** @enum {string} */
            status: 'online' | 'busy' | 'away';
            maxConcurrent: number;
            /** Format: date-time */
            lastActiveAt: string;
            seenAt?: string | null;
            awayReason?: ('no-desk' | 'off-duty') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description You are not an agent / 你不是客服 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAgentsMeInbox: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agent: {
              _id: string;
              displayName: string;
              skills: string[];
              /** @enum {string} */
              status: 'online' | 'busy' | 'away';
              maxConcurrent: number;
              /** Format: date-time */
              lastActiveAt: string;
              seenAt?: string | null;
              awayReason?: ('no-desk' | 'off-duty') | null;
            };
            handoffs: {
              _id: string;
              conversationId: string;
              customer: {
                id: string;
                /** @enum {string} */
                tier: 'svip' | 'vip' | 'normal';
                /** @enum {string} */
                language: 'zh' | 'en';
              };
              group: string;
              priority: number;
              /** Format: date-time */
              enqueuedAt: string;
              /** @enum {string} */
              status: 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'transferred';
              context: unknown;
              agentId?: string | null;
              assignedAt?: string | null;
              resolvedAt?: string | null;
              transferredTo?: string | null;
              transferredFrom?: string | null;
              endedBy?: string | null;
              endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
              endReason?: ('conversation-closed' | 'agent-away' | 'agent-off-duty') | null;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description You are not an agent / 你不是客服 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAgentsMeInboxStream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description You are not an agent / 你不是客服 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiQueues: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            queues: {
              group: string;
              waiting: number;
              oldestWaitSeconds: number;
              onlineAgents: number;
              availableAgents: number;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiHandoffsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            handoff: {
              _id: string;
              conversationId: string;
              customer: {
                id: string;
                /** @enum {string} */
                tier: 'svip' | 'vip' | 'normal';
                /** @enum {string} */
                language: 'zh' | 'en';
              };
              group: string;
              priority: number;
              /** Format: date-time */
              enqueuedAt: string;
              /** @enum {string} */
              status: 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'transferred';
              context: unknown;
              agentId?: string | null;
              assignedAt?: string | null;
              resolvedAt?: string | null;
              transferredTo?: string | null;
              transferredFrom?: string | null;
              endedBy?: string | null;
              endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
              endReason?: ('conversation-closed' | 'agent-away' | 'agent-off-duty') | null;
            };
            position: {
              position: number;
              ahead: number;
              estimatedWaitMinutes: number;
              text: {
                zh: string;
                en: string;
              };
            } | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiHandoffsIdResolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            conversationId: string;
            customer: {
              id: string;
              /** @enum {string} */
              tier: 'svip' | 'vip' | 'normal';
              /** @enum {string} */
              language: 'zh' | 'en';
            };
            group: string;
            priority: number;
            /** Format: date-time */
            enqueuedAt: string;
            /** @enum {string} */
            status: 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'transferred';
            context: unknown;
            agentId?: string | null;
            assignedAt?: string | null;
            resolvedAt?: string | null;
            transferredTo?: string | null;
            transferredFrom?: string | null;
            endedBy?: string | null;
            endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
            endReason?: ('conversation-closed' | 'agent-away' | 'agent-off-duty') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not assigned / 不在处理中 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiHandoffsIdAbandon: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            conversationId: string;
            customer: {
              id: string;
              /** @enum {string} */
              tier: 'svip' | 'vip' | 'normal';
              /** @enum {string} */
              language: 'zh' | 'en';
            };
            group: string;
            priority: number;
            /** Format: date-time */
            enqueuedAt: string;
            /** @enum {string} */
            status: 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'transferred';
            context: unknown;
            agentId?: string | null;
            assignedAt?: string | null;
            resolvedAt?: string | null;
            transferredTo?: string | null;
            transferredFrom?: string | null;
            endedBy?: string | null;
            endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
            endReason?: ('conversation-closed' | 'agent-away' | 'agent-off-duty') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Already ended / 已结束 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiHandoffsIdTransfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          group: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            _id: string;
            conversationId: string;
            customer: {
              id: string;
              /** @enum {string} */
              tier: 'svip' | 'vip' | 'normal';
              /** @enum {string} */
              language: 'zh' | 'en';
            };
            group: string;
            priority: number;
            /** Format: date-time */
            enqueuedAt: string;
            /** @enum {string} */
            status: 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'transferred';
            context: unknown;
            agentId?: string | null;
            assignedAt?: string | null;
            resolvedAt?: string | null;
            transferredTo?: string | null;
            transferredFrom?: string | null;
            endedBy?: string | null;
            endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
            endReason?: ('conversation-closed' | 'agent-away' | 'agent-off-duty') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Already ended / 已结束 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiKnowledgeArticles: {
    parameters: {
      query?: {
        /** @description 1–200 characters / 1–200 个字符 */
        q?: string;
        /** @description 1–40 characters / 1–40 个字符 */
        tag?: string;
        /** @description one of draft, published / 其中之一：draft、published */
        status?: 'draft' | 'published';
        /** @description a whole number from 1 to 999999 / 1 到 999999 之间的整数 */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            articles: {
              id: string;
              questions: string[];
              synonyms: string[];
              answer: {
                zh?: string;
                en?: string;
              };
              tags: string[];
              channels: ('chat' | 'sms' | 'email')[];
              validFrom: string | null;
              validUntil: string | null;
              /** @enum {string} */
              status: 'draft' | 'published';
              revision: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
            }[];
            total: number;
            page: number;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiKnowledgeArticles: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id?: string;
          questions: string[];
          synonyms?: string[];
          answer: {
            zh?: string;
            en?: string;
          };
          tags?: string[];
          channels?: ('chat' | 'sms' | 'email')[];
          validFrom?: string | null;
          validUntil?: string | null;
          /** @enum {unknown} */
          status?: 'draft' | 'published';
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            questions: string[];
            synonyms: string[];
            answer: {
              zh?: string;
              en?: string;
            };
            tags: string[];
            channels: ('chat' | 'sms' | 'email')[];
            validFrom: string | null;
            validUntil: string | null;
            /** @enum {string} */
            status: 'draft' | 'published';
            revision: number;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Id taken / id 已存在 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiKnowledgeArticlesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            questions: string[];
            synonyms: string[];
            answer: {
              zh?: string;
              en?: string;
            };
            tags: string[];
            channels: ('chat' | 'sms' | 'email')[];
            validFrom: string | null;
            validUntil: string | null;
            /** @enum {string} */
            status: 'draft' | 'published';
            revision: number;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiKnowledgeArticlesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id?: string;
          questions: string[];
          synonyms?: string[];
          answer: {
            zh?: string;
            en?: string;
          };
          tags?: string[];
          channels?: ('chat' | 'sms' | 'email')[];
          validFrom?: string | null;
          validUntil?: string | null;
          /** @enum {unknown} */
          status?: 'draft' | 'published';
          revision: number;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            questions: string[];
            synonyms: string[];
            answer: {
              zh?: string;
              en?: string;
            };
            tags: string[];
            channels: ('chat' | 'sms' | 'email')[];
            validFrom: string | null;
            validUntil: string | null;
            /** @enum {string} */
            status: 'draft' | 'published';
            revision: number;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Changed by someone else meanwhile / 已被他人修改 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiKnowledgeArticlesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiKnowledgeSearch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          question: string;
          /** @enum {unknown} */
          channel?: 'chat' | 'sms' | 'email';
          /** @enum {unknown} */
          language?: 'zh' | 'en';
          limit?: number;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            matches: {
              article: {
                id: string;
                questions: string[];
                synonyms: string[];
                answer: {
                  zh?: string;
                  en?: string;
                };
                tags: string[];
                channels: ('chat' | 'sms' | 'email')[];
                validFrom: string | null;
                validUntil: string | null;
                /** @enum {string} */
                status: 'draft' | 'published';
                revision: number;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
              };
              score: number;
              question: string;
            }[];
            threshold: number;
            suggestFloor: number;
            /** @enum {string} */
            language: 'zh' | 'en';
            /** @enum {string} */
            band: 'answer' | 'suggest' | 'none';
            suggestions: {
              article: {
                id: string;
                questions: string[];
                synonyms: string[];
                answer: {
                  zh?: string;
                  en?: string;
                };
                tags: string[];
                channels: ('chat' | 'sms' | 'email')[];
                validFrom: string | null;
                validUntil: string | null;
                /** @enum {string} */
                status: 'draft' | 'published';
                revision: number;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
              };
              score: number;
              question: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiKnowledgeDuplicates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pairs: {
              ids: string[];
              score: number;
              questions: string[];
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Over the user's budget of these a minute (`http.consoleBudgets`); `Retry-After` says when / 超出每位用户每分钟的次数上限 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiKnowledgeExport: {
    parameters: {
      query?: {
        /** @description one of json, csv / 其中之一：json、csv */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id?: string;
            questions: string[];
            synonyms?: string[];
            answer: {
              zh?: string;
              en?: string;
            };
            tags?: string[];
            channels?: ('chat' | 'sms' | 'email')[];
            validFrom?: string | null;
            validUntil?: string | null;
            /** @enum {unknown} */
            status?: 'draft' | 'published';
          }[];
          'text/csv': {
            id?: string;
            questions: string[];
            synonyms?: string[];
            answer: {
              zh?: string;
              en?: string;
            };
            tags?: string[];
            channels?: ('chat' | 'sms' | 'email')[];
            validFrom?: string | null;
            validUntil?: string | null;
            /** @enum {unknown} */
            status?: 'draft' | 'published';
          }[];
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiKnowledgeImport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id?: string;
          questions: string[];
          synonyms?: string[];
          answer: {
            zh?: string;
            en?: string;
          };
          tags?: string[];
          channels?: ('chat' | 'sms' | 'email')[];
          validFrom?: string | null;
          validUntil?: string | null;
          /** @enum {unknown} */
          status?: 'draft' | 'published';
        }[];
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            created: number;
            updated: number;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body too large / 请求体过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Neither JSON nor CSV (Content-Type) / 请求体既不是 JSON 也不是 CSV */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiKnowledgeUnanswered: {
    parameters: {
      query?: {
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        since?: string;
        /** @description a whole number from 1 to 100 / 1 到 100 之间的整数 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            groups: {
              key: string;
              count: number;
              lastAskedAt: string;
              examples: {
                id: string;
                text: string;
                score: number;
                at: string;
                channel: string | null;
                language: string | null;
              }[];
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiKnowledgeUnansweredPromote: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          groupKey?: string;
          questionIds?: string[];
          answer: {
            zh?: string;
            en?: string;
          };
          id?: string;
          tags?: string[];
          channels?: ('chat' | 'sms' | 'email')[];
          /** @enum {unknown} */
          status?: 'draft' | 'published';
        } & (unknown | unknown);
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            questions: string[];
            synonyms: string[];
            answer: {
              zh?: string;
              en?: string;
            };
            tags: string[];
            channels: ('chat' | 'sms' | 'email')[];
            validFrom: string | null;
            validUntil: string | null;
            /** @enum {string} */
            status: 'draft' | 'published';
            revision: number;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiIntents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            intents: {
              intent: string;
              title: {
                zh: string;
                en: string;
              };
              group: string;
              examples: Record<string, never>;
              custom: boolean;
              journeys: string[];
              description?: {
                zh: string;
                en: string;
              };
              action?: Record<string, never>;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiIntents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          title: {
            zh: string;
            en: string;
          };
          description?: {
            zh: string;
            en: string;
          };
          examples: {
            zh: string[];
            en: string[];
          };
          action:
            | {
                /** @constant */
                kind: 'knowledge';
                articleId?: string;
              }
            | {
                /** @constant */
                kind: 'journey';
                workflowId: string;
              }
            | {
                /** @constant */
                kind: 'handoff';
                group?: string;
                priority?: number;
              }
            | {
                /** @constant */
                kind: 'reply';
                text: {
                  zh: string;
                  en: string;
                };
              };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            title: {
              zh: string;
              en: string;
            };
            examples: Record<string, never>;
            action: Record<string, never>;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            description?: {
              zh: string;
              en: string;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiIntentsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          title: {
            zh: string;
            en: string;
          };
          description?: {
            zh: string;
            en: string;
          };
          examples: {
            zh: string[];
            en: string[];
          };
          action:
            | {
                /** @constant */
                kind: 'knowledge';
                articleId?: string;
              }
            | {
                /** @constant */
                kind: 'journey';
                workflowId: string;
              }
            | {
                /** @constant */
                kind: 'handoff';
                group?: string;
                priority?: number;
              }
            | {
                /** @constant */
                kind: 'reply';
                text: {
                  zh: string;
                  en: string;
                };
              };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            title: {
              zh: string;
              en: string;
            };
            examples: Record<string, never>;
            action: Record<string, never>;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            description?: {
              zh: string;
              en: string;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiIntentsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiIntentsClassify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          text: string;
          /** @enum {unknown} */
          language?: 'zh' | 'en';
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            intent: string;
            confidence: number;
            top: {
              intent: string;
              confidence: number;
            }[];
            entities: Record<string, never>;
            /** @enum {string} */
            language: 'zh' | 'en';
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Over the user's budget of these a minute (`http.consoleBudgets`); `Retry-After` says when / 超出每位用户每分钟的次数上限 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAnalyticsDashboard: {
    parameters: {
      query?: {
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        from?: string;
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        to?: string;
        /** @description a lower-case letter, then up to 31 lower-case letters, digits or "-" / 小写字母开头，最多 32 个小写字母、数字或 "-" */
        channel?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            period: {
              from: string;
              to: string;
              timeZone: string;
              channel: string | null;
              previous: {
                from: string;
                to: string;
              };
            };
            channels: string[];
            rolledUpTo: string | null;
            volume: {
              conversations: number;
              previousConversations: number;
              change: number | null;
              heatmap: number[][];
              days: {
                date: string;
                conversations: number;
              }[];
              previousDays: {
                date: string;
                conversations: number;
              }[];
              peaks: {
                weekday: number;
                hour: number;
                conversations: number;
                perDay: number;
              }[];
            };
            intents: {
              intent: string;
              count: number;
              previousCount: number;
              change: number | null;
              lastDay: number;
              baseline: number;
              spike: boolean;
              days: number[];
            }[];
            service: {
              conversations: number;
              closed: number;
              automated: number;
              /** @description Closed conversations handed to a person at least once (closed − automated) / 至少转过一次人工的已关闭会话数 */
              handedOff: number;
              /** @description Handoffs queued: a conversation handed over twice counts twice, a transfer not again (agent workload) / 转人工次数（排队次数，同一会话两次算两次，转组不另计） */
              handoffs: number;
              resolved: number;
              /** @description automated / closed / 自动解决数 ÷ 已关闭数 */
              automationRate: number | null;
              /** @description Share of conversations handed to a person at least once: handedOff / closed / 转过人工的会话占比：handedOff ÷ closed */
              handoffRate: number | null;
              resolutionRate: number | null;
              firstResponse: {
                averageMs: number | null;
                count: number;
                /** @description Median, ms, within 2.5 % (from hourly rollup histograms) / 中位数（毫秒，误差 2.5% 以内） */
                p50Ms: number | null;
                /** @description 90th percentile, ms, within 2.5 % / 第 90 百分位（毫秒，误差 2.5% 以内） */
                p90Ms: number | null;
                /** @description Values the percentiles are of: below count only for days rolled up before percentiles were kept / 百分位所依据的数值个数 */
                percentileCount: number;
              };
              /** @description Queued → an agent took it, over the handoffs answered / 排队到客服接入（已接入的转人工） */
              wait: {
                averageMs: number | null;
                count: number;
                /** @description Median, ms, within 2.5 % (from hourly rollup histograms) / 中位数（毫秒，误差 2.5% 以内） */
                p50Ms: number | null;
                /** @description 90th percentile, ms, within 2.5 % / 第 90 百分位（毫秒，误差 2.5% 以内） */
                p90Ms: number | null;
                /** @description Values the percentiles are of: below count only for days rolled up before percentiles were kept / 百分位所依据的数值个数 */
                percentileCount: number;
              };
              /** @description Handoffs the customer left before an agent took them; rate = count / (count + wait.count), wait = queued → left / 排队中放弃的转人工：放弃率 = 放弃数 ÷（放弃数 + 已接入数），等待为排队到离开 */
              abandonedInQueue: {
                count: number;
                rate: number | null;
                wait: {
                  averageMs: number | null;
                  count: number;
                  /** @description Median, ms, within 2.5 % (from hourly rollup histograms) / 中位数（毫秒，误差 2.5% 以内） */
                  p50Ms: number | null;
                  /** @description 90th percentile, ms, within 2.5 % / 第 90 百分位（毫秒，误差 2.5% 以内） */
                  p90Ms: number | null;
                  /** @description Values the percentiles are of: below count only for days rolled up before percentiles were kept / 百分位所依据的数值个数 */
                  percentileCount: number;
                };
              };
              handling: {
                averageMs: number | null;
                count: number;
                /** @description Median, ms, within 2.5 % (from hourly rollup histograms) / 中位数（毫秒，误差 2.5% 以内） */
                p50Ms: number | null;
                /** @description 90th percentile, ms, within 2.5 % / 第 90 百分位（毫秒，误差 2.5% 以内） */
                p90Ms: number | null;
                /** @description Values the percentiles are of: below count only for days rolled up before percentiles were kept / 百分位所依据的数值个数 */
                percentileCount: number;
              };
              satisfaction: {
                average: number | null;
                count: number;
                distribution: number[];
              };
            };
            agents: {
              agentId: string;
              displayName: string;
              conversations: number;
              resolved: number;
              resolvedBySupervisor: number;
              resolutionRate: number | null;
              firstResponse: {
                averageMs: number | null;
                count: number;
              };
              handling: {
                averageMs: number | null;
                count: number;
              };
              satisfaction: {
                average: number | null;
                count: number;
              };
              quality: {
                average: number | null;
                count: number;
              };
            }[];
          };
        };
      };
      /** @description Bad date, period or channel / 日期、范围或渠道不合法 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAnalyticsJourneysIdFunnel: {
    parameters: {
      query?: {
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        from?: string;
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        to?: string;
        /** @description a lower-case letter, then up to 31 lower-case letters, digits or "-" / 小写字母开头，最多 32 个小写字母、数字或 "-" */
        channel?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workflowId: string;
            name: string;
            period: {
              from: string;
              to: string;
              timeZone: string;
              channel: string | null;
              previous: {
                from: string;
                to: string;
              };
            };
            started: number;
            completed: number;
            cancelled: number;
            nodes: {
              nodeId: string;
              label: string;
              type: string;
              entered: number;
              reached: number;
              left: number;
              waiting: number;
              dropped: number;
              reachedRate: number | null;
              time: {
                averageMs: number | null;
                count: number;
              };
            }[];
          };
        };
      };
      /** @description Bad date or period / 日期或范围不合法 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown workflow / 工作流不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAnalyticsStaffing: {
    parameters: {
      query?: {
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        date?: string;
        /** @description 1–40 lower-case letters, digits or "-" / 1–40 个小写字母、数字或 "-" */
        group?: string;
        /** @description a number from 0.01 to 0.99 / 0.01 到 0.99 之间的数 */
        targetLevel?: number;
        /** @description a number from 1 to 3600 / 1 到 3600 之间的数 */
        targetSeconds?: number;
        /** @description a number from 1 to 12 / 1 到 12 之间的数 */
        weeks?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            date: string;
            timeZone: string;
            group: string | null;
            target: {
              level: number;
              seconds: number;
            };
            weeksUsed: number;
            averageHandlingSeconds: number;
            agentsOnline: number;
            hours: {
              hour: number;
              forecast: number;
              agentsNeeded: number;
              serviceLevelOnline: number | null;
              missesTarget: boolean;
            }[];
          };
        };
      };
      /** @description Bad date, group or target / 参数不合法 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiAnalyticsRollup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ran: boolean;
            facts: number;
            days: number;
            ms: number;
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiAnalyticsExportTable: {
    parameters: {
      query?: {
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        from?: string;
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        to?: string;
        /** @description a lower-case letter, then up to 31 lower-case letters, digits or "-" / 小写字母开头，最多 32 个小写字母、数字或 "-" */
        channel?: string;
        /** @description a real date written YYYY-MM-DD / YYYY-MM-DD 格式、真实存在的日期 */
        date?: string;
        /** @description 1–40 lower-case letters, digits or "-" / 1–40 个小写字母、数字或 "-" */
        group?: string;
        /** @description a number from 0.01 to 0.99 / 0.01 到 0.99 之间的数 */
        targetLevel?: number;
        /** @description a number from 1 to 3600 / 1 到 3600 之间的数 */
        targetSeconds?: number;
        /** @description a number from 1 to 12 / 1 到 12 之间的数 */
        weeks?: number;
        /** @description a journey's id / 旅程的 id */
        workflowId?: string;
      };
      header?: never;
      path: {
        table: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Bad parameters / 参数不合法 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown table or workflow / 表或工作流不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiQualityRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: number;
            rules: {
              /** @enum {string} */
              id:
                | 'forbiddenWords'
                | 'noGreeting'
                | 'slowFirstResponse'
                | 'closedWithoutReply'
                | 'longSilence'
                | 'negativeEnding'
                | 'followUpWithoutTask';
              enabled: boolean;
              weight: number;
              params: {
                words?: {
                  zh: string[];
                  en: string[];
                };
                phrases?: {
                  zh: string[];
                  en: string[];
                };
                withinMessages?: number;
                seconds?: number;
                lastMessages?: number;
                threshold?: number;
              };
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiQualityRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rules: {
            forbiddenWords?: {
              enabled?: boolean;
              weight?: number;
              params?: {
                words: {
                  zh: string[];
                  en: string[];
                };
              };
            };
            noGreeting?: {
              enabled?: boolean;
              weight?: number;
              params?: {
                phrases:
                  | {
                      zh: string[];
                      en: string[];
                    }
                  | {
                      zh?: unknown;
                    }
                  | {
                      en?: unknown;
                    };
                withinMessages: number;
              };
            };
            slowFirstResponse?: {
              enabled?: boolean;
              weight?: number;
              params?: {
                seconds: number;
              };
            };
            closedWithoutReply?: {
              enabled?: boolean;
              weight?: number;
              params?: Record<string, never>;
            };
            longSilence?: {
              enabled?: boolean;
              weight?: number;
              params?: {
                seconds: number;
              };
            };
            negativeEnding?: {
              enabled?: boolean;
              weight?: number;
              params?: {
                lastMessages: number;
                threshold: number;
              };
            };
            followUpWithoutTask?: {
              enabled?: boolean;
              weight?: number;
              params?: {
                phrases:
                  | {
                      zh: string[];
                      en: string[];
                    }
                  | {
                      zh?: unknown;
                    }
                  | {
                      en?: unknown;
                    };
              };
            };
          };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: number;
            rules: {
              /** @enum {string} */
              id:
                | 'forbiddenWords'
                | 'noGreeting'
                | 'slowFirstResponse'
                | 'closedWithoutReply'
                | 'longSilence'
                | 'negativeEnding'
                | 'followUpWithoutTask';
              enabled: boolean;
              weight: number;
              params: {
                words?: {
                  zh: string[];
                  en: string[];
                };
                phrases?: {
                  zh: string[];
                  en: string[];
                };
                withinMessages?: number;
                seconds?: number;
                lastMessages?: number;
                threshold?: number;
              };
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiQualityReports: {
    parameters: {
      query?: {
        /** @description 1–64 letters, digits or "_.@:-" / 1–64 个字母、数字或 "_.@:-" */
        agentId?: string;
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        from?: string;
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        to?: string;
        /** @description a whole number from 1 to 200 / 1 到 200 之间的整数 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reports: {
              handoffId: string;
              conversationId: string;
              agentId: string;
              /** Format: date-time */
              at: string;
              score: number;
              effectiveScore: number;
              findings: {
                /** @enum {string} */
                rule:
                  | 'forbiddenWords'
                  | 'noGreeting'
                  | 'slowFirstResponse'
                  | 'closedWithoutReply'
                  | 'longSilence'
                  | 'negativeEnding'
                  | 'followUpWithoutTask';
                text: {
                  zh: string;
                  en: string;
                };
                seq?: number;
              }[];
              rulesetVersion: number;
              /** Format: date-time */
              inspectedAt: string;
              override?: {
                score: number;
                note: string;
                by: string;
                /** Format: date-time */
                at: string;
              };
              agentName?: string;
              endedBy?: string | null;
              endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
            }[];
            maxLimit: number;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiQualityReportsHandoffId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handoffId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            handoffId: string;
            conversationId: string;
            agentId: string;
            /** Format: date-time */
            at: string;
            score: number;
            effectiveScore: number;
            findings: {
              /** @enum {string} */
              rule:
                | 'forbiddenWords'
                | 'noGreeting'
                | 'slowFirstResponse'
                | 'closedWithoutReply'
                | 'longSilence'
                | 'negativeEnding'
                | 'followUpWithoutTask';
              text: {
                zh: string;
                en: string;
              };
              seq?: number;
            }[];
            rulesetVersion: number;
            /** Format: date-time */
            inspectedAt: string;
            override?: {
              score: number;
              note: string;
              by: string;
              /** Format: date-time */
              at: string;
            };
            agentName?: string;
            endedBy?: string | null;
            endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiQualityReportsHandoffIdOverride: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handoffId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          score: number;
          note: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            handoffId: string;
            conversationId: string;
            agentId: string;
            /** Format: date-time */
            at: string;
            score: number;
            effectiveScore: number;
            findings: {
              /** @enum {string} */
              rule:
                | 'forbiddenWords'
                | 'noGreeting'
                | 'slowFirstResponse'
                | 'closedWithoutReply'
                | 'longSilence'
                | 'negativeEnding'
                | 'followUpWithoutTask';
              text: {
                zh: string;
                en: string;
              };
              seq?: number;
            }[];
            rulesetVersion: number;
            /** Format: date-time */
            inspectedAt: string;
            override?: {
              score: number;
              note: string;
              by: string;
              /** Format: date-time */
              at: string;
            };
            agentName?: string;
            endedBy?: string | null;
            endedByRole?: ('admin' | 'operator' | 'agent' | 'viewer') | null;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiQualityAgents: {
    parameters: {
      query?: {
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        from?: string;
        /** @description a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z / 日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agents: {
              agentId: string;
              agentName: string;
              reports: number;
              averageScore: number;
              overridden: number;
            }[];
            truncated: boolean;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "read" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConversationsIdFollowUps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            followUps: {
              id: string;
              conversationId: string;
              seq: number;
              /** Format: date-time */
              dueAt: string;
              note: string;
              createdBy: string;
              /** Format: date-time */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not your conversation / 不是分配给你的会话 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiConversationsIdFollowUps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          dueAt: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            conversationId: string;
            seq: number;
            /** Format: date-time */
            dueAt: string;
            note: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiQuickReplies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            quickReplies: {
              id: string;
              title: string;
              text: {
                zh?: string;
                en?: string;
              };
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
            }[];
            placeholders: string[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "handle" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiQuickReplies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          text: {
            zh?: string;
            en?: string;
          };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            title: string;
            text: {
              zh?: string;
              en?: string;
            };
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
          };
        };
      };
      /** @description Empty, or an unknown placeholder / 内容为空或占位符未知 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putApiQuickRepliesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          text: {
            zh?: string;
            en?: string;
          };
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            title: string;
            text: {
              zh?: string;
              en?: string;
            };
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such quick reply / 快捷回复不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiQuickRepliesId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: string;
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "edit" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such quick reply / 快捷回复不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConversationsIdCustomerHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            verified: boolean;
            conversations: {
              id: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              status: 'open' | 'queued' | 'withAgent' | 'closed';
              intents: string[];
              messages: number;
              /** Format: date-time */
              closedAt?: string;
              channel?: string;
              orderId?: string;
              firstQuestion?: string;
            }[];
            orders: {
              orderId: string;
              status?: string;
              total?: number;
              currency?: string;
              createdAt?: string;
              trackingNumber?: string;
            }[];
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not your conversation / 不是分配给你的会话 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unknown id / 不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiConnections: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            sources: {
              id: string;
              kind: string;
              /** @enum {string} */
              origin: 'config' | 'stored';
              secretSet: boolean;
              secretHint?: string;
              /** Format: date-time */
              createdAt?: string;
              createdBy?: string;
              /** Format: date-time */
              rotatedAt?: string;
              rotatedBy?: string;
              previousSecretHint?: string;
              /** Format: date-time */
              previousSecretUntil?: string;
              eventTypes?: string[];
              intakePath?: string;
              lastEvent?: {
                type: string;
                /** Format: date-time */
                receivedAt: string;
              };
            }[];
            channels: {
              /** @enum {string} */
              channel: 'sms' | 'email' | 'wechat' | 'chat' | 'app' | 'staff';
              /** @enum {string} */
              kind: 'log' | 'webhook' | 'sms' | 'smtp' | 'chat';
              usesDefault: boolean;
              target?: string;
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiChannelsDeliveries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            since: string;
            hours: number;
            channels: {
              /** @enum {string} */
              channel: 'sms' | 'email' | 'wechat' | 'chat' | 'app' | 'staff';
              /** @enum {string} */
              kind: 'log' | 'webhook' | 'sms' | 'smtp' | 'chat';
              usesDefault: boolean;
              delivered: number;
              failed: number;
              /** @enum {string} */
              state: 'ok' | 'failing' | 'idle';
              /** Format: date-time */
              lastDeliveredAt?: string;
              lastFailure?: {
                code: string;
                message: string;
                retryable: boolean;
                /** Format: date-time */
                at: string;
              };
            }[];
          };
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "operate" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiChannelsChannelTest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          to: string;
          text?: string;
        };
      };
    };
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ok: boolean;
            channel: string;
            connector: string;
            durationMs: number;
            error?: {
              code: string;
              message: string;
              retryable: boolean;
            };
          };
        };
      };
      /** @description Invalid request: `details.problems` points at each fault of the body (`pointer`, `text` in zh and en), `details.parameter` names a bad query parameter / 请求无效 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not logged in / 未登录 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Needs the "admin" permission / 权限不足 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such channel / 渠道不存在 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON (Content-Type) / 请求体不是 JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiEventTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            eventTypes: Record<string, never>[];
          };
        };
      };
    };
  };
  getApiDocs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK / 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
}
