import { describe, expect, it } from 'vitest';
import { findChineseAddresses } from './chinese-address.ts';

describe('findChineseAddresses', () => {
  it('should split a full address into province, city, district, street and detail', () => {
    expect(findChineseAddresses('地址改成浙江省杭州市西湖区文三路100号 谢谢')).toEqual([
      {
        text: '浙江省杭州市西湖区文三路100号',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        street: '文三路',
        detail: '100号',
      },
    ]);
  });

  it.each([
    [
      '寄到北京市朝阳区建国路88号3号楼2单元501',
      { province: '北京市', district: '朝阳区', street: '建国路', detail: '88号3号楼2单元501' },
    ],
    [
      '改到上海市浦东新区张江路100弄',
      { province: '上海市', district: '浦东新区', street: '张江路', detail: '100弄' },
    ],
    ['收货地址：杭州市余杭区仓前街道', { city: '杭州市', district: '余杭区', street: '仓前街道' }],
    [
      '新疆维吾尔自治区乌鲁木齐市天山区',
      { province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区' },
    ],
  ])('should read %j', (text, expected) => {
    expect(findChineseAddresses(text)[0]).toMatchObject(expected);
  });

  it.each(['我在上海', '寄到杭州市', '我想改地址', 'ship it to my office'])(
    'should find no address in %j',
    (text) => {
      expect(findChineseAddresses(text)).toEqual([]);
    },
  );
});
