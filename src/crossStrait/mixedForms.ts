/**
 * Traditional text with one simplified character mixed in, as it is often typed (an input method's
 * simplified candidate, a paragraph pasted from a mainland source and half converted): 關系 for 關係, 聯系 for
 * 聯繫, 維系 for 維繫, 伙伴 for 夥伴 (合作伙伴 for 合作夥伴). OpenCC converts only the all-simplified forms (关系 → 關係), since 系 and
 * 伙 are traditional characters too; these phrases put the mixed forms first in the conversion's first stage.
 * A longer phrase wins over a shorter one, so the words where 關 / 聯 end one word and 系 starts the next
 * (有關 + 系統, 機關 + 系列, 關 + 系所) are listed as converting to themselves: 有關系統 stays 有關系統. Written for
 * this project in OpenCC's dictionary format ("source target|source target").
 */
export const MIXED_FORMS = [
  '關系 關係',
  '聯系 聯繫',
  '維系 維繫',
  '伙伴 夥伴',
  '合伙 合夥',
  // OpenCC keeps 合作伙伴 as it is (a phrase of its own, which would win over 伙伴 here); Taiwan writes 合作夥伴.
  '合作伙伴 合作夥伴',
  '關系統 關系統',
  '關系列 關系列',
  '關系所 關系所',
  '關系譜 關系譜',
  '聯系統 聯系統',
  '聯系列 聯系列',
].join('|');
