/**
 * Laws that are not Taiwan's: a name written after a country or union (德國民法, 日本の個人情報保護法, 歐盟的一般資料
 * 保護規則) or a foreign law's own name. They give no Taiwanese law and no unknown-law report.
 */
const COUNTRIES = [
  '中國大陸', '中華人民共和國', '大陸地區', '德意志', '新加坡', '奧地利', '義大利', '意大利', '加拿大', '紐西蘭', '俄羅斯', '西班牙', '葡萄牙', '比利時', '愛爾蘭', '以色列', '馬來西亞', '菲律賓', '印尼', '印度',
  '德國', '日本', '美國', '歐盟', '英國', '法國', '韓國', '南韓', '北韓', '中國', '大陸', '香港', '澳門', '瑞士', '荷蘭', '澳洲', '泰國', '越南', '瑞典', '丹麥', '芬蘭', '挪威', '巴西', '墨西哥', '聯邦', '加州', '紐約州', '各國', '外國', '他國', '歐洲', '國際',
  '德', '日', '美', '英', '韓', '陸',
];
/** Foreign laws writers name in Chinese without a country before them. */
const FOREIGN_NAMES = new Set(['一般資料保護規則', '個人情報保護法', '民法典', '基本法', '聯邦資料保護法', '數位服務法', '數位市場法', '人工智慧法', '資料法', '資料治理法', '網路安全法', '數據安全法', '個人信息保護法', '反壟斷法', '商法典', '刑法典', '民事訴訟法典', '憲法修正案', '威瑪憲法', '電信事業法', '不正競爭防止法', '獨占禁止法', '金融商品交易法']);
const PARTICLES = ['的', '之', '《', '「', ' ', '　'];

/**
 * Whether `name`, or the words right before `nameStart`, make the law a foreign one. A name in the index is
 * Taiwan's whatever it starts with (香港澳門關係條例, 國際機場園區發展條例): only the words before it count then.
 */
export function isForeignLaw(text: string, nameStart: number, name: string, known = false): boolean {
  if (!known && FOREIGN_NAMES.has(name)) return true;
  // 德國民法, 美國加州消費者隱私法: an unknown name that itself starts with a country (one-character forms excluded: 日…).
  if (!known && COUNTRIES.some((country) => country.length >= 2 && name.startsWith(country) && name.length > country.length)) return true;
  let end = nameStart;
  for (let guard = 0; guard < 3 && end > 0 && PARTICLES.includes(text[end - 1]!); guard++) end--;
  return COUNTRIES.some((country) => end >= country.length && text.startsWith(country, end - country.length) && (country.length >= 2 || end === nameStart));
}
