import type { CorpusRecord } from './record';

export const EMBEDDED_SCHEME = 'policy-annotator-embedded';

/**
 * The corpus built into the extension, so it works on any article with no set-up.
 * Facts from the 2024 UK–US AI safety MOU article, in our own words.
 */
export function embeddedRecords(): CorpusRecord[] {
  return [
    {
      id: 'bletchley-declaration-2023',
      type: 'declaration',
      title: 'The Bletchley Declaration',
      originalTitle: 'The Bletchley Declaration by Countries Attending the AI Safety Summit, 1-2 November 2023',
      aliases: ['布萊切利宣言', 'The Bletchley Declaration', 'Bletchley Declaration'],
      lang: 'en',
      date: '2023-11-01',
      publisher: 'GOV.UK',
      url: 'https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023',
      accessed: '2024-06-30',
      summary: {
        zh: '首屆人工智慧安全峰會於2023年11月在英國布萊切利公園舉行，與會國家據此發表宣言，承認先進人工智慧進展迅速且可能遭濫用，主張開發者應負責任地測試與評估模型，並強調國際合作與資訊共享。',
        en: 'Issued by the countries at the first AI Safety Summit at Bletchley Park in November 2023: it recognises the fast progress and misuse risks of frontier AI, expects developers to test and evaluate models responsibly, and calls for international cooperation and information sharing.',
      },
      tags: ['人工智慧', '人工智慧監管', '人工智慧風險管理'],
      related: [],
      origin: { uri: `${EMBEDDED_SCHEME}:/bletchley-declaration-2023.md`, line: 0, fieldLines: {}, embedded: true },
    },
  ];
}
