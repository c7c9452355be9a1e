/** A mainland address a customer wrote, split into its parts (each as written). */
export interface ChineseAddress {
  text: string;
  province?: string;
  city?: string;
  district?: string;
  street?: string;
  /** House number, building, unit, room: whatever follows the street. */
  detail?: string;
}

const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
].join('|');

const PROVINCE = `(?<province>(?:${PROVINCES})(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)?)`;
const CITY = String.raw`(?<city>\p{Script=Han}{2,4}?(?:市|自治州|地区|盟))`;
const DISTRICT = String.raw`(?<district>\p{Script=Han}{1,5}?(?:区|县|旗|市))`;
const STREET = String.raw`(?<street>[\p{Script=Han}\d]{1,10}?(?:街道|大道|路|街|巷|胡同|镇|乡|弄))`;
const DETAIL = String.raw`(?<detail>[\p{Script=Han}\dA-Za-z\-]*?\d+(?:号楼|号|弄|栋|幢|单元|室|楼|层)(?:[\dA-Za-z\-]+(?:号楼|号|弄|栋|幢|单元|室|楼|层))*\d*)`;
/** Words customers put right before an address when no province starts it. */
const CUE = String.raw`(?:地址[是为改成:：\s]*|寄到|送到|改到|改成|改为|发到|寄往|送往|收货地址[是为:：\s]*|[:：\s,，]|^)`;

const WITH_PROVINCE = new RegExp(`${PROVINCE}${CITY}?${DISTRICT}?${STREET}?${DETAIL}?`, 'gu');
const AFTER_CUE = new RegExp(`(?<=${CUE})${CITY}${DISTRICT}?${STREET}?${DETAIL}?`, 'gu');

function parts(match: RegExpMatchArray): ChineseAddress | undefined {
  const groups = match.groups ?? {};
  const named = ['province', 'city', 'district', 'street'].filter((name) => groups[name]);
  // One part alone ("上海", "杭州市") is a place, not an address.
  if (named.length < 2) return undefined;
  const address: ChineseAddress = { text: match[0] };
  for (const name of ['province', 'city', 'district', 'street', 'detail'] as const) {
    const value = groups[name];
    if (value) address[name] = value;
  }
  return address;
}

/**
 * Mainland addresses in a message: a province (or a city after a word such as 寄到, 改成,
 * 地址) followed by city, district, street and number, at least two of the four named parts.
 * The parts are kept as written; checking that the district lies in the city is the
 * address book's job.
 *
 * @example
 * findChineseAddresses('地址改成浙江省杭州市西湖区文三路100号')[0]
 * // { text: '浙江省杭州市西湖区文三路100号', province: '浙江省', city: '杭州市',
 * //   district: '西湖区', street: '文三路', detail: '100号' }
 */
export function findChineseAddresses(text: string): ChineseAddress[] {
  const found: ChineseAddress[] = [];
  const covered: [number, number][] = [];
  for (const pattern of [WITH_PROVINCE, AFTER_CUE]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.some(([from, to]) => start < to && end > from)) continue;
      const address = parts(match);
      if (address) {
        found.push(address);
        covered.push([start, end]);
      }
    }
  }
  return found;
}
