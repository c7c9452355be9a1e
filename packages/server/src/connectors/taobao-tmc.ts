import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventIntake } from '../intake/event-intake.ts';
import type { EventSource } from '../intake/event-source.ts';
import { readCloudEvents } from '../intake/cloud-event.ts';
import { asObject, asText, parsePlatformJson } from '../intake/platforms/platform-json.ts';
import { translateTmc, type TaobaoTmcConfig } from '../intake/platforms/taobao.adapter.ts';
import { beijingText } from '../intake/platforms/beijing-time.ts';

/** TOP's request signature: MD5 of secret + sorted `key value` pairs + secret, upper-case hex. */
export function topSign(params: Record<string, string>, secret: string): string {
  const base = Object.keys(params)
    .sort()
    .map((key) => `${key}${params[key]}`)
    .join('');
  return createHash('md5').update(`${secret}${base}${secret}`).digest('hex').toUpperCase();
}

/**
 * Pulls a Taobao/Tmall shop's TMC messages (TMC is pulled, never pushed: `taobao.tmc.messages.
 * consume`), records each through the intake as an event, then confirms them, so a crash in
 * between only repeats messages (duplicates by their TMC id).
 */
export class TmcPoller {
  readonly #source: EventSource & { taobao: TaobaoTmcConfig };
  readonly #intake: EventIntake;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(source: EventSource & { taobao: TaobaoTmcConfig }, intake: EventIntake, log: Logger) {
    this.#source = source;
    this.#intake = intake;
    this.#log = log;
  }

  async #call(method: string, extra: Record<string, string>): Promise<Record<string, unknown>> {
    const { appKey, session, gateway } = this.#source.taobao;
    const params: Record<string, string> = {
      method,
      app_key: appKey,
      session,
      timestamp: beijingText(new Date()),
      format: 'json',
      v: '2.0',
      sign_method: 'md5',
      ...extra,
    };
    params['sign'] = topSign(params, this.#source.secret);
    const response = await fetch(gateway ?? 'https://eco.taobao.com/router/rest', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = asObject(parsePlatformJson(await response.text()));
    const error = asObject(answer['error_response']);
    if (Object.keys(error).length > 0) throw new Error(`TOP ${method}: ${JSON.stringify(error)}`);
    return answer;
  }

  /**
   * One pull: records the messages and confirms them; returns how many came. None is pulled
   * while the runtime is behind (`intake.maxBacklog`), as a webhook would be answered 503: TMC
   * keeps unconfirmed messages, and a shop's backlog (after an outage, on a sales day) would
   * otherwise be pulled 100 at a time, without pause, into memory.
   */
  async pollOnce(): Promise<number> {
    if (this.#intake.overloaded()) return 0;
    const group = this.#source.taobao.groupName ?? 'default';
    const answer = await this.#call('taobao.tmc.messages.consume', {
      quantity: '100',
      group_name: group,
    });
    const body = asObject(answer['tmc_messages_consume_response']);
    const list = asObject(body['messages'])['tmc_message'];
    const messages = Array.isArray(list) ? list : [];
    const done: string[] = [];
    for (const message of messages) {
      const translation = translateTmc(message, new Date());
      const topic = asText(asObject(message)['topic']) ?? 'tmc';
      if ('events' in translation) {
        const { events, problems } = readCloudEvents(translation.events);
        if (problems.length > 0) {
          this.#log.warn({ problems }, 'a TMC message made no valid event');
          this.#intake.refused(this.#source.id, 'invalid', { type: topic, problems });
        } else await this.#intake.record(this.#source.id, events);
      } else if ('invalid' in translation) {
        this.#log.warn({ problems: translation.invalid }, 'a TMC message was malformed');
        this.#intake.refused(this.#source.id, 'invalid', {
          type: topic,
          problems: translation.invalid,
        });
      } else
        this.#intake.refused(this.#source.id, 'topic-ignored', {
          type: topic,
          reason: translation.ignored,
        });
      const id = asText(asObject(message)['id']);
      if (id) done.push(id);
    }
    if (done.length > 0)
      await this.#call('taobao.tmc.messages.confirm', {
        s_message_ids: done.join(','),
        group_name: group,
      });
    return messages.length;
  }

  start(): void {
    const loop = async (): Promise<void> => {
      let came = 0;
      try {
        came = await this.pollOnce();
      } catch (error) {
        this.#log.warn({ err: error, source: this.#source.id }, 'pulling TMC messages failed');
      }
      if (this.#stopped) return;
      this.#timer = setTimeout(
        () => {
          this.#running = loop();
        },
        came > 0 ? 0 : (this.#source.taobao.pollMs ?? 5_000),
      );
    };
    this.#running = loop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}

/** Starts a poller for each `taobao` source; the returned function stops them all. */
export function startTmcPollers(
  sources: EventSource[],
  intake: EventIntake,
  log: Logger,
): () => Promise<void> {
  const pollers = sources
    .filter(
      (s): s is EventSource & { taobao: TaobaoTmcConfig } => s.kind === 'taobao' && !!s.taobao,
    )
    .map((source) => new TmcPoller(source, intake, log));
  for (const poller of pollers) poller.start();
  return async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
  };
}
