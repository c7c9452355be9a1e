import type { ArticleInput } from '@xiaoer/server/internal';

const ZH_PRODUCTS = [
  '连衣裙',
  '运动鞋',
  '蓝牙耳机',
  '保温杯',
  '双肩包',
  '机械键盘',
  '电饭煲',
  '羽绒服',
  '台灯',
  '行李箱',
  '吹风机',
  '瑜伽垫',
  '咖啡机',
  '儿童座椅',
  '空气炸锅',
  '床上四件套',
  '电动牙刷',
  '登山杖',
  '智能手表',
  '香薰机',
];
const EN_PRODUCTS = [
  'dress',
  'running shoes',
  'headphones',
  'water bottle',
  'backpack',
  'keyboard',
  'rice cooker',
  'down jacket',
  'desk lamp',
  'suitcase',
  'hair dryer',
  'yoga mat',
  'coffee machine',
  'car seat',
  'air fryer',
  'bedding set',
  'toothbrush',
  'hiking poles',
  'smart watch',
  'diffuser',
];
const ZH_TOPICS: [string, string, string][] = [
  ['怎么保修', '保修期多久', '坏了能修吗'],
  ['怎么清洗', '能机洗吗', '清洁方法'],
  ['尺码怎么选', '偏大还是偏小', '有几个尺码'],
  ['是什么材质', '用的什么面料', '材料安全吗'],
  ['怎么安装', '安装教程', '需要自己装吗'],
  ['有哪些颜色', '还有别的颜色吗', '颜色会褪色吗'],
  ['什么时候发货', '几天能发货', '现货还是预售'],
  ['可以退货吗', '退货流程', '不合适能退吗'],
  ['耗电吗', '电池能用多久', '充满电要多久'],
  ['有赠品吗', '送什么礼物', '有没有优惠'],
];
const EN_TOPICS: [string, string, string][] = [
  ['warranty for the {p}', 'how long is the {p} warranty', 'repair my broken {p}'],
  ['how to clean the {p}', 'can I wash the {p}', 'cleaning the {p}'],
  ['which size of {p} should I buy', 'does the {p} run small', 'sizes of the {p}'],
  ['what material is the {p}', 'what fabric is the {p} made of', 'is the {p} material safe'],
  ['how to install the {p}', 'installation guide for the {p}', 'do I assemble the {p} myself'],
  ['colours of the {p}', 'other colours for the {p}', 'will the {p} colour fade'],
  ['when does the {p} ship', 'is the {p} in stock', 'shipping time for the {p}'],
  ['can I return the {p}', 'return the {p}', 'the {p} does not fit, can I send it back'],
  ['battery life of the {p}', 'how long does the {p} battery last', 'charging time of the {p}'],
  ['free gift with the {p}', 'discount on the {p}', 'any promotion for the {p}'],
];

/** A small deterministic PRNG (mulberry32), so every run measures the same articles. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedArticle {
  input: ArticleInput & { id: string };
  /** A question a customer might ask that this article should answer (not one of its phrasings). */
  paraphrase: string;
}

/** `count` articles, half zh, half en: a product model × a topic, three phrasings each. */
export function generateArticles(count: number, seed = 42): GeneratedArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const zh = i % 2 === 0;
    const model = `${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
    const topic = (zh ? ZH_TOPICS : EN_TOPICS)[Math.floor(i / 2) % ZH_TOPICS.length] as [
      string,
      string,
      string,
    ];
    const product = `${model} ${pick(zh ? ZH_PRODUCTS : EN_PRODUCTS)}`;
    const phrasings = topic.map((t) => (zh ? `${product}${t}` : t.replace('{p}', product)));
    const [first, second, third] = phrasings as [string, string, string];
    articles.push({
      input: {
        id: `gen-${i}`,
        questions: [first, second],
        answer: zh
          ? { zh: `关于 ${product}：请查看商品详情页。` }
          : { en: `About the ${product}: see the product page.` },
        tags: ['generated'],
      },
      paraphrase: zh ? `你好，请问${third}？` : `hi, ${third.replace(/e/, 'ee')}?`,
    });
  }
  return articles;
}
