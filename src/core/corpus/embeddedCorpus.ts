import { EMBEDDED_RECORD_FILES } from '../embedded';
import { parseCorpusFile, type ParsedCorpusFile } from './parseFile';

export const EMBEDDED_SCHEME = 'policy-annotator-embedded';

export function embeddedUri(name: string): string {
  return `${EMBEDDED_SCHEME}:/records/${name}`;
}

/**
 * The corpus built into the extension (the 2024 UK–US AI safety MOU and what it refers to), so it works on
 * any article with no set-up. Parsed by the same parser as workspace files.
 */
export function loadEmbeddedCorpus(): ParsedCorpusFile[] {
  const encoder = new TextEncoder();
  return EMBEDDED_RECORD_FILES.map((file) => parseCorpusFile(embeddedUri(file.name), encoder.encode(file.text), { maxBytes: Number.MAX_SAFE_INTEGER, embedded: true }));
}

export function embeddedFileText(uri: string): string | undefined {
  return EMBEDDED_RECORD_FILES.find((file) => embeddedUri(file.name) === uri)?.text;
}
