/**
 * The examples of the operators' own `giftCard` intent, the same in every test that saves one
 * (the API, the chat's actions, two servers, the console in Chromium).
 *
 * Saving an intent trains the whole model again (about 5 s of CPU, more under load), and the
 * trained model is stored under the hash of its examples (`intent-model-cache.ts`): with the
 * same examples, the first file of a run to save `giftCard` trains it and the others read it
 * (about 30 ms), as a second server of a shop does. The action, title and description are not
 * trained on, so each file still chooses its own.
 */
export const GIFT_CARD_EXAMPLES = {
  zh: ['礼品卡怎么用', '礼品卡余额怎么查', '购物卡能抵扣吗', '我有张礼品卡怎么绑定'],
  en: ['how do I use a gift card', 'check my gift card balance', 'redeem a gift card'],
};
