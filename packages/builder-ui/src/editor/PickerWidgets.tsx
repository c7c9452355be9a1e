import { useEffect, useState } from 'react';
import { AutoComplete, Select } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { connectionsApi } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { channelName } from './node-summary.ts';

/**
 * The events Xiaoer knows a meaning for: what the shop platforms and the demo shop send, the
 * chat, and what the shipped journeys wait for. Any other name can still be typed.
 */
export const KNOWN_EVENTS: { type: string; zh: string; en: string }[] = [
  { type: 'order.created', zh: '订单创建', en: 'Order created' },
  { type: 'order.paid', zh: '订单付款', en: 'Order paid' },
  { type: 'order.shipped', zh: '订单发货', en: 'Order shipped' },
  { type: 'order.delivered', zh: '订单签收', en: 'Order delivered' },
  { type: 'order.cancelled', zh: '订单取消', en: 'Order cancelled' },
  { type: 'order.refunded', zh: '订单退款', en: 'Order refunded' },
  { type: 'order.updated', zh: '订单更新', en: 'Order updated' },
  { type: 'refund.requested', zh: '申请退款', en: 'Refund requested' },
  { type: 'refund.reviewed', zh: '退款审核完成', en: 'Refund reviewed' },
  { type: 'address.changeRequested', zh: '申请改地址', en: 'Address change requested' },
  { type: 'invoice.reissueRequested', zh: '申请重开发票', en: 'Invoice reissue requested' },
  { type: 'conversation.message', zh: '客户在聊天中发消息', en: 'Customer message in the chat' },
  { type: 'handoff.resolved', zh: '人工服务结束', en: 'Agent resolved the handoff' },
];

/** The known events matching what was typed (by the type or its meaning); all for nothing. */
export function eventChoices(typed: string, language: Language): typeof KNOWN_EVENTS {
  const lower = typed.toLowerCase();
  return KNOWN_EVENTS.filter(
    (e) => !lower || e.type.toLowerCase().includes(lower) || e[language].includes(typed),
  );
}

/**
 * An event type: pick a known one (with its meaning in zh/en) or type another. The list
 * narrows to what is typed since the field was entered: entering a field that holds an event
 * (a new trigger's `order.created`) offers all of them, so another is one click away rather
 * than after clearing the field.
 */
export function EventTypeWidget(props: WidgetProps) {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const value = typeof props.value === 'string' ? props.value : '';
  const [typed, setTyped] = useState('');
  return (
    <AutoComplete
      id={props.id}
      value={value}
      disabled={props.disabled || props.readonly}
      data-testid={`event-picker-${props.id}`}
      onSearch={setTyped}
      options={eventChoices(typed, language).map((e) => ({
        value: e.type,
        label: (
          <span>
            <code>{e.type}</code> · {e[language]}
          </span>
        ),
      }))}
      onChange={(next: string) => props.onChange(next === '' ? props.options.emptyValue : next)}
      onBlur={() => props.onBlur(props.id, value)}
      onFocus={() => {
        setTyped('');
        props.onFocus(props.id, value);
      }}
    />
  );
}

/**
 * How each channel delivers (`GET /api/connections`, admins), asked once per page load when
 * the answer came: a refusal is not kept, so an admin who logs in after an operator sees it.
 */
let connectors: Promise<Map<string, string>> | undefined;
function channelConnectors(): Promise<Map<string, string>> {
  connectors ??= connectionsApi.list().then(
    (view) => new Map(view.channels.map((row) => [row.channel, row.kind])),
    // Not an admin (or offline): the picker shows the channels without their connectors.
    () => {
      connectors = undefined;
      return new Map<string, string>();
    },
  );
  return connectors;
}

/**
 * A channel by its name in the console's language (短信 / SMS …), from the schema's list, with
 * how the server is configured to deliver it when the operator may see that: a channel that
 * only writes a log says so before a journey relies on it.
 */
export function ChannelWidget(props: WidgetProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [kinds, setKinds] = useState<Map<string, string>>();
  useEffect(() => {
    let live = true;
    void channelConnectors().then((found) => live && setKinds(found));
    return () => {
      live = false;
    };
  }, []);
  const choices = (props.options.enumOptions ?? []).map((option) => String(option.value));
  return (
    <Select
      id={props.id}
      value={typeof props.value === 'string' ? props.value : undefined}
      disabled={props.disabled || props.readonly}
      data-testid={`channel-picker-${props.id}`}
      options={choices.map((channel) => {
        const kind = kinds?.get(channel);
        const name = `${channelName(channel, language)} (${channel})`;
        return {
          value: channel,
          label: kind ? `${name} · ${t(`sources.kinds.${kind}`)}` : name,
        };
      })}
      onChange={(next: string) => props.onChange(next)}
    />
  );
}
