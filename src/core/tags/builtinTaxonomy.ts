/**
 * The built-in tag taxonomy: the article tags (文章標籤) a Taiwanese technology-law research institute files
 * its commentary under, each with an English label, a one-sentence description and the other ways people
 * write it (synonyms, abbreviations, mainland-Chinese terms, English terms) so any of them finds the tag.
 *
 * Invariants to keep when editing: every tag and every synonym is unique across the
 * whole taxonomy, compared case-insensitively after trimming; `broader` names a tag of this taxonomy; no tag
 * is longer than 12 characters; labels are in sentence case.
 *
 * Choices made once and kept consistent: AI治理 belongs to 人工智慧監管; 隱私 is a synonym of 個人資料保護
 * (no separate privacy tag); 數據保護 → 個人資料保護 and 數據安全 → 資通安全; 新創採購 is a synonym of
 * 創新採購, whose broader tag is 政府採購.
 */

/** One tag of the taxonomy: the canonical tag as articles write it, and what helps people find and choose it. */
export interface TagDefinition {
  /** The canonical tag (Traditional Chinese, Taiwan usage), e.g. 人工智慧監管. */
  readonly tag: string;
  /** English label, e.g. "AI regulation". */
  readonly label: string;
  /** One short sentence in Traditional Chinese on what the tag covers. */
  readonly description?: string;
  /** Other ways people write it: synonyms, abbreviations, mainland-Chinese terms, English terms. Each maps to this tag. */
  readonly synonyms: readonly string[];
  /** A broader tag of this taxonomy, when there is one (e.g. 人工智慧監管 → 人工智慧). */
  readonly broader?: string;
}

