// Context words shared by several recognizers.

/**
 * Words that name a number as an order, parcel or other business identifier — not personal data:
 * orders and parcels, product ids, SKUs and model numbers, serial and batch numbers.
 */
export const BUSINESS_NUMBER_WORDS = [
  '订单', '单号', '运单', '快递单', '物流单', '编号', '流水', '批次', '批号', '条码', '货号', '款号', '型号', '工单', '售后单', '退货单',
  '商品id', '产品id', '宝贝id', '商品码', '商品编码', '产品编码', '物料', '序列号', '串号', '机身码', '识别码', '激活码', '兑换码', '券码',
  'order', 'tracking', 'waybill', 'sku', 'spu', 'asin', 'sn', 'imei', 'meid', 'serial', 'model', 'item', 'no.',
] as const;

/** Words that name a number as a phone number. */
export const PHONE_WORDS = [
  '电话', '手机', '号码', '联系方式', '联系', '致电', '拨打', '来电', '回电', '短信', '座机', '固话', '微信',
  'tel', 'phone', 'mobile', 'call', 'contact',
] as const;
