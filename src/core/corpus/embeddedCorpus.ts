import { EMBEDDED_RECORD_FILES } from '../embedded';
import { parseCorpusFile, type ParsedCorpusFile } from './parseFile';
import { LineCounter } from 'yaml';
import { yieldToEventLoop } from '../util/slicer';

export const EMBEDDED_SCHEME = 'policy-annotator-embedded';

export function embeddedUri(name: string): string {
  return `${EMBEDDED_SCHEME}:/records/${name}`;
}

/**
 * The corpus built into the extension (the 2024 UK–US AI safety MOU and what it refers to), so it works on
 * any article with no set-up. Parsed by the same parser as workspace files.
 */
export function loadEmbeddedCorpus(): ParsedCorpusFile[] {
  return EMBEDDED_RECORD_FILES.map(parseEmbeddedFile);
}

function parseEmbeddedFile(file: { readonly name: string; readonly text: string }): ParsedCorpusFile {
  return parseCorpusFile(embeddedUri(file.name), new TextEncoder().encode(file.text), { maxBytes: Number.MAX_SAFE_INTEGER, embedded: true });
}

/**
 * The same, a file per turn of the event loop: at startup, cold code parses the first YAML documents slowly
 * (the whole corpus was one block of 0.1–0.4 s in a busy extension host); between two files the host handles
 * whatever came meanwhile (requests, other extensions, the law index's load).
 */
export async function loadEmbeddedCorpusInSlices(pause: () => Promise<void> = yieldToEventLoop): Promise<ParsedCorpusFile[]> {
  // The YAML library in a step of its own: in the desktop extension it is a bundle required on first use
  // (src/lazyYaml/yamlOnFirstUse.ts), and requiring it plus the first, cold parse made the longest step.
  new LineCounter();
  await pause();
  const parsed: ParsedCorpusFile[] = [];
  for (const file of EMBEDDED_RECORD_FILES) {
    parsed.push(parseEmbeddedFile(file));
    await pause();
  }
  return parsed;
}

export function embeddedFileText(uri: string): string | undefined {
  return EMBEDDED_RECORD_FILES.find((file) => embeddedUri(file.name) === uri)?.text;
}