export const BUILTIN_TAXONOMY: readonly TagDefinition[] = [
  // ── Artificial intelligence ────────────────────────────────────────────────────────────────────────
  {
    tag: '人工智慧',
    label: 'Artificial intelligence',
    description: '人工智慧技術的發展、應用與其帶來的法律及政策議題。',
    synonyms: ['AI', '人工智能', 'artificial intelligence', '機器學習', 'machine learning'],
  },
  {
    tag: '人工智慧監管',
    label: 'AI regulation',
    description: '各國對人工智慧的立法、監理架構與治理原則。',
    synonyms: [
      'AI監管',
      'AI治理',
      'AI法規',
      '人工智慧治理',
      '人工智能監管',
      '人工智能治理',
      '人工智慧法',
      '人工智慧基本法',
      'AI Act',
      'AI regulation',
      'AI governance',
    ],
    broader: '人工智慧',
  },
  {
    tag: '人工智慧風險管理',
    label: 'AI risk management',
    description: '辨識、評估並降低人工智慧系統風險的框架、方法與實務。',
    synonyms: ['AI風險管理', 'AI風險', '人工智慧風險', '人工智能風險管理', 'AI RMF', 'AI risk management'],
    broader: '人工智慧',
  },
  {
    tag: '人工智慧安全',
    label: 'AI safety',
    description: '先進人工智慧模型的安全測試、評估機制與相關研究機構。',
    synonyms: ['AI安全', '人工智能安全', 'AI safety', 'AI安全研究所', 'AI Safety Institute'],
    broader: '人工智慧',
  },
  {
    tag: '生成式人工智慧',
    label: 'Generative AI',
    description: '能產生文字、圖像、聲音等內容的人工智慧模型及其法律爭議。',
    synonyms: [
      'GenAI',
      '生成式AI',
      '生成式人工智能',
      'generative AI',
      '大型語言模型',
      '大語言模型',
      'LLM',
      'ChatGPT',
    ],
    broader: '人工智慧',
  },
  {
    tag: '深度偽造',
    label: 'Deepfakes',
    description: '以人工智慧合成或竄改影音內容所生的詐騙、名譽與選舉等問題。',
    synonyms: ['深偽', 'deepfake', '深度合成', 'AI換臉'],
    broader: '生成式人工智慧',
  },
  {
    tag: '演算法透明',
    label: 'Algorithmic transparency',
    description: '要求演算法決策可被說明、檢視與問責的規範與實踐。',
    synonyms: ['演算法透明度', '算法透明', '演算法問責', '可解釋人工智慧', '可解釋AI', 'XAI', 'algorithmic transparency'],
    broader: '人工智慧監管',
  },

  // ── Data ───────────────────────────────────────────────────────────────────────────────────────────
  {
    tag: '巨量資料',
    label: 'Big data',
    description: '大規模資料的蒐集、分析技術及其應用所涉的法制議題。',
    synonyms: ['大數據', '大資料', '海量數據', 'big data'],
  },
  {
    tag: '資料運用',
    label: 'Data utilization',
    description: '公私部門利用、分享與加值資料的機制及其法律界線。',
    synonyms: ['數據運用', '數據利用', '資料利用', '資料應用', '數據應用', '資料共享', '數據共享', 'data utilization', 'data sharing'],
  },
  {
    tag: '資料治理',
    label: 'Data governance',
    description: '組織與國家管理資料品質、權責、存取與流通的制度安排。',
    synonyms: ['數據治理', '資料管理', '資料信託', 'data governance'],
  },
  {
    tag: '資料經濟',
    label: 'Data economy',
    description: '以資料為生產要素的市場、交易模式與產業發展。',
    synonyms: ['數據經濟', '數據要素', '資料市場', '資料交易', '數據交易', 'data economy'],
    broader: '數位經濟',
  },
  {
    tag: '開放資料',
    label: 'Open data',
    description: '政府及公共機關以開放格式與授權釋出資料供各界自由利用。',
    synonyms: ['開放數據', '政府開放資料', '開放政府資料', 'open data', 'open government data'],
    broader: '資料治理',
  },
  {
    tag: '個人資料保護',
    label: 'Personal data protection',
    description: '個人資料蒐集、處理與利用的規範，以及隱私權的保障。',
    synonyms: [
      '個資保護',
      '個資法',
      '個資',
      '個人資料',
      '個人資料保護法',
      '個人信息保護',
      '個人信息保護法',
      '數據保護',
      '隱私',
      '隱私權',
      '隱私保護',
      'GDPR',
      'PIPL',
      'data protection',
      'privacy',
    ],
  },
  {
    tag: '跨境傳輸',
    label: 'Cross-border data transfer',
    description: '個人資料及其他資料跨越國境傳輸時的限制與合規機制。',
    synonyms: [
      '跨境資料傳輸',
      '資料跨境傳輸',
      '個資跨境傳輸',
      '數據跨境',
      '跨境數據流動',
      '跨境資料流通',
      'cross-border data transfer',
      'cross-border data flow',
    ],
    broader: '資料治理',
  },

  // ── Security and identity ──────────────────────────────────────────────────────────────────────────
  {
    tag: '資通安全',
    label: 'Cybersecurity',
    description: '資訊系統、網路與資料的安全防護及事件通報應變制度。',
    synonyms: [
      '網絡安全',
      '網路安全',
      '資安',
      '資訊安全',
      '信息安全',
      '數據安全',
      '資料安全',
      '資通安全管理法',
      'cybersecurity',
      'information security',
    ],
  },
  {
    tag: '關鍵基礎設施',
    label: 'Critical infrastructure',
    description: '能源、水資源、通訊、金融等關鍵基礎設施的防護與韌性。',
    synonyms: ['關鍵資訊基礎設施', 'CII', 'critical infrastructure'],
    broader: '資通安全',
  },
  {
    tag: '網路犯罪',
    label: 'Cybercrime',
    description: '利用網路或資訊系統實施的犯罪及其偵查與防制。',
    synonyms: ['網路詐騙', '電信詐騙', '詐欺防制', '打詐', '網絡犯罪', 'cybercrime'],
  },
  {
    tag: '數位身分',
    label: 'Digital identity',
    description: '線上識別與驗證個人身分的機制、數位憑證與數位皮夾。',
    synonyms: ['數位身份', '數位身分證', '數位身分識別', '數位皮夾', 'eID', 'digital identity'],
    broader: '數位治理',
  },
  {
    tag: '電子簽章',
    label: 'Electronic signatures',
    description: '電子文件與電子簽章的法律效力及其認證制度。',
    synonyms: ['電子簽名', '數位簽章', '電子簽章法', 'e-signature', 'electronic signature'],
  },

  // ── Digital government ─────────────────────────────────────────────────────────────────────────────
  {
    tag: '數位治理',
    label: 'Digital governance',
    description: '政府運用數位科技提供服務、推動施政與公共參與的方式。',
    synonyms: ['數位政府', '電子化政府', '電子治理', '政府數位轉型', 'digital government', 'e-government', 'digital governance'],
  },
  {
    tag: '智慧城市',
    label: 'Smart cities',
    description: '以資通訊科技改善城市交通、能源與公共服務的規劃及法制。',
    synonyms: ['智慧城鄉', '智能城市', 'smart city'],
  },

  // ── Intellectual property and R&D ──────────────────────────────────────────────────────────────────
  {
    tag: '智慧財產權',
    label: 'Intellectual property',
    description: '專利、著作權、商標與營業秘密等無形資產的保護與運用。',
    synonyms: ['智財權', '智財', '知識產權', 'intellectual property', 'IPR'],
  },
  {
    tag: '專利',
    label: 'Patents',
    description: '發明與技術創新的專利取得、授權、侵權與訴訟。',
    synonyms: ['專利權', '專利法', 'patent'],
    broader: '智慧財產權',
  },
  {
    tag: '著作權',
    label: 'Copyright',
    description: '著作的保護範圍、合理使用與授權利用，包括人工智慧訓練資料的爭議。',
    synonyms: ['版權', '著作權法', 'copyright'],
    broader: '智慧財產權',
  },
  {
    tag: '營業秘密',
    label: 'Trade secrets',
    description: '企業機密資訊的保護措施、竊取責任與人才流動相關爭議。',
    synonyms: ['商業秘密', '營業秘密法', 'trade secret'],
    broader: '智慧財產權',
  },
  {
    tag: '商標',
    label: 'Trademarks',
    description: '商標的註冊、使用與侵權，以及網路環境中的品牌保護。',
    synonyms: ['商標權', '商標法', 'trademark'],
    broader: '智慧財產權',
  },
  {
    tag: '研發成果運用',
    label: 'Commercialization of R&D results',
    description: '政府資助研發成果的歸屬、技術移轉與產業化機制。',
    synonyms: ['技術移轉', '技轉', '研發成果歸屬', '科研成果轉化', '科技成果轉化', '拜杜法', 'Bayh-Dole', 'technology transfer'],
    broader: '科技政策',
  },

  // ── Science, technology and industry policy ────────────────────────────────────────────────────────
  {
    tag: '科技政策',
    label: 'Science and technology policy',
    description: '國家推動科學研究與技術發展的策略、預算與法制基礎。',
    synonyms: ['科技基本法', '科學技術政策', '科技治理', 'science and technology policy', 'technology policy'],
  },
  {
    tag: '產業創新',
    label: 'Industrial innovation',
    description: '促進產業研發、升級與轉型的獎勵措施及法制環境。',
    synonyms: ['產業創新條例', '產創條例', '產業升級', 'industrial innovation'],
  },
  {
    tag: '新創事業',
    label: 'Startups',
    description: '新創公司的設立、募資、人才與成長所需的法制支持。',
    synonyms: ['新創', '新創公司', '新創企業', '初創企業', 'startup', 'start-up'],
  },
  {
    tag: '法規調適',
    label: 'Regulatory adaptation',
    description: '為因應新興科技與商業模式而檢討、鬆綁或調整既有法規。',
    synonyms: ['法規鬆綁', '法規調整', '法規調和', 'regulatory reform'],
  },
  {
    tag: '監理沙盒',
    label: 'Regulatory sandbox',
    description: '在限定範圍與期間內暫時豁免法規以測試創新服務的實驗機制。',
    synonyms: ['法規沙盒', '金融監理沙盒', '沙盒', '創新實驗', '金融科技創新實驗', 'regulatory sandbox'],
    broader: '法規調適',
  },
  {
    tag: '標準與驗證',
    label: 'Standards and certification',
    description: '技術標準的制定、檢測驗證與符合性評鑑制度。',
    synonyms: ['標準化', '國際標準', '檢測驗證', '符合性評鑑', 'standardization', 'certification', 'conformity assessment'],
  },
  {
    tag: '國際合作',
    label: 'International cooperation',
    description: '各國政府或機構間就科技與法制議題簽署協議、交流與共同行動。',
    synonyms: ['國際交流', '跨國合作', '雙邊合作', '合作備忘錄', 'MOU', 'international cooperation'],
  },

  // ── Procurement ────────────────────────────────────────────────────────────────────────────────────
  {
    tag: '政府採購',
    label: 'Government procurement',
    description: '政府機關採購財物、勞務與工程的程序、規範與爭議處理。',
    synonyms: ['公共採購', '政府採購法', 'public procurement', 'government procurement'],
  },
  {
    tag: '創新採購',
    label: 'Innovation procurement',
    description: '政府以採購引進新創或創新解決方案的機制，包括新創採購。',
    synonyms: [
      '新創採購',
      '政府新創採購',
      '創新公共採購',
      '商業化前採購',
      'public procurement of innovation',
      'pre-commercial procurement',
    ],
    broader: '政府採購',
  },

  // ── Finance ────────────────────────────────────────────────────────────────────────────────────────
  {
    tag: '金融科技',
    label: 'Fintech',
    description: '運用新興科技提供金融服務的創新模式及其監理。',
    synonyms: ['金融創新', 'FinTech', '互聯網金融', '監理科技', 'RegTech'],
  },
  {
    tag: '電子支付',
    label: 'Electronic payments',
    description: '電子支付、行動支付與第三方支付服務的經營規範。',
    synonyms: ['行動支付', '移動支付', '第三方支付', '電子支付機構', 'e-payment', 'mobile payment'],
    broader: '金融科技',
  },
  {
    tag: '虛擬資產',
    label: 'Virtual assets',
    description: '加密貨幣、穩定幣、NFT 等虛擬資產及其服務業者的監理。',
    synonyms: [
      '加密貨幣',
      '虛擬貨幣',
      '虛擬通貨',
      '加密資產',
      '數位資產',
      '穩定幣',
      'NFT',
      'VASP',
      'crypto asset',
      'cryptocurrency',
      'virtual asset',
    ],
    broader: '金融科技',
  },
  {
    tag: '開放銀行',
    label: 'Open banking',
    description: '金融機構經客戶同意透過介面與第三方共享資料的機制。',
    synonyms: ['開放金融', '開放API', 'open banking', 'open finance'],
    broader: '金融科技',
  },
  {
    tag: '洗錢防制',
    label: 'Anti-money laundering',
    description: '防止洗錢與資恐的客戶審查、交易監控與申報義務。',
    synonyms: ['反洗錢', '洗錢防制法', '資恐防制', 'AML', 'KYC', 'anti-money laundering'],
  },
  {
    tag: '區塊鏈',
    label: 'Blockchain',
    description: '區塊鏈與分散式帳本技術的應用及其法律定性。',
    synonyms: ['區塊鏈技術', '分散式帳本', '分布式賬本', 'DLT', 'blockchain'],
  },

  // ── Communications, platforms and markets ──────────────────────────────────────────────────────────
  {
    tag: '通訊傳播',
    label: 'Communications and media',
    description: '電信、廣播電視與網路傳播的匯流監理及其主管機關。',
    synonyms: ['通傳', '通訊傳播法', '廣播電視', '國家通訊傳播委員會', 'NCC', 'communications'],
  },
  {
    tag: '電信',
    label: 'Telecommunications',
    description: '電信事業的經營、頻譜、網路建設與互連管理。',
    synonyms: ['電信法', '電信管理法', '電信事業', '頻譜', 'telecommunications', 'telecom'],
    broader: '通訊傳播',
  },
  {
    tag: '5G',
    label: '5G',
    description: '第五代行動通訊的頻譜釋出、專網與垂直應用。',
    synonyms: ['第五代行動通訊', '5G專網', '5G network'],
    broader: '電信',
  },
  {
    tag: '物聯網',
    label: 'Internet of things',
    description: '連網裝置的應用、資安與資料保護問題。',
    synonyms: ['IoT', '物聯網裝置', '萬物聯網', 'internet of things'],
  },
  {
    tag: '雲端運算',
    label: 'Cloud computing',
    description: '雲端服務的採用、委外管理、資料在地化與合約風險。',
    synonyms: ['雲端', '雲計算', '雲端服務', '雲服務', 'cloud computing', 'cloud'],
  },
  {
    tag: '元宇宙',
    label: 'Metaverse',
    description: '虛擬世界與延展實境應用所生的財產、身分與內容管理問題。',
    synonyms: ['metaverse', '延展實境', '虛擬實境', '擴增實境'],
  },
  {
    tag: '平台治理',
    label: 'Platform governance',
    description: '數位平台業者的義務、責任與透明度要求。',
    synonyms: ['數位平台', '網路平台', '平台經濟', '平台責任', '數位服務法', 'DSA', 'platform governance'],
  },
  {
    tag: '網路內容治理',
    label: 'Online content governance',
    description: '網路上違法或有害內容、不實訊息的處理與言論自由的平衡。',
    synonyms: [
      '網路內容管理',
      '網路內容',
      '假訊息',
      '不實訊息',
      '虛假信息',
      '內容審核',
      'content moderation',
      'disinformation',
    ],
    broader: '平台治理',
  },
  {
    tag: '電子商務',
    label: 'E-commerce',
    description: '網路交易與電商經營的契約、責任與管理規範。',
    synonyms: ['電商', '網路購物', '網購', '跨境電商', '電子商務法', 'e-commerce'],
    broader: '數位經濟',
  },
  {
    tag: '消費者保護',
    label: 'Consumer protection',
    description: '消費者在交易中的資訊、契約與救濟權益保障。',
    synonyms: ['消保', '消保法', '消費者保護法', '消費者權益', 'consumer protection'],
  },
  {
    tag: '競爭法',
    label: 'Competition law',
    description: '獨占、結合與不公平競爭行為的管制，包括數位市場的守門人規範。',
    synonyms: ['公平交易法', '公平法', '反壟斷', '反托拉斯', '數位市場法', 'DMA', 'antitrust', 'competition law'],
  },
  {
    tag: '數位經濟',
    label: 'Digital economy',
    description: '以數位科技驅動的產業、商業模式與經濟政策。',
    synonyms: ['數字經濟', '數位轉型', 'digital economy'],
  },
  {
    tag: '數位貿易',
    label: 'Digital trade',
    description: '數位商品與服務的跨境貿易規則及相關經貿協定。',
    synonyms: ['數字貿易', '數位經濟協定', 'DEPA', 'digital trade'],
    broader: '數位經濟',
  },

  // ── Health and life sciences ───────────────────────────────────────────────────────────────────────
  {
    tag: '生醫科技',
    label: 'Biomedical technology',
    description: '生物技術與醫藥產業的研發、上市與監管。',
    synonyms: ['生物科技', '生技', '生醫', '生技醫藥', 'biotech', 'biomedical technology'],
  },
  {
    tag: '醫療器材',
    label: 'Medical devices',
    description: '醫療器材的分類、查驗登記與上市後管理，包括軟體醫材。',
    synonyms: ['醫材', '醫療器械', '醫療器材管理法', '軟體醫材', 'SaMD', 'medical device'],
    broader: '生醫科技',
  },
  {
    tag: '再生醫療',
    label: 'Regenerative medicine',
    description: '細胞治療、基因治療等再生醫療的臨床使用與產品管理。',
    synonyms: ['再生醫學', '細胞治療', '基因治療', 'regenerative medicine'],
    broader: '生醫科技',
  },
  {
    tag: '數位健康',
    label: 'Digital health',
    description: '以資通訊科技提供健康照護的服務模式與健康資料運用。',
    synonyms: ['遠距醫療', '通訊診察', '行動醫療', '健康資料', '電子病歷', 'digital health', 'telemedicine', 'mHealth'],
  },
  {
    tag: '智慧醫療',
    label: 'Smart healthcare',
    description: '人工智慧與智慧科技在診斷、照護與醫院管理上的應用。',
    synonyms: ['醫療AI', 'AI醫療', '醫療人工智慧', '智慧醫院', 'smart healthcare'],
    broader: '數位健康',
  },

  // ── Energy and climate ─────────────────────────────────────────────────────────────────────────────
  {
    tag: '能源科技',
    label: 'Energy technology',
    description: '能源技術的研發與應用，例如儲能與智慧電網。',
    synonyms: ['能源技術', '儲能', '智慧電網', 'energy technology'],
  },
  {
    tag: '再生能源',
    label: 'Renewable energy',
    description: '太陽光電、風力等再生能源的開發、併網與綠電交易。',
    synonyms: ['綠能', '綠電', '可再生能源', '離岸風電', '太陽光電', 'renewable energy'],
    broader: '能源科技',
  },
  {
    tag: '淨零轉型',
    label: 'Net-zero transition',
    description: '邁向淨零排放的減碳政策、碳定價與產業轉型。',
    synonyms: ['淨零排放', '淨零', '碳中和', '減碳', '碳定價', '碳費', '碳權', 'net zero'],
  },

  // ── Mobility, space and hardware ───────────────────────────────────────────────────────────────────
  {
    tag: '無人載具',
    label: 'Unmanned vehicles',
    description: '陸海空無人載具的創新實驗與管理規範。',
    synonyms: ['無人載具科技創新實驗條例', 'unmanned vehicle'],
  },
  {
    tag: '自駕車',
    label: 'Autonomous vehicles',
    description: '自動駕駛車輛的測試、上路、保險與事故責任。',
    synonyms: ['自動駕駛', '自動駕駛車', '無人駕駛', '無人車', 'autonomous vehicle', 'self-driving car'],
    broader: '無人載具',
  },
  {
    tag: '無人機',
    label: 'Drones',
    description: '遙控無人機的註冊、操作限制與空域管理。',
    synonyms: ['遙控無人機', '無人飛機', '無人航空器', '空拍機', 'drone', 'UAV', 'UAS'],
    broader: '無人載具',
  },
  {
    tag: '太空',
    label: 'Space',
    description: '太空活動、衛星通訊與太空產業的法制與國際規範。',
    synonyms: ['太空產業', '太空法', '太空發展法', '外太空', '衛星', '低軌衛星', 'space'],
  },
  {
    tag: '半導體',
    label: 'Semiconductors',
    description: '半導體產業的供應鏈、出口管制、補貼與技術保護。',
    synonyms: ['晶片', '芯片', '積體電路', '集成電路', 'semiconductor', 'chip'],
  },
  {
    tag: '量子科技',
    label: 'Quantum technology',
    description: '量子運算、量子通訊等技術的研發布局與安全影響。',
    synonyms: ['量子技術', '量子運算', '量子計算', '量子電腦', 'quantum technology', 'quantum computing'],
  },
];
